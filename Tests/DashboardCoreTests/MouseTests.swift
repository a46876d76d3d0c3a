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

    @Test("A click answers no question: with a dialog or a form open it does nothing")
    func clicksWhileAsking() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.stop))
        #expect(state.inputMode == .confirm)
        let before = state
        #expect(reduce(&state, .mouse(.click(count: 1), on: .tab(.models))).isEmpty)
        #expect(reduce(&state, .mouse(.wheelDown, on: nil)).isEmpty)
        #expect(state == before)
    }
}
