import DashboardCore
import Foundation
import SesterceAPI
import Testing

private typealias F = InstanceFormFixture

/// What the forms say before and while they act: the catalog is loading,
/// an edit redeploys, a save is under way (and the old error gone).
@Suite("Forms say what they do")
struct FormHonestyTests {
    @Test("A form opened before the catalog says it is loading, then fills in when it comes")
    func catalogLoading() {
        var state = Fixture.launchedState()
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        _ = reduce(&state, .command(.new))
        var form = F.form(state)
        #expect(form.field("regions")?.placeholder == "catalog loading…")
        #expect(form.field("hardware")?.placeholder == "catalog loading…")
        #expect(form.field("model")?.placeholder == "catalog loading…")
        state.receive(F.catalog, at: Fixture.t0)
        form = F.form(state)
        #expect(form.field("regions")?.placeholder == "no region has room")
        #expect(form.selected("model") == "m-llama")
        #expect(form.chosen("regions") == ["42"])
    }

    @Test("The edit form says, before Ctrl-S, that saving redeploys the instance")
    func editSaysItRedeploys() {
        var state = F.state()
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        _ = reduce(&state, .command(.edit))
        let model = FormModel(F.form(state))
        #expect(model.notice == "Saving redeploys it: pods restart, the address may change")
        guard case .submit(let label, _)? = model.rows.last else { return }
        #expect(label == "Save and redeploy")
        var fresh = F.state()
        _ = reduce(&fresh, .command(.new))
        #expect(FormModel(F.form(fresh)).notice == nil)
    }

    @Test("Ctrl-S again after a refusal: the old error goes at once and the footer says saving")
    func savingClearsTheOldError() {
        var (state, _) = F.newForm()
        F.type("chat-eu", into: &state)
        _ = reduce(&state, .submitForm)
        _ = reduce(&state, .instanceSaved(.createInstance(F.chatEU), .failure(.server(status: 500, message: "boom"))))
        #expect(F.form(state).messages == ["Could not save chat-eu: Server error (500): boom"])
        let effects = reduce(&state, .submitForm)
        #expect(effects.first == .perform(.createInstance(F.chatEU)))
        #expect(F.form(state).messages.isEmpty)
        #expect(state.flash?.text == "Saving chat-eu…")
    }
}
