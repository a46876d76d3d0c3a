import DashboardCore
import Testing
import TextLayout

@Suite("Mouse")
struct MouseTests {
    @Test("A click on a tab shows its pane; on a row selects it; a double click opens the instance's detail")
    func clicks() {
        var store = TestStore(Fixture.loadedState())
        store.send(.mouse(.click(count: 1), on: .tableRow(3))) {
            $0.listings[.instances]!.selectedIndex = 3
            $0.listings[.instances]!.selectedId = "e5"
        }
        store.send(.mouse(.click(count: 2), on: .tableRow(1)), effects: [.fetchDetail(id: "d4")]) {
            $0.listings[.instances]!.selectedIndex = 1
            $0.listings[.instances]!.selectedId = "d4"
            $0.detailId = "d4"
            $0.detailSweepQueue = []  // no row on screen
        }
        // Over the detail a row is not on screen: nothing to select.
        store.send(.mouse(.click(count: 1), on: .tableRow(0)))
        store.send(.mouse(.click(count: 1), on: .tab(.hardware))) {
            $0.pane = .hardware
            $0.detailId = nil
        }
        store.send(.mouse(.click(count: 1), on: nil))
    }

    @Test("The wheel moves three rows a turn, in the table and in the help")
    func wheel() {
        var store = TestStore(Fixture.loadedState())
        store.send(.mouse(.wheelDown, on: nil)) {
            $0.listings[.instances]!.selectedIndex = 3
            $0.listings[.instances]!.selectedId = "e5"
        }
        store.send(.mouse(.wheelUp, on: .tableRow(4))) {
            $0.listings[.instances]!.selectedIndex = 0
            $0.listings[.instances]!.selectedId = "a1"
        }
        var state = Fixture.loadedState(height: 24)
        _ = reduce(&state, .command(.help))
        _ = reduce(&state, .mouse(.wheelDown, on: nil))
        #expect(state.helpScroll == 3)
    }

    @Test("With a question open, a click off its answers and the wheel do nothing")
    func clicksWhileAsking() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.stop))
        #expect(state.inputMode == .confirm)
        let before = state
        #expect(reduce(&state, .mouse(.click(count: 1), on: .tab(.models))).isEmpty)
        #expect(reduce(&state, .mouse(.click(count: 2), on: .tableRow(2))).isEmpty)
        #expect(reduce(&state, .mouse(.wheelDown, on: nil)).isEmpty)
        #expect(reduce(&state, .mouse(.wheelDown, on: .answer(.yes))).isEmpty)
        #expect(state == before)
    }

    @Test("A click on a question's answer does what its key does: n closes, y sends the stop once")
    func answers() {
        let stop = Mutation.stop(id: "a1", name: "chat-prod")
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.stop)) { $0.overlay = .confirm(stop) }
        store.send(.mouse(.click(count: 1), on: .answer(.no))) { $0.overlay = nil }
        store.send(.command(.stop)) { $0.overlay = .confirm(stop) }
        store.send(.mouse(.click(count: 2), on: .answer(.yes)), effects: [.perform(stop)]) {
            $0.overlay = nil
            $0.transitions["a1"] = PendingTransition(status: "STOPPING")
        }
        store.send(.mouse(.click(count: 1), on: .answer(.yes)))
    }

    @Test("A click cannot skip a question's condition: a start waits for its price, a delete for the name typed")
    func answersKeepTheirConditions() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .mouse(.click(count: 1), on: .tableRow(4)))
        #expect(state.selectedInstance?.name == "whisper-batch")
        _ = reduce(&state, .command(.start))
        #expect(state.inputMode == .confirm)
        let asked = state
        #expect(reduce(&state, .mouse(.click(count: 1), on: .answer(.yes))).isEmpty)
        #expect(state == asked)

        var store = TestStore(Fixture.loadedState())
        func typed(_ text: String) -> Overlay { .deleteInstance(id: "a1", name: "chat-prod", typed: text) }
        store.send(.command(.delete)) { $0.overlay = typed("") }
        store.send(.confirmInput("c")) { $0.overlay = typed("c") }
        store.send(.mouse(.click(count: 1), on: .answer(.yes)), effects: [.flashExpiry(1, .error)]) {
            $0.flashes("Type chat-prod exactly to delete it", .error)
        }
        store.send(.mouse(.click(count: 1), on: .answer(.no))) { $0.overlay = nil }
    }

    @Test("The wheel scrolls the message log, the JSON view, the detail and the playground's transcript")
    func wheelInOverlays() {
        var state = Fixture.loadedState(width: 60, height: 16)
        for _ in 1...30 { _ = reduce(&state, .command(.clone)) }
        var store = TestStore(state)
        store.send(.command(.messages)) { $0.overlay = .messages }
        store.send(.mouse(.wheelDown, on: nil)) { $0.pageScroll = 3 }
        store.send(.mouse(.wheelUp, on: nil)) { $0.pageScroll = 0 }
        store.send(.command(.messages)) { $0.overlay = nil }

        state = Fixture.loadedState(width: 60, height: 16)
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        _ = reduce(&state, .command(.rawJSON))
        #expect(state.inputMode == .page)
        store = TestStore(state)
        store.send(.mouse(.wheelDown, on: nil)) { $0.pageScroll = 3 }

        state = Fixture.loadedState(width: 60, height: 16)
        _ = reduce(&state, .command(.openDetail))
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0, id: "a1"))
        store = TestStore(state)
        store.send(.mouse(.wheelDown, on: nil)) { $0.detailScroll = 3 }
        store.send(.mouse(.wheelUp, on: .tableRow(0))) { $0.detailScroll = 0 }

        state = PlaygroundTests.ready()
        for number in 1...4 {
            PlaygroundTests.type("Question \(number)", into: &state)
            _ = reduce(&state, .playgroundKey(.enter))
            _ = reduce(&state, .playground(.replyFinished(request: number, .success(nil))))
        }
        store = TestStore(state)
        store.send(.mouse(.wheelUp, on: nil)) { $0.playground!.scrollBack = 3 }
        store.send(.mouse(.wheelDown, on: nil)) { $0.playground!.scrollBack = 0 }
        store.send(.mouse(.click(count: 1), on: .tab(.models)))
    }
}
