import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Start and stop")
struct StartStopTests {
    @Test("x asks for confirmation; y sends one stop and shows STOPPING at once")
    func stopFlow() {
        var state = Fixture.loadedState()
        let target = state.selectedInstance!
        #expect(reduce(&state, .command(.stop)).isEmpty)
        #expect(state.overlay == .confirm(.stop(id: target.id, name: target.name)))
        let effects = reduce(&state, .confirm)
        #expect(effects == [.perform(.stop(id: target.id, name: target.name))])
        #expect(state.overlay == nil)
        #expect(state.transitions[target.id]?.status == "STOPPING")
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(table.rows[0][1].text == "STOPPING")
        #expect(table.rows[0][1].tone == .progress)
        // A second y has no dialog to confirm: nothing is sent.
        #expect(reduce(&state, .confirm).isEmpty)
    }

    @Test("After the stop succeeds, only a poll sent afterwards settles the status")
    func settles() {
        var state = Fixture.loadedState()
        let target = state.selectedInstance!
        _ = reduce(&state, .command(.stop))
        _ = reduce(&state, .confirm)
        let token = state.poll(.instances).token
        _ = reduce(&state, .pollDue(.instances, token: token))  // a poll goes out before the stop lands
        #expect(reduce(&state, .mutationFinished(.stop(id: target.id, name: target.name), error: nil)).isEmpty)
        #expect(state.flash?.text == "Stopping \(target.name)…")
        // The older poll returns with the old status: still STOPPING.
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(state.transitions[target.id] != nil)
        #expect(effects == [.pollInstances(detailId: target.id)])
        var stopped = Fixture.fleet
        stopped[0].status = .disabled
        _ = reduce(&state, .instancesPolled(.success(stopped), detail: nil, at: Fixture.t0))
        #expect(state.transitions[target.id] == nil)
        #expect(PaneTableProbe.status(of: target.id, in: state) == "DISABLED")
    }

    @Test("A refused stop shows the server's message and the real status again")
    func failure() {
        var state = Fixture.loadedState()
        let target = state.selectedInstance!
        _ = reduce(&state, .command(.stop))
        _ = reduce(&state, .confirm)
        _ = reduce(&state, .mutationFinished(.stop(id: target.id, name: target.name), error: .validation(messages: ["Instance is already stopped"])))
        #expect(state.transitions[target.id] == nil)
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text == "Could not stop \(target.name): Rejected: Instance is already stopped")
    }

    @Test("Read-only refuses start and stop with a message and sends nothing")
    func readonly() {
        var state = Fixture.loadedState(readonly: true)
        #expect(reduce(&state, .command(.start)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.flash?.text.hasPrefix("read-only") == true)
    }

    @Test("s on a running instance and x on a stopped one say so at once: no dialog, nothing sent",
          arguments: [("chat-prod", Command.start, "chat-prod is already running"),
                      ("sdxl-render", .start, "sdxl-render is already running"),
                      ("whisper-batch", .stop, "whisper-batch is already stopped")])
    func pointless(name: String, command: Command, flash: String) {
        var state = Fixture.loadedState()
        Self.select(name, in: &state)
        #expect(reduce(&state, .command(command)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.flash?.text == flash)
    }

    @Test("A stopped instance can be started, a failed one started or stopped", arguments: [
        ("whisper-batch", Command.start), ("support-bot", .start), ("support-bot", .stop), ("llama70b-eu", .stop),
    ])
    func meaningful(name: String, command: Command) {
        var state = Fixture.loadedState()
        Self.select(name, in: &state)
        _ = reduce(&state, .command(command))
        let id = state.selectedInstance!.id
        #expect(state.overlay == .confirm(command == .start ? .start(id: id, name: name) : .stop(id: id, name: name)))
    }

    static func select(_ name: String, in state: inout State) {
        while state.selectedInstance?.name != name, state.selectedInstance != nil {
            let before = state.selectedInstance?.id
            _ = reduce(&state, .command(.move(.down)))
            if state.selectedInstance?.id == before { break }
        }
    }

    @Test("The start question says what the instance will cost once running, when its detail and price are known")
    func startSaysTheCost() {
        var state = Fixture.loadedState()
        Self.select("whisper-batch", in: &state)
        _ = reduce(&state, .command(.start))
        guard case .confirm(let plain)? = ScreenModel(state).overlay else { Issue.record("no question"); return }
        #expect(plain.message == "Start whisper-batch? It will be billed while it runs.")
        _ = reduce(&state, .cancel)
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("c3", name: "whisper-batch", ready: 0, total: 0)), at: Fixture.t0))
        _ = reduce(&state, .hardwarePricesLoaded(asked: ["hw-l40s"], ["hw-l40s": 1.44]))
        _ = reduce(&state, .command(.start))
        guard case .confirm(let priced)? = ScreenModel(state).overlay else { Issue.record("no question"); return }
        #expect(priced.message == "Start whisper-batch? It will be billed while it runs: $1.44/h at min (1 pod), $5.76/h at max (4 pods).")
    }

    @Test("c on the Registries pane says only instances are cloned")
    func cloneOnRegistries() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        #expect(reduce(&state, .command(.clone)).isEmpty)
        #expect(state.form == nil)
        #expect(state.flash?.text == "Only instances can be cloned (c on the Instances pane, 1)")
    }

    @Test("n or Esc cancels the dialog without sending anything")
    func cancel() {
        var state = Fixture.loadedState()
        Self.select("whisper-batch", in: &state)
        _ = reduce(&state, .command(.start))
        #expect(state.overlay != nil)
        #expect(reduce(&state, .cancel).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.transitions.isEmpty)
    }
}

/// Reads a row's status cell as the screen would show it.
enum PaneTableProbe {
    static func status(of id: String, in state: State) -> String? {
        guard case .table(let table) = ScreenModel(state).body,
            let index = state.listings[.instances]!.order.firstIndex(where: { state.instances[$0].id == id })
        else { return nil }
        return table.rows[index - table.firstRow][1].text
    }
}
