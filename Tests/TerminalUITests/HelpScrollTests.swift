import DashboardCore
import Foundation
import Testing
import TerminalUI
import TextLayout

/// Scrolling the help as the app does it: keys through the keymap into
/// `reduce`, a frame drawn, and the line it was drawn from handed back.
@Suite("Help scrolling")
struct HelpScrollTests {
    /// Presses `keys` in the help, drawing a frame after each as the session does.
    static func press(_ keys: [KeyEvent], in state: inout State) -> Buffer {
        var frame = Buffer(width: state.width, height: state.height)
        for key in keys {
            if let action = Keymap.standard.action(for: key, in: state) { _ = reduce(&state, action) }
            frame = Buffer(width: state.width, height: state.height)
            if let line = Screen(model: ScreenModel(state), theme: .dark).render(into: &frame), line != state.helpScroll {
                _ = reduce(&state, .helpShown(fromLine: line))
            }
        }
        return frame
    }

    /// The border's "lines A-B of N", as numbers.
    static func position(_ frame: Buffer) -> (first: Int, last: Int, total: Int)? {
        for line in frame.lines {
            guard let range = line.range(of: #"lines \d+-\d+ of \d+"#, options: .regularExpression) else { continue }
            let numbers = line[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return (numbers[0], numbers[1], numbers[2])
        }
        return nil
    }

    @Test("Scrolled past the end, one k moves back up at once")
    func backUpAtOnce() throws {
        var state = ScreenFixture.help(width: 80, height: 24)
        let end = try #require(Self.position(Self.press(Array(repeating: .character("j"), count: 200), in: &state)))
        #expect(end.last == end.total)
        let back = try #require(Self.position(Self.press([.character("k")], in: &state)))
        #expect(back.first == end.first - 1)
    }

    @Test("G and g go to the end and the start; PgDn and PgUp move by a page")
    func jumps() throws {
        var state = ScreenFixture.help(width: 80, height: 24)
        let end = try #require(Self.position(Self.press([.character("G")], in: &state)))
        #expect(end.last == end.total)
        let start = try #require(Self.position(Self.press([.character("g")], in: &state)))
        #expect(start.first == 1)
        let page = try #require(Self.position(Self.press([.pageDown], in: &state)))
        #expect(page.first == 1 + Layout.detailRows(height: 24))
        let pageBack = try #require(Self.position(Self.press([.pageUp], in: &state)))
        #expect(pageBack.first == 1)
    }

    @Test("The footer says how to scroll the help")
    func hint() {
        let state = ScreenFixture.help(width: 80, height: 24)
        let footer = ScreenFixture.render(state).lines.last ?? ""
        #expect(footer.contains("PgUp PgDn g G scroll"))
    }
}
