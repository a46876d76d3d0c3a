import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import TextLayout
import Testing

/// Marks (Space) and the changes made to every marked instance after one question.
@Suite("Marks and bulk actions")
struct MarksTests {
    /// The loaded fleet with `ids` marked (rows by name: chat-prod a1,
    /// llama70b-eu d4, sdxl-render b2, support-bot e5, whisper-batch c3).
    static func marked(_ ids: Set<String>, readonly: Bool = false, ledger: Bool = false) -> State {
        var state = Fixture.loadedState(readonly: readonly)
        state.settings.ledger = ledger
        state.marks = ids
        return state
    }

    static func target(_ id: String, _ name: String) -> BulkAction.Target { BulkAction.Target(id: id, name: name) }

    static func question(_ state: State) -> ConfirmModel? {
        if case .confirm(let question)? = ScreenModel(state).overlay { return question }
        return nil
    }

    @Test("Space marks the row and moves down, again unmarks; \\ unmarks all; the table shows which and how many")
    func marking() throws {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.mark)) {
            $0.marks = ["a1"]
            $0.lists(.instances, order: [0, 3, 1, 4, 2], selected: "d4")
            $0.listings[.instances]!.selectedIndex = 1
        }
        store.send(.command(.mark)) {
            $0.marks = ["a1", "d4"]
            $0.listings[.instances]!.selectedId = "b2"
            $0.listings[.instances]!.selectedIndex = 2
        }
        let table = try #require(Fixture.table(of: .instances, in: store.state))
        #expect(table.marks == [true, true, false, false, false])
        #expect(table.title == "Instances (5, 2 marked)")
        store.send(.command(.move(.up))) {
            $0.listings[.instances]!.selectedId = "d4"
            $0.listings[.instances]!.selectedIndex = 1
        }
        store.send(.command(.mark)) {
            $0.marks = ["a1"]
            $0.listings[.instances]!.selectedId = "b2"
            $0.listings[.instances]!.selectedIndex = 2
        }
        let flash = store.state.flashCount + 1
        store.send(.command(.clearMarks), effects: [.flashExpiry(flash)]) {
            $0.marks = []
            $0.flashes("Unmarked 1 instance")
        }
        #expect(Fixture.table(of: .instances, in: store.state)?.marks == nil)
        #expect(Fixture.table(of: .instances, in: store.state)?.title == "Instances (5)")
    }

    @Test("Space, Ctrl-Space and \\ are the keys; the footer says what acts on the marks")
    func keys() {
        let state = Self.marked(["a1"])
        #expect(Keymap.standard.action(for: .character(" "), in: state) == .command(.mark))
        #expect(Keymap.standard.action(for: .ctrl("@"), in: state) == .command(.clearMarks))
        #expect(Keymap.standard.action(for: .character("\\"), in: state) == .command(.clearMarks))
        #expect(Keymap.label(.ctrl("@")) == "Ctrl-Space" && KeyEvent(label: "Ctrl-Space") == .ctrl("@"))
        let hints = ScreenModel(state).footer.hints.map { "\($0.key) \($0.action)" }
        #expect(hints.starts(with: ["s start", "x stop", "T timer", "D delete", "\\ unmark"]))
        #expect(hints.contains("Space mark"))
        #expect(!ScreenModel(Fixture.loadedState(readonly: true)).footer.hints.contains { $0.key == "Space" })
    }

    @Test("x with rows marked asks once, naming those it stops and those left out, with the $/h it saves; y sends one stop each")
    func bulkStop() throws {
        var store = TestStore(Self.marked(["a1", "d4", "c3"]))
        let stop = BulkAction(
            kind: .stop, targets: [Self.target("a1", "chat-prod"), Self.target("d4", "llama70b-eu")],
            leftOut: [BulkAction.LeftOut(name: "whisper-batch", reason: "already stopped")])
        store.send(.command(.stop)) { $0.overlay = .bulk(stop) }
        #expect(store.state.inputMode == .confirm)
        let question = try #require(Self.question(store.state))
        #expect(question.title == "Stop 2 instances")
        #expect(question.message == """
            chat-prod and llama70b-eu?
            Burn rate: −$2.88/h, and $9.96/h starting no longer due. Their endpoints stop answering.
            Left out, already stopped: whisper-batch.
            """)
        let flash = store.state.flashCount + 1
        store.send(.confirm, effects: [
            .perform(.stop(id: "a1", name: "chat-prod")), .perform(.stop(id: "d4", name: "llama70b-eu")), .flashExpiry(flash),
        ]) {
            $0.overlay = nil
            $0.marks = []
            $0.transitions = ["a1": PendingTransition(status: "STOPPING"), "d4": PendingTransition(status: "STOPPING")]
            $0.flashes("Stopping 2 instances…")
        }
        // Each result comes back as a single stop's does: its message, its event.
        store.send(.mutationFinished(.stop(id: "a1", name: "chat-prod"), error: nil),
                   effects: [.pollInstances(detailId: "a1"), .flashExpiry(flash + 1)]) {
            $0.transitions["a1"]!.settledByPoll = 2
            $0.sendsPoll(.instances)
            $0.flashes("Stopping chat-prod…")
            $0.recordsAction("a1", "chat-prod", "stop accepted")
        }
        let refused = APIError.validation(messages: ["Instance is busy"])
        store.send(.mutationFinished(.stop(id: "d4", name: "llama70b-eu"), error: refused),
                   effects: [.flashExpiry(flash + 2, .error)]) {
            $0.transitions["d4"] = nil
            $0.flashes("Could not stop llama70b-eu: Rejected: Instance is busy", .error)
            $0.recordsAction("d4", "llama70b-eu", "stop failed: Rejected: Instance is busy")
        }
    }

    @Test("Stopping three ACTIVE rows says the burn rate loses their sum")
    func threeActive() throws {
        var state = Self.marked(["a1", "b2", "e5"])
        var fleet = Fixture.fleet
        for index in [1, 4] { fleet[index].status = .active }
        fleet[1].hourlyPrice = 2.88
        fleet[4].hourlyPrice = 1.44
        _ = reduce(&state, .instancesPolled(.success(fleet), detail: nil, at: Fixture.t0))
        _ = reduce(&state, .command(.stop))
        let question = try #require(Self.question(state))
        #expect(question.message.contains("Burn rate: −$7.20/h. Their endpoints stop answering."))
        #expect(!question.message.contains("Left out"))
    }

    @Test("Read-only: marking works, but s, x, T and D on marks say so and send nothing",
          arguments: [Command.start, .stop, .stopTimer, .delete])
    func readonly(command: Command) {
        var store = TestStore(Self.marked(["a1", "c3"], readonly: true))
        let flash = store.state.flashCount + 1
        store.send(.command(command), effects: [.flashExpiry(flash, .error)]) {
            $0.flashes("read-only: marked instances cannot be changed (--readonly)", .error)
        }
    }

    @Test("When no marked row is concerned, nothing is asked and the footer says why")
    func nothingApplies() {
        var store = TestStore(Self.marked(["a1", "d4"]))
        let flash = store.state.flashCount + 1
        store.send(.command(.start), effects: [.flashExpiry(flash)]) {
            $0.flashes("None of the 2 marked instances to start: already running")
        }
    }

    @Test("Marks of instances that leave the list are dropped")
    func goneInstancesUnmarked() {
        var state = Self.marked(["a1", "d4"])
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet.filter { $0.id != "d4" }), detail: nil, at: Fixture.t0))
        #expect(state.marks == ["a1"])
    }

    @Test("s on marks asks the details it lacks, says pricing… until it knows them, then the $/h they add; y starts each")
    func bulkStart() throws {
        var store = TestStore(Self.marked(["a1", "c3", "e5"]))
        let start = BulkAction(
            kind: .start, targets: [Self.target("e5", "support-bot"), Self.target("c3", "whisper-batch")],
            leftOut: [BulkAction.LeftOut(name: "chat-prod", reason: "already running")])
        store.send(.command(.start), effects: [.fetchDetail(id: "e5"), .fetchDetail(id: "c3")]) { $0.overlay = .bulk(start) }
        #expect(try #require(Self.question(store.state)).message.contains("Billed once running: pricing…"))
        store.send(.confirm)  // y waits for the price
        var state = store.state
        for (id, name) in [("e5", "support-bot"), ("c3", "whisper-batch")] {
            _ = reduce(&state, .detailLoaded(.success(Fixture.detail(id, name: name, ready: 0, total: 0)), at: Fixture.t0, id: id))
        }
        _ = reduce(&state, .hardwarePricesLoaded(asked: ["hw-l40s"], ["hw-l40s": 1.44]))
        let question = try #require(Self.question(state))
        #expect(question.message == """
            support-bot and whisper-batch?
            Billed once running: +$2.88/h at min, +$11.52/h at max pods
            Left out, already running: chat-prod.
            """)
        store = TestStore(state)
        let flash = state.flashCount + 1
        store.send(.confirm, effects: [
            .perform(.start(id: "e5", name: "support-bot")), .perform(.start(id: "c3", name: "whisper-batch")), .flashExpiry(flash),
        ]) {
            $0.overlay = nil
            $0.marks = []
            $0.transitions = ["e5": PendingTransition(status: "STARTING"), "c3": PendingTransition(status: "STARTING")]
            $0.flashes("Starting 2 instances…")
        }
    }

    @Test("D on marks is confirmed by typing delete; anything else deletes nothing")
    func bulkDelete() throws {
        var state = Self.marked(["a1", "b2"])
        _ = reduce(&state, .command(.delete))
        #expect(state.inputMode == .typedConfirm)
        let question = try #require(Self.question(state))
        #expect(question.title == "Delete 2 instances")
        #expect(question.message.hasPrefix("chat-prod and sdxl-render\nBurn rate: −$2.88/h, and $1.44/h starting no longer due."))
        for character in "delet" { _ = reduce(&state, .confirmInput(character)) }
        var store = TestStore(state)
        var flash = state.flashCount + 1
        store.send(.confirm, effects: [.flashExpiry(flash, .error)]) {
            $0.flashes("Type delete to delete the 2 marked instances", .error)
        }
        store.send(.confirmInput("e")) {
            $0.overlay = .bulk(BulkAction(
                kind: .delete, targets: [Self.target("a1", "chat-prod"), Self.target("b2", "sdxl-render")], leftOut: [],
                typed: "delete"))
        }
        flash += 1
        store.send(.confirm, effects: [
            .perform(.deleteInstance(id: "a1", name: "chat-prod")), .perform(.deleteInstance(id: "b2", name: "sdxl-render")),
            .flashExpiry(flash),
        ]) {
            $0.overlay = nil
            $0.marks = []
            $0.flashes("Deleting 2 instances…")
        }
    }

    @Test("T on marks sets one timer each (ledger, event) after one question; an empty line cancels theirs")
    func bulkStopTimer() throws {
        var state = Self.marked(["a1", "d4", "c3"], ledger: true)
        _ = reduce(&state, .command(.stopTimer))
        let question = try #require(Self.question(state))
        #expect(question.title == "Stop timer of 2 instances")
        #expect(question.message.contains("Burn rate once stopped: −$2.88/h, and $9.96/h starting no longer due."))
        #expect(question.message.contains("Left out, already stopped: whisper-batch."))
        for character in "2h" { _ = reduce(&state, .confirmInput(character)) }
        let effects = reduce(&state, .confirm)
        let due = Fixture.t0.addingTimeInterval(7200)
        let timers = [
            StopTimer(instanceId: "a1", instanceName: "chat-prod", dueAt: due),
            StopTimer(instanceId: "d4", instanceName: "llama70b-eu", dueAt: due),
        ]
        #expect(effects.filter { if case .setStopTimer = $0 { true } else { false } }
            == timers.map { .setStopTimer($0, at: Fixture.t0) })
        #expect(effects.contains(.timer(.stopTimers, after: 7200, action: .stopTimersDue(due))))
        #expect(state.stopTimers == ["a1": timers[0], "d4": timers[1]])
        #expect(state.events.prefix(2).map(\.kind) == [.timerSet, .timerSet])
        #expect(state.marks.isEmpty && state.overlay == nil && state.flash?.text == "2 instances stop in 2h")

        state.marks = ["a1", "d4"]
        _ = reduce(&state, .command(.stopTimer))
        let cancelled = reduce(&state, .confirm)
        #expect(cancelled.filter { if case .cancelStopTimer = $0 { true } else { false } }
            == [.cancelStopTimer(instanceId: "a1", at: Fixture.t0), .cancelStopTimer(instanceId: "d4", at: Fixture.t0)])
        #expect(state.stopTimers.isEmpty)
    }

    @Test("The question cuts a long list of names: the first six, then how many more")
    func manyNames() throws {
        var state = Fixture.loadedState()
        let fleet = (1...9).map { Fixture.instance("i\($0)", "chat-\($0)", price: 1) }
        _ = reduce(&state, .instancesPolled(.success(fleet), detail: nil, at: Fixture.t0))
        state.marks = Set(fleet.map(\.id))
        _ = reduce(&state, .command(.stop))
        let question = try #require(Self.question(state))
        #expect(question.title == "Stop 9 instances")
        #expect(question.message.hasPrefix("chat-1, chat-2, chat-3, chat-4, chat-5, chat-6 and 3 more?\nBurn rate: −$9.00/h."))
    }
}
