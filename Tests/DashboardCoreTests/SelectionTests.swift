import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import Testing

@Suite("Selection, filter and sort")
struct SelectionTests {
    @Test("The selection stays on the same instance when a refresh reorders the list")
    func keptById() {
        var store = TestStore(Self.onSdxlRender())
        let reshuffled = Array(Fixture.fleet.reversed())
        store.send(.instancesPolled(.success(reshuffled), detail: nil, at: Fixture.t0),
                   effects: [.nextPoll(.instances, after: 5, token: 2), .sweep()]) {
            $0.instances = reshuffled
            $0.observes(reshuffled)
            $0.polls[.instances]!.token = 2
            $0.cost.sample(BurnRate(instances: reshuffled), at: Fixture.t0, maxGap: 60)
            $0.listings[.instances]!.order = [4, 1, 3, 0, 2]
        }
        #expect(store.state.selectedInstance?.id == "b2")
    }

    @Test("When the selected instance disappears the cursor stays at its position")
    func vanished() {
        var store = TestStore(Self.onSdxlRender())
        let remaining = Fixture.fleet.filter { $0.id != "b2" }
        let gone = AccountEvent(at: Fixture.t0, kind: .disappeared, instanceId: "b2", instanceName: "sdxl-render", old: "DEPLOYING", hourlyPrice: 1.44)
        store.send(.instancesPolled(.success(remaining), detail: nil, at: Fixture.t0),
                   effects: [.ringBell, .notifyDesktop(title: "sesterce-dash", body: gone.sentence), .nextPoll(.instances, after: 5, token: 2),
                             .sweep(), .flashExpiry(1)]) {
            $0.instances = remaining
            $0.observes(remaining)
            $0.recordsEvents([gone])
            $0.flashes("sdxl-render: gone (was DEPLOYING)")
            $0.alertFlash = 1
            $0.polls[.instances]!.token = 2
            $0.cost.sample(BurnRate(instances: remaining), at: Fixture.t0, maxGap: 60)
            $0.lists(.instances, order: [0, 2, 3, 1], selected: "e5")  // the third row still
            $0.detailSweepQueue.removeAll { $0 == "b2" }
        }
    }

    /// The loaded dashboard with the cursor on the third row, sdxl-render.
    static func onSdxlRender() -> State {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.move(.down)))
        _ = reduce(&state, .command(.move(.down)))
        #expect(state.selectedInstance?.name == "sdxl-render")
        return state
    }

    @Test("Rows are sorted by name first; o cycles columns and O reverses")
    func sorting() {
        var state = Fixture.loadedState()
        #expect(Fixture.names(state) == ["chat-prod", "llama70b-eu", "sdxl-render", "support-bot", "whisper-batch"])
        _ = reduce(&state, .command(.reverseSort))
        #expect(Fixture.names(state).first == "whisper-batch")
        _ = reduce(&state, .command(.cycleSort))  // STATUS, ascending
        #expect(Fixture.names(state) == ["chat-prod", "sdxl-render", "whisper-batch", "support-bot", "llama70b-eu"])
        let table = ScreenModel(state).body
        guard case .table(let model) = table else { Issue.record("no table"); return }
        #expect(model.headers[1].sort == .ascending)
        #expect(model.headers[0].sort == nil)
    }

    @Test("Rows with equal keys are in name order, whichever way the column is sorted")
    func tiesByName() {
        var state = Fixture.loadedState()
        for _ in 0..<4 { _ = reduce(&state, .command(.cycleSort)) }  // $/H: support-bot and whisper-batch both $0
        #expect(Fixture.names(state) == ["support-bot", "whisper-batch", "sdxl-render", "chat-prod", "llama70b-eu"])
        _ = reduce(&state, .command(.reverseSort))
        #expect(Fixture.names(state) == ["llama70b-eu", "chat-prod", "sdxl-render", "support-bot", "whisper-batch"])
    }

    @Test("Typing a filter narrows the rows by any column, case ignored; Esc clears it")
    func filtering() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.beginFilter))
        #expect(state.inputMode == .filter)
        for character in "DEPLOY" { _ = reduce(&state, .filterInput(character)) }
        #expect(Fixture.names(state) == ["llama70b-eu", "sdxl-render"])
        _ = reduce(&state, .commitFilter)
        #expect(state.inputMode == .normal)
        guard case .table(let model) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(model.title == "Instances (2 of 5)")
        _ = reduce(&state, .command(.back))
        #expect(Fixture.names(state).count == 5)
    }

    @Test("Moving past either end stops there; page and jump keys land where expected")
    func movement() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.move(.up)))
        #expect(state.listings[.instances]!.selectedIndex == 0)
        _ = reduce(&state, .command(.move(.pageDown)))
        #expect(state.listings[.instances]!.selectedIndex == 4)
        _ = reduce(&state, .command(.move(.top)))
        #expect(state.listings[.instances]!.selectedIndex == 0)
    }

    @Test("The table scrolls to keep the selection on screen, and shows only what fits")
    func scrolling() {
        let many = (0..<100).map { Fixture.instance(String(format: "id%03d", $0), String(format: "node-%03d", $0)) }
        var state = Fixture.loadedState()
        _ = reduce(&state, .instancesPolled(.success(many), detail: nil, at: Fixture.t0))
        let visible = Layout.tableRows(height: 24)
        _ = reduce(&state, .command(.move(.bottom)))
        #expect(state.listings[.instances]!.scrollOffset == 100 - visible)
        guard case .table(let model) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(model.rows.count == visible)
        #expect(model.rows.last?.first?.text == "node-099")
        #expect(model.selectedRow == visible - 1)
        _ = reduce(&state, .command(.move(.top)))
        #expect(state.listings[.instances]!.scrollOffset == 0)
    }

    @Test("Number keys, Tab and Shift-Tab switch panes and close the detail")
    func panes() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.openDetail), effects: [.fetchDetail(id: "a1")]) {
            $0.detailId = "a1"
            $0.detailSweepQueue = []
        }
        store.send(.command(.showPane(.regions))) {
            $0.pane = .regions
            $0.detailId = nil
        }
        store.send(.command(.nextPane)) { $0.pane = .hardware }
        store.send(.command(.previousPane)) { $0.pane = .regions }
        // Back on the instances: the sweep looks at their rows again.
        store.send(.command(.previousPane), effects: [.sweep()]) {
            $0.pane = .instances
            $0.detailSweepQueue = ["c3", "e5", "a1", "b2"]
        }
        for pane in [Pane.events, .cost] {
            store.send(.command(.previousPane)) {
                $0.pane = pane
                $0.detailSweepQueue = []
            }
        }
    }

    @Test("The keymap maps keys by mode: text goes to the filter, y confirms in a dialog (elsewhere it shows JSON)")
    func keymap() {
        var state = Fixture.loadedState()
        let keys = Keymap.standard
        #expect(keys.action(for: .character("j"), in: state) == .command(.move(.down)))
        #expect(keys.action(for: .character("y"), in: state) == .command(.rawJSON))
        _ = reduce(&state, .command(.beginFilter))
        #expect(keys.action(for: .character("j"), in: state) == .filterInput("j"))
        #expect(keys.action(for: .escape, in: state) == .clearFilter)
        _ = reduce(&state, .clearFilter)
        _ = reduce(&state, .command(.stop))
        #expect(keys.action(for: .character("y"), in: state) == .confirm)
        #expect(keys.action(for: .character("j"), in: state) == nil)
    }
}
