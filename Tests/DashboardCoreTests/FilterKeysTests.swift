import DashboardCore
import Testing

/// The filter line takes Ctrl-W and Ctrl-U as a shell does, and a leading
/// `!` keeps the rows that do not match, as in k9s.
@Suite("Filter keys")
struct FilterKeysTests {
    static func typing(_ text: String) -> State {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.beginFilter))
        for character in text { _ = reduce(&state, .filterInput(character)) }
        return state
    }

    static func names(_ state: State) -> [String] {
        Fixture.table(of: .instances, in: state)?.rows.map(\.[0].text) ?? []
    }

    @Test("Ctrl-W deletes the last word (and the blanks after it), Ctrl-U the whole filter; typing goes on")
    func eraseKeys() {
        var state = Self.typing("chat prod  ")
        #expect(Keymap.standard.action(for: .ctrl("w"), in: state) == .filterDeleteWord)
        #expect(Keymap.standard.action(for: .ctrl("u"), in: state) == .filterDeleteAll)
        _ = reduce(&state, .filterDeleteWord)
        #expect(state.listing.filter == "chat ")
        _ = reduce(&state, .filterDeleteWord)
        #expect(state.listing.filter == "")
        _ = reduce(&state, .filterInput("x"))
        _ = reduce(&state, .filterDeleteAll)
        #expect(state.listing.filter == "")
        #expect(state.filterEditing)
        #expect(Self.names(state).count == Fixture.fleet.count)
    }

    @Test("A leading ! inverts the filter: /!ACTIVE lists what is not ACTIVE; ! alone filters nothing")
    func inverted() {
        #expect(Self.names(Self.typing("ACTIVE")) == ["chat-prod"])
        #expect(Self.names(Self.typing("!ACTIVE")) == ["llama70b-eu", "sdxl-render", "support-bot", "whisper-batch"])
        #expect(Self.names(Self.typing("!")).count == Fixture.fleet.count)
    }
}
