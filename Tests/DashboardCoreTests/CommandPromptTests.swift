import DashboardCore
import Testing

/// `:` as in k9s: a pane or command by name, Tab completing it, ↑ and ↓
/// going through the commands run before.
@Suite("Command prompt")
struct CommandPromptTests {
    /// `:`, `text` typed, and Enter.
    @discardableResult
    static func runs(_ text: String, in state: inout State) -> [Effect] {
        _ = reduce(&state, .command(.beginPrompt))
        for character in text { _ = reduce(&state, .prompt(.character(character))) }
        return reduce(&state, .prompt(.run))
    }

    @Test(": opens the prompt in the footer; typed letters go to it; Enter runs the pane by name")
    func runsByName() {
        var store = TestStore(Fixture.loadedState())
        #expect(Keymap.standard.action(for: .character(":"), in: store.state) == .command(.beginPrompt))
        store.send(.command(.beginPrompt)) { $0.prompt = CommandPrompt() }
        #expect(store.state.inputMode == .prompt)
        #expect(Keymap.standard.action(for: .character("r"), in: store.state) == .prompt(.character("r")))
        for character in "regions" { store.send(.prompt(.character(character))) { $0.prompt!.text.append(character) } }
        #expect(ScreenModel(store.state).footer.prompt == ":regions")
        store.send(.prompt(.run)) {
            $0.prompt = nil
            $0.promptHistory = ["regions"]
            $0.pane = .regions
            $0.detailSweepQueue = []
        }
        #expect(store.state.inputMode == .normal)
    }

    @Test("Tab completes a name as far as it is the only one, and lists the names when several fit")
    func completes() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.beginPrompt))
        _ = reduce(&state, .prompt(.character("h")))
        _ = reduce(&state, .prompt(.complete))
        #expect(state.prompt?.text == "h")
        #expect(state.flash?.text == ":hardware  :help")
        _ = reduce(&state, .prompt(.character("a")))
        _ = reduce(&state, .prompt(.complete))
        #expect(state.prompt?.text == "hardware")
        _ = reduce(&state, .prompt(.run))
        #expect(state.pane == .hardware)
    }

    @Test("A unique start runs its command; an unknown name says which names there are; :q quits")
    func prefixesAndUnknown() {
        var state = Fixture.loadedState()
        Self.runs("cos", in: &state)
        #expect(state.pane == .cost)
        Self.runs("nope", in: &state)
        #expect(state.flash?.text.hasPrefix("Unknown command :nope (:instances :regions :hardware") == true)
        #expect(Self.runs("q", in: &state) == [.quit])
    }

    @Test("↑ brings back earlier commands, newest first; ↓ goes forward and back to an empty line; Esc runs nothing")
    func history() {
        var state = Fixture.loadedState()
        Self.runs("regions", in: &state)
        Self.runs("models", in: &state)
        _ = reduce(&state, .command(.beginPrompt))
        #expect(Keymap.standard.action(for: .up, in: state) == .prompt(.older))
        _ = reduce(&state, .prompt(.older))
        #expect(state.prompt?.text == "models")
        _ = reduce(&state, .prompt(.older))
        _ = reduce(&state, .prompt(.older))
        #expect(state.prompt?.text == "regions")
        _ = reduce(&state, .prompt(.newer))
        #expect(state.prompt?.text == "models")
        _ = reduce(&state, .prompt(.newer))
        #expect(state.prompt?.text == "")
        _ = reduce(&state, .prompt(.older))
        _ = reduce(&state, .prompt(.cancel))
        #expect(state.prompt == nil)
        #expect(state.pane == .models)
    }
}
