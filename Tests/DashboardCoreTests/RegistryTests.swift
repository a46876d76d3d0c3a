import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Registries")
struct RegistryTests {
    static func type(_ text: String, into state: inout State) {
        for character in text { _ = reduce(&state, .formInput(.character(character))) }
    }

    /// A registries pane with the create form filled in.
    static func filledForm() -> State {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        _ = reduce(&state, .command(.new))
        type("team-hub", into: &state)
        _ = reduce(&state, .formInput(.nextField))
        type("docker.io/acme/app:1", into: &state)
        _ = reduce(&state, .formInput(.nextField))
        type("acme", into: &state)
        _ = reduce(&state, .formInput(.nextField))
        type("hunter2", into: &state)
        return state
    }

    @Test("n opens the form; Ctrl-S sends the registry once and forgets the password")
    func create() {
        var state = Self.filledForm()
        #expect(state.inputMode == .form)
        let effects = reduce(&state, .submitForm)
        let expected = Mutation.createRegistry(
            name: "team-hub", credentials: RegistryCredentials(url: "docker.io/acme/app:1", username: "acme", password: "hunter2"))
        #expect(effects == [.perform(expected)])
        #expect(state.form?.form.text("password") == "")
        #expect(reduce(&state, .submitForm).isEmpty)
        let after = reduce(&state, .mutationFinished(expected, error: nil))
        #expect(state.form == nil)
        #expect(state.flash?.text == "Registry team-hub created")
        #expect(after.contains(.pollCatalog))
    }

    @Test("The password never shows in a description of the request")
    func secretHidden() {
        let mutation = Mutation.createRegistry(
            name: "r", credentials: RegistryCredentials(url: "u", username: "n", password: "hunter2"))
        let text = String(describing: Effect.perform(mutation))
        let debug = String(reflecting: Effect.perform(mutation))
        #expect(!text.contains("hunter2"))
        #expect(!debug.contains("hunter2"))
    }

    @Test("A 400 puts the server's messages next to the fields and keeps what was typed")
    func rejected() {
        var state = Self.filledForm()
        let effects = reduce(&state, .submitForm)
        guard case .perform(let mutation)? = effects.first else {
            Issue.record("nothing sent")
            return
        }
        _ = reduce(&state, .mutationFinished(mutation, error: .validation(messages: ["url should not be empty", "quota reached"])))
        let form = state.form?.form
        #expect(form?.text("name") == "team-hub")
        #expect(form?.field("url")?.error == "url should not be empty")
        #expect(form?.messages.contains("quota reached") == true)
    }

    @Test("Esc on an edited form asks before discarding; n keeps editing")
    func discard() {
        var state = Self.filledForm()
        _ = reduce(&state, .cancelForm)
        #expect(state.overlay == .discardForm)
        _ = reduce(&state, .cancel)
        #expect(state.form?.form.text("name") == "team-hub")
        _ = reduce(&state, .cancelForm)
        _ = reduce(&state, .confirm)
        #expect(state.form == nil)
    }

    @Test("D asks y/N, then deletes the selected registry")
    func delete() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        _ = reduce(&state, .command(.delete))
        #expect(state.overlay == .confirm(.deleteRegistry(id: "r1", name: "ghcr-vllm")))
        #expect(reduce(&state, .confirm) == [.perform(.deleteRegistry(id: "r1", name: "ghcr-vllm"))])
    }

    @Test("Read-only: n, e and D only say so")
    func readonly() {
        var state = Fixture.loadedState(readonly: true)
        _ = reduce(&state, .command(.showPane(.registries)))
        for command in [Command.new, .edit, .delete] {
            #expect(reduce(&state, .command(command)).isEmpty)
            #expect(state.form == nil)
            #expect(state.overlay == nil)
            #expect(state.flash?.text.hasPrefix("read-only") == true)
        }
    }
}
