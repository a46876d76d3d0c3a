import DashboardCore
import Testing
import TextLayout

/// The reducer holds the help's scroll to its last page by itself, as it
/// holds the detail's: nothing drawn tells it where the last page is.
@Suite("Help scroll held to the last page")
struct HelpScrollClampTests {
    /// The help open on a loaded dashboard of `width` x `height`.
    static func help(width: Int = 80, height: Int = 24, keymap: Keymap = .standard) -> State {
        var state = Fixture.loadedState(width: width, height: height)
        state.settings.keymap = keymap
        _ = reduce(&state, .command(.help))
        return state
    }

    static func after(_ state: State, _ actions: [Action]) -> State {
        var state = state
        for action in actions { _ = reduce(&state, action) }
        return state
    }

    /// Lines of the help at `width` columns, counted from the model's content:
    /// a title per section, its entries, a blank line between sections, then
    /// "Cost" and the notes as wrapped beside the widest keys.
    static func lineCount(_ state: State) throws -> Int {
        guard case .help(let help) = ScreenModel(state).overlay else { throw HelpNotShown() }
        let keyWidth = help.sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
        let noteWidth = min(60, state.width - 4 - 2 - keyWidth - 2)
        let noteLines = help.notes.map { WordWrap.wrap($0, width: noteWidth).count }.reduce(0, +)
        let keyLines = help.sections.map { 1 + $0.entries.count }.reduce(0, +)
        return keyLines + help.sections.count + 1 + noteLines
    }

    struct HelpNotShown: Error {}

    /// Rows of help the box shows when the help is taller than the pane: the
    /// screen less the header and footer (2 + 2) and the box's border (2).
    static func shown(height: Int) -> Int { height - 6 }

    @Test("G stops at the last page: the line count less the rows shown")
    func bottom() throws {
        let state = Self.after(Self.help(), [.command(.move(.bottom))])
        let lines = try Self.lineCount(state)
        #expect(lines > Self.shown(height: 24))
        #expect(state.helpScroll == lines - Self.shown(height: 24))
    }

    @Test("Past the end it stays on the last page, so one step up moves at once")
    func downPastTheEnd() throws {
        let end = Self.after(Self.help(), Array(repeating: .command(.move(.down)), count: 200))
        let last = try Self.lineCount(end) - Self.shown(height: 24)
        #expect(end.helpScroll == last)
        #expect(Self.after(end, [.command(.move(.up))]).helpScroll == last - 1)
        #expect(Self.after(end, [.command(.move(.pageDown))]).helpScroll == last)
    }

    @Test("PgDn moves by the rows shown; PgUp and g come back to the top")
    func pages() {
        let state = Self.help()
        let down = Self.after(state, [.command(.move(.pageDown))])
        #expect(down.helpScroll == Self.shown(height: 24))
        #expect(Self.after(down, [.command(.move(.pageUp))]).helpScroll == 0)
        #expect(Self.after(down, [.command(.move(.top))]).helpScroll == 0)
        #expect(Self.after(state, [.command(.move(.up))]).helpScroll == 0)
    }

    @Test("A taller terminal holds the scroll to the new last page; a shorter one keeps the first line shown")
    func resized() throws {
        let end = Self.after(Self.help(), [.command(.move(.bottom))])
        let taller = Self.after(end, [.resized(width: 80, height: 30)])
        #expect(taller.helpScroll == (try Self.lineCount(taller)) - Self.shown(height: 30))
        let wholeHelp = Self.after(end, [.resized(width: 80, height: 200)])
        #expect(wholeHelp.helpScroll == 0)
        let shorter = Self.after(end, [.resized(width: 80, height: 20)])
        #expect(shorter.helpScroll == end.helpScroll)
    }

    @Test("The help is laid out with the settings' keymap: fewer keys, a shorter help")
    func keymapOfTheSettings() throws {
        let few = Keymap(bindings: [
            .character("?"): .help, .character("q"): .quit, .character("j"): .move(.down), .character("G"): .move(.bottom),
        ])
        let state = Self.after(Self.help(height: 60, keymap: few), [.command(.move(.bottom))])
        #expect(try Self.lineCount(state) <= Self.shown(height: 60))
        #expect(state.helpScroll == 0)
        let standard = Self.after(Self.help(height: 60), [.command(.move(.bottom))])
        #expect(standard.helpScroll == (try Self.lineCount(standard)) - Self.shown(height: 60))
        #expect(standard.helpScroll > 0)
    }
}
