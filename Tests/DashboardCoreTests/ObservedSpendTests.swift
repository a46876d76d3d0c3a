import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// The header's "spent" counts what polls saw, as the ledger does: not the
/// time since the last answer, and not a silence longer than the ledger's gap.
@Suite("Spend: only observed time")
struct ObservedSpendTests {
    let t0 = Fixture.t0
    /// One instance at $36/h: a minute of it is $0.60.
    static let fleet = [Fixture.instance("g1", "gpu-box", .active, price: 36)]

    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test("While the service does not answer spent stands still, marked stale; the silence is never counted")
    func standsStill() {
        var state = Fixture.launchedState()
        _ = reduce(&state, .instancesPolled(.success(Self.fleet), detail: nil, at: t0))
        var store = TestStore(state)
        store.send(.pollDue(.instances, token: 1), effects: [.pollInstances(detailId: "g1")]) { $0.sendsPoll(.instances) }
        store.send(.instancesPolled(.success(Self.fleet), detail: nil, at: at(60)), effects: [.nextPoll(.instances, after: 5, token: 2)]) {
            $0.pollSucceeded(.instances, at: at(60))
            $0.cost.sample(BurnRate(instances: Self.fleet), at: at(60), maxGap: 60)
        }
        #expect(ScreenModel(store.state).header.burn.spent == "$0.60")

        let error = APIError.server(status: 503, message: "upstream unavailable")
        store.send(.pollDue(.instances, token: 2), effects: [.pollInstances(detailId: "g1")]) { $0.sendsPoll(.instances) }
        store.send(.instancesPolled(.failure(error), detail: nil, at: at(65)),
                   effects: [.nextPoll(.instances, after: 5, token: 3), .flashExpiry(1, .error)]) {
            $0.pollFailed(.instances, error, at: at(65))
            $0.flashes("Refresh failed, retrying in 5s: Server error (503): upstream unavailable", .error, failedPoll: .instances)
        }
        store.send(.tick(at(600)), effects: [.clock(armedAt: at(600))]) { $0.now = at(600) }
        var burn = ScreenModel(store.state).header.burn
        #expect(burn.spent == "$0.60")
        #expect(burn.spentStale)
        #expect(ScreenModel(store.state).header.freshness == "stale: updated 9m ago")

        // Back after ten minutes: longer than the gap, so not counted.
        store.send(.pollDue(.instances, token: 3), effects: [.pollInstances(detailId: "g1")]) { $0.sendsPoll(.instances) }
        store.send(.instancesPolled(.success(Self.fleet), detail: nil, at: at(660)), effects: [.nextPoll(.instances, after: 5, token: 4)]) {
            $0.pollSucceeded(.instances, at: at(660))
            $0.cost.sample(BurnRate(instances: Self.fleet), at: at(660), maxGap: 60)
            $0.flash = nil
        }
        burn = ScreenModel(store.state).header.burn
        #expect(burn.spent == "$0.60")
        #expect(!burn.spentStale)
        store.send(.pollDue(.instances, token: 4), effects: [.pollInstances(detailId: "g1")]) { $0.sendsPoll(.instances) }
        store.send(.instancesPolled(.success(Self.fleet), detail: nil, at: at(720)), effects: [.nextPoll(.instances, after: 5, token: 5)]) {
            $0.pollSucceeded(.instances, at: at(720))
            $0.cost.sample(BurnRate(instances: Self.fleet), at: at(720), maxGap: 60)
        }
        #expect(ScreenModel(store.state).header.burn.spent == "$1.20")
    }
}
