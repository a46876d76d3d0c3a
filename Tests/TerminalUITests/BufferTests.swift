import Testing
import TerminalUI
import TextLayout

@Suite("Buffer")
struct BufferTests {
    @Test func putWritesTextAndReturnsColumns() {
        var buffer = Buffer(width: 8, height: 1)
        #expect(buffer.put("abc", x: 1, y: 0) == 3)
        #expect(buffer.lines == [" abc    "])
    }

    @Test func putTruncatesWithEllipsisAtTheRightEdgeAndAtMaxWidth() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.put("abcdefgh", x: 0, y: 0)
        buffer.put("abcdefgh", x: 1, y: 1, maxWidth: 3)
        #expect(buffer.lines == ["abcde…", " ab…  "])
    }

    @Test func putAlignsInItsField() {
        var buffer = Buffer(width: 9, height: 3)
        buffer.put("42", x: 0, y: 0, maxWidth: 6, alignment: .right)
        buffer.put("ok", x: 0, y: 1, maxWidth: 6, alignment: .center)
        buffer.put("end", x: 0, y: 2, alignment: .right)
        #expect(buffer.lines == ["    42   ", "  ok     ", "      end"])
    }

    @Test func putWithNegativeXClipsTheStart() {
        var buffer = Buffer(width: 5, height: 2)
        buffer.put("hello", x: -2, y: 0)
        buffer.put("中文", x: -1, y: 1)
        #expect(buffer.lines == ["llo  ", " 文  "])
        #expect(wideCharactersAreWhole(buffer))
    }

    @Test func putOutsideTheBufferDoesNothing() {
        var buffer = Buffer(width: 3, height: 1)
        #expect(buffer.put("x", x: 3, y: 0) == 0)
        #expect(buffer.put("x", x: 0, y: 1) == 0)
        #expect(buffer.put("x", x: 0, y: -1) == 0)
        #expect(buffer.put("x", x: -5, y: 0) == 1)
        #expect(buffer.lines == ["   "])
    }

    @Test func wideCharacterNeverStraddlesTheRightEdge() {
        var buffer = Buffer(width: 5, height: 2)
        buffer.put("abcd中", x: 0, y: 0)
        buffer[4, 1] = Cell("中")
        #expect(buffer.lines == ["abcd…", "     "])
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
    }

    @Test func wideCharacterThatDoesNotFitBeforeTheEllipsisLeavesNoHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("中文字", x: 0, y: 0)
        #expect(buffer.lines == ["中… "])
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)  // right half of 中
        #expect(buffer.lines == [" x文  "])
        buffer.put("y", x: 2, y: 0)  // left half of 文
        #expect(buffer.lines == [" xy   "])
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
    }

    @Test func wideOverWideShiftedByOneKeepsBothWhole() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("中文字", x: 0, y: 0)
        buffer.put("日", x: 1, y: 0)
        #expect(buffer.lines == [" 日 字"])
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
    }

    @Test func fillEdgesThroughWideCharactersLeaveNoHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("中文字", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        #expect(buffer.lines == [" -- 字"])
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
    }

    @Test func fillClipsRectsOutsideTheBuffer() {
        var buffer = Buffer(width: 3, height: 2)
        buffer.fill(Rect(x: 5, y: 5, width: 2, height: 2), with: Cell("#"))
        buffer.fill(Rect(x: -1, y: 1, width: 3, height: 4), with: Cell("#"))
        buffer.restyle(Rect(x: 9, y: 9, width: 1, height: 1), Style(attributes: .bold))
        #expect(buffer.lines == ["   ", "## "])
    }

    @Test func fillWithAWideCellPaintsBlanksInItsStyle() {
        var buffer = Buffer(width: 3, height: 1)
        let style = Style(foreground: .red)
        buffer.fill(buffer.area, with: Cell("中", style: style))
        #expect(buffer.lines == ["   "])
        #expect(buffer.cells.allSatisfy { $0.style == style })
    }

    @Test func subscriptStoresOneSafeGlyph() {
        var buffer = Buffer(width: 4, height: 1)
        buffer[0, 0] = Cell("\u{1B}")
        buffer[1, 0] = Cell("abc")
        buffer[2, 0] = Cell("")
        buffer[3, 0] = Cell("\u{0301}")
        #expect(buffer.lines == ["\u{FFFD}a  "])
        #expect(isControlFree(buffer))
    }

    @Test func restyleKeepsText() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 0)
        buffer.restyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(attributes: .reverse))
        #expect(buffer.lines == ["abc"])
        #expect(buffer[1, 0].style == Style(attributes: .reverse))
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.put("cafe\u{0301}!", x: 0, y: 0)
        #expect(buffer.lines == ["cafe\u{0301}!"])
        #expect(buffer[3, 0].text == "e\u{0301}")
    }
}

/// Wide characters whole and every line exactly as wide as the buffer.
func wideCharacterAreWholeAndWidthsMatch(_ buffer: Buffer) -> Bool {
    wideCharactersAreWhole(buffer) && buffer.lines.allSatisfy { DisplayWidth.of($0) == buffer.width }
}
