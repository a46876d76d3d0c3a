import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Polling")
struct PollingTests {
    let t0 = Fixture.t0

    @Test("Launching polls the instances and the catalog once each")
    func launch() {
        var state = State(settings: .init(host: "h"), now: t0)
        let effects = reduce(&state, .launched(t0))
        #expect(effects == [.pollInstances(detailId: nil), .pollCatalog])
        #expect(state.poll(.instances).inFlight)
        #expect(state.poll(.catalog).inFlight)
    }

    @Test("A successful poll stores the list and re-arms after the refresh interval")
    func success() {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: t0))
        #expect(state.instances == Fixture.fleet)
        #expect(effects == [.schedule(.instances, after: 5, token: 1)])
        #expect(state.poll(.instances).lastSuccess == t0)
        #expect(!state.poll(.instances).inFlight)
    }

    /// The delays before each retry after `failures` in a row, then after a success.
    static func delays(after failure: APIError, times: Int = 5) -> (failing: [Double], afterSuccess: Double?) {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: Fixture.t0)
        _ = reduce(&state, .launched(Fixture.t0))
        var delays: [Double] = []
        for _ in 1...times {
            let effects = reduce(&state, .instancesPolled(.failure(failure), detail: nil, at: Fixture.t0))
            guard case .schedule(.instances, let delay, let token) = effects.first else { return (delays, nil) }
            delays.append(delay)
            _ = reduce(&state, .pollDue(.instances, token: token))
        }
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        guard case .schedule(_, let delay, _)? = effects.first else { return (delays, nil) }
        return (delays, delay)
    }

    @Test("Timeouts back off exponentially up to a minute, and success resets it")
    func backoff() {
        let (delays, afterSuccess) = Self.delays(after: .timedOut)
        #expect(delays == [10, 20, 40, 60, 60])
        #expect(afterSuccess == 5)
    }

    @Test("5xx and lost connections retry at the refresh interval: data is back within one interval")
    func noBackoffForServerErrors() {
        #expect(Self.delays(after: .server(status: 503, message: "down")).failing == [5, 5, 5, 5, 5])
        #expect(Self.delays(after: .unreachable(detail: "refused")).failing == [5, 5, 5, 5, 5])
    }

    @Test("A 429 waits at least its Retry-After")
    func retryAfter() {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        let effects = reduce(
            &state, .instancesPolled(.failure(.rateLimited(retryAfter: 45, message: "slow down")), detail: nil, at: t0))
        #expect(effects == [.schedule(.instances, after: 45, token: 1)])
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains("Rate limited") == true)
    }

    @Test("The last good data stays after a failure, marked stale with its age")
    func staleData() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .tick(t0.addingTimeInterval(30)))
        _ = reduce(&state, .instancesPolled(.failure(.timedOut), detail: nil, at: t0.addingTimeInterval(30)))
        #expect(state.instances == Fixture.fleet)
        let header = ScreenModel(state).header
        #expect(header.freshness == "stale: updated 30s ago")
        #expect(header.freshnessTone == .warning)
    }

    @Test("Refresh while a poll is out queues one more poll instead of overlapping")
    func noOverlap() {
        var state = State(settings: .init(host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        #expect(reduce(&state, .command(.refresh)).isEmpty)
        #expect(state.poll(.instances).refreshQueued)
        let effects = reduce(&state, .instancesPolled(.success([]), detail: nil, at: t0))
        #expect(effects == [.pollInstances(detailId: nil)])
        #expect(state.poll(.instances).inFlight)
    }

    @Test("A timer armed before a newer one is ignored")
    func staleTimer() {
        var state = State(settings: .init(host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        _ = reduce(&state, .instancesPolled(.success([]), detail: nil, at: t0))
        _ = reduce(&state, .pollDue(.instances, token: 1))
        _ = reduce(&state, .instancesPolled(.success([]), detail: nil, at: t0))
        #expect(reduce(&state, .pollDue(.instances, token: 1)).isEmpty)
        #expect(reduce(&state, .pollDue(.instances, token: 2)) == [.pollInstances(detailId: nil)])
    }

    @Test("Each poll asks for the selected instance's detail with the list")
    func detailWithPoll() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.move(.down)))
        let selected = state.listings[.instances]!.selectedId
        let token = state.poll(.instances).token
        #expect(reduce(&state, .pollDue(.instances, token: token)) == [.pollInstances(detailId: selected)])
    }

    @Test("The catalog loads every list and asks one pod's price per hardware")
    func catalog() {
        var state = State(settings: .init(host: "h"), now: t0)
        _ = reduce(&state, .launched(t0))
        let effects = state.receive(Fixture.catalog, at: t0)
        #expect(state.hardware.count == 2)
        #expect(effects.first == .fetchHardwarePrices([
            PriceProbe(hardwareId: "hw-l40s", regionId: 42),
            PriceProbe(hardwareId: "hw-h100", regionId: 42),
        ]))
        #expect(effects.last == .schedule(.catalog, after: 60, token: 1))
    }

    @Test("A catalog that never came is asked again at the refresh interval, and the empty pane says why")
    func catalogNeverLoaded() {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: t0)
        _ = reduce(&state, .resized(width: 120, height: 40))
        _ = reduce(&state, .launched(t0))
        var failed = Fixture.catalog
        failed.models = .failure(.server(status: 500, message: ""))
        let effects = state.receive(failed, at: t0)
        #expect(effects.last == .schedule(.catalog, after: 5, token: 1))
        #expect(state.flash?.text.hasPrefix("Catalog refresh failed, retrying in 5s") == true)
        _ = reduce(&state, .command(.showPane(.models)))
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(table.emptyMessage == "Could not load: \(APIError.server(status: 500, message: "")) (retrying)")
        // Once whole, the catalog goes back to its minute.
        let token = state.poll(.catalog).token
        _ = reduce(&state, .pollDue(.catalog, token: token))
        #expect(state.receive(Fixture.catalog, at: t0).last == .schedule(.catalog, after: 60, token: 2))
    }
}
