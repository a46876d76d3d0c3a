import Testing
import TerminalUI
import TextLayout
@testable import CursesBackend

@Suite("Frame diff")
struct FrameDiffTests {
    private let bold = Style(attributes: .bold)

    private func frame(_ lines: [String], width: Int? = nil) -> Buffer {
        var buffer = Buffer(width: width ?? lines.map(DisplayWidth.of).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() { buffer.put(line, x: 0, y: y) }
        return buffer
    }

    private func positions(_ diff: FrameDiff) -> [[Int]] {
        diff.changes.map { [$0.x, $0.y] }
    }

    @Test func noPreviousFrameDrawsEveryCell() {
        let diff = FrameDiff(from: nil, to: frame(["ab", "cd"]))
        #expect(diff.isFullRedraw)
        #expect(positions(diff) == [[0, 0], [1, 0], [0, 1], [1, 1]])
        #expect(diff.changes.map(\.cell.text) == ["a", "b", "c", "d"])
    }

    @Test func identicalFramesChangeNothing() {
        let diff = FrameDiff(from: frame(["ab", "cd"]), to: frame(["ab", "cd"]))
        #expect(!diff.isFullRedraw)
        #expect(diff.changes.isEmpty)
    }

    @Test func onlyChangedCellsAreWritten() {
        let diff = FrameDiff(from: frame(["abc", "def"]), to: frame(["aXc", "deY"]))
        #expect(!diff.isFullRedraw)
        #expect(diff.changes == [
            FrameDiff.Change(x: 1, y: 0, cell: Cell("X")),
            FrameDiff.Change(x: 2, y: 1, cell: Cell("Y")),
        ])
    }

    @Test func aChangeOfStyleAloneIsWritten() {
        var next = frame(["ab"])
        next.restyle(Rect(x: 1, y: 0, width: 1, height: 1), bold)
        let diff = FrameDiff(from: frame(["ab"]), to: next)
        #expect(diff.changes == [FrameDiff.Change(x: 1, y: 0, cell: Cell("b", style: bold))])
    }

    @Test(arguments: [(3, 2), (2, 3), (3, 3)])
    func aChangeOfSizeRedrawsEverything(width: Int, height: Int) {
        let diff = FrameDiff(from: Buffer(width: 2, height: 2), to: Buffer(width: width, height: height))
        #expect(diff.isFullRedraw)
        #expect(diff.changes.count == width * height)
    }

    @Test func theRightHalfOfAWideCharacterIsNeverWritten() {
        let diff = FrameDiff(from: nil, to: frame(["漢a"]))
        #expect(positions(diff) == [[0, 0], [2, 0]])
        #expect(diff.changes.map(\.cell.text) == ["漢", "a"])
    }

    @Test func aWideCharacterReplacingTwoNarrowOnesIsOneWrite() {
        let diff = FrameDiff(from: frame(["abc"]), to: frame(["漢c"]))
        #expect(diff.changes == [FrameDiff.Change(x: 0, y: 0, cell: Cell("漢"))])
    }

    @Test func twoNarrowCharactersReplacingAWideOneAreBothWritten() {
        let diff = FrameDiff(from: frame(["漢c"]), to: frame(["abc"]))
        #expect(diff.changes.map(\.cell.text) == ["a", "b"])
        #expect(positions(diff) == [[0, 0], [1, 0]])
    }

    @Test func anOverwrittenLeftHalfLeavesABlankNotAHalfGlyph() {
        var next = frame(["漢c"])
        next.put("a", x: 0, y: 0)  // the continuation at x 1 is now an orphan
        let diff = FrameDiff(from: frame(["漢c"]), to: next)
        #expect(diff.changes == [
            FrameDiff.Change(x: 0, y: 0, cell: Cell("a")),
            FrameDiff.Change(x: 1, y: 0, cell: Cell(" ")),
        ])
    }

    @Test func aWideCharacterWhoseRightHalfWasOverwrittenDrawsAsABlank() {
        var next = frame(["漢c"])
        next.put("│", x: 1, y: 0)  // e.g. a dialog border over the right half
        let diff = FrameDiff(from: frame(["漢c"]), to: next)
        #expect(diff.changes == [
            FrameDiff.Change(x: 0, y: 0, cell: Cell(" ")),
            FrameDiff.Change(x: 1, y: 0, cell: Cell("│")),
        ])
    }

    @Test func aWideCharacterCutAtTheRightEdgeDrawsAsABlank() {
        var buffer = Buffer(width: 2, height: 1)
        buffer[1, 0] = Cell("漢", style: bold)
        #expect(FrameDiff.drawn(buffer, x: 1, y: 0) == Cell(" ", style: bold))
    }

    @Test func unchangedRowsAroundAChangedOneAreSkipped() {
        let diff = FrameDiff(from: frame(["aa", "bb", "cc"]), to: frame(["aa", "bB", "cc"]))
        #expect(positions(diff) == [[1, 1]])
    }
}
