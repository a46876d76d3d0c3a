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

    @Test("n or Esc cancels the dialog without sending anything")
    func cancel() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.start))
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
