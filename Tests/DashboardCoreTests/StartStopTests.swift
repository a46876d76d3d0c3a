import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import Testing

@Suite("Start and stop")
struct StartStopTests {
    static let stopChat = Mutation.stop(id: "a1", name: "chat-prod")

    @Test("x asks for confirmation; y sends one stop and shows STOPPING at once")
    func stopFlow() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.stop)) { $0.overlay = .confirm(Self.stopChat) }
        store.send(.confirm, effects: [.perform(Self.stopChat)]) {
            $0.overlay = nil
            $0.transitions["a1"] = PendingTransition(status: "STOPPING")
        }
        let table = Fixture.table(of: .instances, in: store.state)
        #expect(table?.rows[0][1] == TableModel.Cell(text: "STOPPING", tone: .progress))
        // A second y has no dialog to confirm: nothing is sent.
        store.send(.confirm)
    }

    /// chat-prod (the first row) with its stop confirmed and sent.
    static func stopping() -> State {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.stop))
        _ = reduce(&state, .confirm)
        return state
    }

    @Test("After the stop succeeds, only a poll sent afterwards settles the status")
    func settles() {
        var store = TestStore(Self.stopping())
        // A poll goes out before the stop lands: it is the second.
        store.send(.pollDue(.instances, token: 1), effects: [.pollInstances(detailId: "a1")]) { $0.sendsPoll(.instances) }
        store.send(.mutationFinished(Self.stopChat, error: nil), effects: [.flashExpiry(1)]) {
            $0.transitions["a1"]!.settledByPoll = 3
            $0.flashes("Stopping chat-prod…")
            $0.polls[.instances]!.refreshQueued = true
            $0.recordsAction("a1", "chat-prod", "stop accepted")
        }
        // The older poll returns with the old status: still STOPPING, and the third goes out at once.
        store.send(.instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0),
                   effects: [.pollInstances(detailId: "a1"), .sweep()]) {
            $0.polls[.instances]!.refreshQueued = false
            $0.polls[.instances]!.sent = 3
        }
        var stopped = Fixture.fleet
        stopped[0].status = .disabled
        let event = AccountEvent(at: Fixture.t0, kind: .status, instanceId: "a1", instanceName: "chat-prod", old: "ACTIVE", new: "DISABLED", hourlyPrice: 2.88)
        store.send(.instancesPolled(.success(stopped), detail: nil, at: Fixture.t0),
                   effects: [.ringBell, .notifyDesktop(title: "sesterce-dash", body: event.sentence), .nextPoll(.instances, after: 5, token: 2),
                             .sweep()]) {
            $0.instances = stopped
            $0.observes(stopped)
            $0.pollSucceeded(.instances, at: Fixture.t0)
            $0.cost.sample(BurnRate(instances: stopped), at: Fixture.t0, maxGap: 60)
            $0.transitions = [:]
            $0.recordsEvents([event])  // "Stopping chat-prod…" stays in the footer
        }
        #expect(PaneTableProbe.status(of: "a1", in: store.state) == "DISABLED")
    }

    @Test("A refused stop shows the server's message and the real status again")
    func failure() {
        var store = TestStore(Self.stopping())
        let error = APIError.validation(messages: ["Instance is already stopped"])
        store.send(.mutationFinished(Self.stopChat, error: error), effects: [.flashExpiry(1, .error)]) {
            $0.transitions = [:]
            $0.flashes("Could not stop chat-prod: Rejected: Instance is already stopped", .error)
            $0.recordsAction("a1", "chat-prod", "stop failed: Rejected: Instance is already stopped")
        }
    }

    @Test("Read-only refuses start and stop with a message and sends nothing", arguments: [Command.start, .stop])
    func readonly(command: Command) {
        var store = TestStore(Fixture.loadedState(readonly: true))
        store.send(.command(command), effects: [.flashExpiry(1, .error)]) {
            $0.flashes("read-only: \(command == .start ? "start" : "stop") is disabled (--readonly)", .error)
        }
    }

    @Test("s on a running instance and x on a stopped one say so at once: no dialog, nothing sent",
          arguments: [("chat-prod", Command.start, "chat-prod is already running"),
                      ("sdxl-render", .start, "sdxl-render is already running"),
                      ("whisper-batch", .stop, "whisper-batch is already stopped")])
    func pointless(name: String, command: Command, flash: String) {
        var store = TestStore(Self.selecting(name))
        store.send(.command(command), effects: [.flashExpiry(1)]) { $0.flashes(flash) }
    }

    @Test("A stopped instance can be started, a failed one started or stopped", arguments: [
        ("whisper-batch", Command.start), ("support-bot", .start), ("support-bot", .stop), ("llama70b-eu", .stop),
    ])
    func meaningful(name: String, command: Command) {
        let state = Self.selecting(name)
        let id = state.selectedInstance!.id
        var store = TestStore(state)
        // A start says its price, which needs the instance's detail: asked for now.
        store.send(.command(command), effects: command == .start ? [.fetchDetail(id: id)] : []) {
            $0.overlay = .confirm(command == .start ? .start(id: id, name: name) : .stop(id: id, name: name))
        }
    }

    /// The loaded dashboard with the cursor on the instance named `name`.
    static func selecting(_ name: String) -> State {
        var state = Fixture.loadedState()
        while state.selectedInstance?.name != name, state.selectedInstance != nil {
            let before = state.selectedInstance?.id
            _ = reduce(&state, .command(.move(.down)))
            if state.selectedInstance?.id == before { break }
        }
        return state
    }

    @Test("The start question never comes without its cost: the detail is asked for, \"pricing…\" shows and y waits until it comes")
    func startSaysTheCost() {
        var store = TestStore(Self.selecting("whisper-batch"))
        store.send(.command(.start), effects: [.fetchDetail(id: "c3")]) {
            $0.overlay = .confirm(.start(id: "c3", name: "whisper-batch"))
        }
        guard case .confirm(let pricing)? = ScreenModel(store.state).overlay else { Issue.record("no question"); return }
        #expect(pricing.message == "Start whisper-batch? It will be billed while it runs: pricing…")
        #expect(pricing.hint == "pricing… · n/Esc cancel")
        store.send(.confirm)
        let detail = Fixture.detail("c3", name: "whisper-batch", ready: 0, total: 0)
        store.send(.detailLoaded(.success(detail), at: Fixture.t0), effects: [.sweep()]) {
            $0.details["c3"] = detail
            $0.detailFetchedAt["c3"] = Fixture.t0
        }
        store.send(.hardwarePricesLoaded(asked: ["hw-l40s"], ["hw-l40s": 1.44])) {
            $0.hardwarePricesAsked.remove("hw-l40s")
            $0.hardwarePrices["hw-l40s"] = 1.44
        }
        guard case .confirm(let priced)? = ScreenModel(store.state).overlay else { Issue.record("no question"); return }
        #expect(priced.message == "Start whisper-batch? It will be billed while it runs: $1.44/h at min (1 pod), $5.76/h at max (4 pods).")
        #expect(priced.hint == "y confirm · n/Esc cancel")
        store.send(.confirm, effects: [.perform(.start(id: "c3", name: "whisper-batch"))]) {
            $0.overlay = nil
            $0.transitions["c3"] = PendingTransition(status: "STARTING")
        }
    }

    @Test("A start question whose detail cannot be loaded goes, and the footer says why")
    func startWithoutDetail() {
        var store = TestStore(Self.selecting("whisper-batch"))
        store.send(.command(.start), effects: [.fetchDetail(id: "c3")]) {
            $0.overlay = .confirm(.start(id: "c3", name: "whisper-batch"))
        }
        store.send(.detailLoaded(.failure(.timedOut), at: Fixture.t0), effects: [.sweep(), .flashExpiry(1, .error)]) {
            $0.overlay = nil
            $0.flashes("Could not load the detail: Request timed out", .error)
        }
    }

    @Test("c on the Registries pane says only instances are cloned")
    func cloneOnRegistries() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        var store = TestStore(state)
        store.send(.command(.clone), effects: [.flashExpiry(1)]) {
            $0.flashes("Only instances can be cloned (c on the Instances pane, 1)")
        }
    }

    @Test("n or Esc cancels the dialog without sending anything")
    func cancel() {
        var store = TestStore(Self.selecting("whisper-batch"))
        store.send(.command(.start), effects: [.fetchDetail(id: "c3")]) { $0.overlay = .confirm(.start(id: "c3", name: "whisper-batch")) }
        store.send(.cancel) { $0.overlay = nil }
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
