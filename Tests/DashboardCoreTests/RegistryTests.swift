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

    static let teamHub = Mutation.createRegistry(
        name: "team-hub", credentials: RegistryCredentials(url: "docker.io/acme/app:1", username: "acme", password: "hunter2"))

    /// The filled form sent: the password leaves state with the request.
    static func submitted(sourceLocation: SourceLocation = #_sourceLocation) -> TestStore {
        var store = TestStore(filledForm())
        #expect(store.state.inputMode == .form)
        store.send(.submitForm, effects: [.perform(teamHub), .flashExpiry(1)], sourceLocation: sourceLocation) {
            $0.form!.form.clearSecrets()
            $0.submitsForm(saying: "Saving registry team-hub…")
        }
        return store
    }

    @Test("n opens the form; Ctrl-S sends the registry once and forgets the password")
    func create() {
        var store = Self.submitted()
        store.send(.submitForm)
        store.send(.mutationFinished(Self.teamHub, error: nil),
                   effects: [.pollCatalog(.registries), .flashExpiry(2)]) {
            $0.form = nil
            $0.flashes("Registry team-hub created")
            $0.sendsPoll(.catalog(.registries))
            $0.recordsAction(nil, "registry team-hub", "create accepted")
        }
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
        var store = Self.submitted()
        let error = APIError.validation(messages: ["url should not be empty", "quota reached"])
        store.send(.mutationFinished(Self.teamHub, error: error)) {
            $0.form!.submitting = false
            $0.form!.form.setErrors(["url": "url should not be empty"], general: ["quota reached"])
            $0.recordsAction(nil, "registry team-hub", "create failed: Rejected: url should not be empty; quota reached")
        }
        #expect(store.state.form?.form.text("name") == "team-hub")
    }

    @Test("Esc on an edited form asks before discarding; n keeps editing, y throws it away")
    func discard() {
        var store = TestStore(Self.filledForm())
        store.send(.cancelForm) { $0.overlay = .discardForm }
        store.send(.cancel) { $0.overlay = nil }
        store.send(.cancelForm) { $0.overlay = .discardForm }
        store.send(.confirm) {
            $0.overlay = nil
            $0.form = nil
        }
    }

    @Test("D asks y/N, then deletes the selected registry")
    func delete() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        var store = TestStore(state)
        let delete = Mutation.deleteRegistry(id: "r1", name: "ghcr-vllm")
        store.send(.command(.delete)) { $0.overlay = .confirm(delete) }
        store.send(.confirm, effects: [.perform(delete)]) { $0.overlay = nil }
    }

    @Test("Read-only: n, e and D only say so")
    func readonly() {
        var state = Fixture.loadedState(readonly: true)
        _ = reduce(&state, .command(.showPane(.registries)))
        var store = TestStore(state)
        for (number, command) in zip(1..., [Command.new, .edit, .delete]) {
            store.send(.command(command), effects: [.flashExpiry(number, .error)]) {
                $0.flashes("read-only: registries cannot be changed (--readonly)", .error)
            }
        }
    }
}
