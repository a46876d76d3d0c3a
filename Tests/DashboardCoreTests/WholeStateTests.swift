import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// Reducer steps checked against the whole expected state, so that nothing
/// else changes behind a test's back.
@Suite("Whole-state transitions")
struct WholeStateTests {
    let t0 = Fixture.t0

    @Test("A first successful poll fills the list, the cost meter, the order and the timer, and nothing else")
    func pollSuccess() {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        let before = state
        let later = t0.addingTimeInterval(2)
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: later))

        var expected = before
        expected.now = later
        expected.instances = Fixture.fleet
        expected.polls[.instances]!.inFlight = false
        expected.polls[.instances]!.lastSuccess = later
        expected.polls[.instances]!.token = 1
        expected.cost.sample(BurnRate(instances: Fixture.fleet), at: later)
        expected.listings[.instances]!.order = [0, 3, 1, 4, 2]  // by name
        expected.listings[.instances]!.selectedId = "a1"
        #expect(state == expected)
    }

    @Test("A failed poll keeps the data, counts the failure, flashes the error and backs off")
    func pollFailure() {
        var state = Fixture.loadedState()
        let token = state.poll(.instances).token
        _ = reduce(&state, .pollDue(.instances, token: token))
        let before = state
        let later = t0.addingTimeInterval(7)
        let error = APIError.server(status: 502, message: "Bad Gateway")
        _ = reduce(&state, .instancesPolled(.failure(error), detail: nil, at: later))

        var expected = before
        expected.now = later
        expected.polls[.instances]!.inFlight = false
        expected.polls[.instances]!.failures = 1
        expected.polls[.instances]!.lastError = error
        expected.polls[.instances]!.token = token + 1
        expected.flash = Flash(
            text: "Refresh failed, retrying in 5s: Server error (502): Bad Gateway", kind: .error,
            until: later.addingTimeInterval(10))
        #expect(state == expected)
    }
}
