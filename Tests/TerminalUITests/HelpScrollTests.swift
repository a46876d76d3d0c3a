import DashboardCore
import Foundation
import Testing
import TerminalUI
import TextLayout

/// Scrolling the help as the app does it: keys through the keymap into
/// `reduce`, then a frame drawn from the state. Nothing drawn is handed back:
/// the reducer alone holds the scroll to the last page, and the frame shows
/// exactly the state's scroll.
@Suite("Help scrolling")
struct HelpScrollTests {
    /// Presses `keys` in the help, then draws the frame the session would draw.
    static func press(_ keys: [KeyEvent], in state: inout State) -> Buffer {
        for key in keys {
            if let action = Keymap.standard.action(for: key, in: state) { _ = reduce(&state, action) }
        }
        return ScreenFixture.render(state)
    }

    /// The terminal resized to `width` x `height`, as the session reports it, and the frame after it.
    static func resize(_ state: inout State, width: Int, height: Int) -> Buffer {
        _ = reduce(&state, .resized(width: width, height: height))
        return ScreenFixture.render(state)
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
        #expect(state.helpScroll == end.first - 1)
        let back = try #require(Self.position(Self.press([.character("k")], in: &state)))
        #expect(back.first == end.first - 1)
    }

    @Test("G goes to the last page, and k then moves up at once")
    func bottomThenUp() throws {
        var state = ScreenFixture.help(width: 80, height: 24)
        let end = try #require(Self.position(Self.press([.character("G")], in: &state)))
        #expect(end.last == end.total)
        #expect(state.helpScroll == end.first - 1)
        let back = try #require(Self.position(Self.press([.character("k")], in: &state)))
        #expect(back.first == end.first - 1)
        #expect(back.last == end.total - 1)
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

    @Test("A taller terminal moves the last page up: the scroll follows it, and k answers at once")
    func resizeTaller() throws {
        var state = ScreenFixture.help(width: 80, height: 24)
        _ = Self.press([.character("G")], in: &state)
        let taller = try #require(Self.position(Self.resize(&state, width: 80, height: 30)))
        #expect(taller.last == taller.total)
        #expect(state.helpScroll == taller.first - 1)
        let back = try #require(Self.position(Self.press([.character("k")], in: &state)))
        #expect(back.first == taller.first - 1)
    }

    @Test("A terminal tall enough for the whole help shows it from the top")
    func resizeToFit() throws {
        var state = ScreenFixture.help(width: 120, height: 24)
        let end = try #require(Self.position(Self.press([.character("G")], in: &state)))
        #expect(end.first > 1)
        let whole = Self.resize(&state, width: 120, height: 100)
        #expect(Self.position(whole) == nil)
        #expect(state.helpScroll == 0)
        #expect(whole.lines.contains { $0.contains("Panes") })
    }

    @Test("The footer says how to scroll the help")
    func hint() {
        let state = ScreenFixture.help(width: 80, height: 24)
        let footer = ScreenFixture.render(state).lines.last ?? ""
        #expect(footer.contains("PgUp PgDn g G scroll"))
    }
}
