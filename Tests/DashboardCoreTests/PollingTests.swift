import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Polling")
struct PollingTests {
    let t0 = Fixture.t0

    @Test("Launching polls the instances and each list of the catalog once, and starts the clock")
    func launch() {
        var store = TestStore(State(settings: .init(host: "h"), now: t0))
        store.send(.launched(t0), effects: [.pollInstances(detailId: nil)] + Effect.catalogPolls + [.clock(armedAt: t0)]) {
            $0.sendsPoll(.instances)
            $0.sendsCatalogPolls()
            $0.clockArmed = true
        }
    }

    @Test("A first successful poll fills the list, the cost meter and the order, and re-arms after the refresh interval")
    func success() {
        var store = TestStore(Fixture.launchedState())
        let later = t0.addingTimeInterval(2)
        store.send(.instancesPolled(.success(Fixture.fleet), detail: nil, at: later),
                   effects: [.nextPoll(.instances, after: 5, token: 1), .fetchDetail(id: "d4"), .sweep(at: later)]) {
            $0.instances = Fixture.fleet
            $0.observes(Fixture.fleet)
            $0.pollSucceeded(.instances, at: later)
            $0.sweepAsks("d4")  // on screen, and on its way up: its pods first
            $0.detailSweepQueue = ["c3", "e5", "a1", "b2"]  // then b2 (deploying), then in screen order
            $0.cost.sample(BurnRate(instances: Fixture.fleet), at: later, maxGap: 60)
            $0.listings[.instances]!.order = [0, 3, 1, 4, 2]  // by name
            $0.listings[.instances]!.selectedId = "a1"
        }
    }

    @Test("A failed poll keeps the data, counts the failure, flashes the error and polls again")
    func failure() {
        var store = TestStore(Fixture.loadedState())
        store.send(.pollDue(.instances, token: 1), effects: [.pollInstances(detailId: "a1")]) { $0.sendsPoll(.instances) }
        let later = t0.addingTimeInterval(7)
        let error = APIError.server(status: 502, message: "Bad Gateway")
        store.send(.instancesPolled(.failure(error), detail: nil, at: later),
                   effects: [.nextPoll(.instances, after: 5, token: 2), .flashExpiry(1, .error)]) {
            $0.pollFailed(.instances, error, at: later)
            $0.flashes("Refresh failed, retrying in 5s: Server error (502): Bad Gateway", .error, failedPoll: .instances)
        }
    }

    /// The delays before each retry after `failures` in a row, then after a success.
    static func delays(after failure: APIError, times: Int = 5) -> (failing: [Double], afterSuccess: Double?) {
        var state = Fixture.launchedState()
        var delays: [Double] = []
        for _ in 1...times {
            let effects = reduce(&state, .instancesPolled(.failure(failure), detail: nil, at: Fixture.t0))
            guard case .timer(.poll(.instances), let delay, .pollDue(_, let token))? = effects.first else { return (delays, nil) }
            delays.append(delay)
            _ = reduce(&state, .pollDue(.instances, token: token))
        }
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        guard case .timer(.poll(.instances), let delay, _)? = effects.first else { return (delays, nil) }
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
        var store = TestStore(Fixture.launchedState())
        let error = APIError.rateLimited(retryAfter: 45, message: "slow down")
        store.send(.instancesPolled(.failure(error), detail: nil, at: t0),
                   effects: [.nextPoll(.instances, after: 45, token: 1), .flashExpiry(1, .error)]) {
            $0.pollFailed(.instances, error, at: t0)
            $0.flashes("Refresh rate limited, retrying in 45s: slow down", .error, failedPoll: .instances)
        }
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
        var store = TestStore(Fixture.launchedState())
        store.send(.command(.refresh), effects: [.flashExpiry(1)]) {
            $0.flashes("Refreshing…")
            for kind in PollKind.all { $0.polls[kind]!.refreshQueued = true }
        }
        store.send(.instancesPolled(.success([]), detail: nil, at: t0), effects: [.pollInstances(detailId: nil)]) {
            $0.polls[.instances]!.lastSuccess = t0
            $0.polls[.instances]!.refreshQueued = false
            $0.polls[.instances]!.sent += 1
            $0.cost.sample(BurnRate(instances: []), at: t0, maxGap: 60)
            $0.observes([])
        }
    }

    @Test("A timer armed before a newer one is ignored")
    func staleTimer() {
        var state = Fixture.launchedState()
        _ = reduce(&state, .instancesPolled(.success([]), detail: nil, at: t0))
        _ = reduce(&state, .pollDue(.instances, token: 1))
        _ = reduce(&state, .instancesPolled(.success([]), detail: nil, at: t0))
        var store = TestStore(state)
        store.send(.pollDue(.instances, token: 1))
        store.send(.pollDue(.instances, token: 2), effects: [.pollInstances(detailId: nil)]) { $0.sendsPoll(.instances) }
    }

    @Test("Each poll asks for the selected instance's detail with the list")
    func detailWithPoll() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.move(.down))) {
            $0.listings[.instances]!.selectedIndex = 1
            $0.listings[.instances]!.selectedId = "d4"
        }
        store.send(.pollDue(.instances, token: 1), effects: [.pollInstances(detailId: "d4")]) { $0.sendsPoll(.instances) }
    }

    @Test("On another pane a poll asks for no detail: none is shown there")
    func noDetailElsewhere() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.regions)))
        #expect(reduce(&state, .pollDue(.instances, token: 1)) == [.pollInstances(detailId: nil)])
    }
}

@Suite("Polling the catalog")
struct CatalogPollingTests {
    let t0 = Fixture.t0

    /// One pod of each hardware of the fixture's catalog, priced in Paris (Tokyo is in maintenance).
    static let probes = [PriceProbe(hardwareId: "hw-l40s", regionId: 42), PriceProbe(hardwareId: "hw-h100", regionId: 42)]

    @Test("Each list of the catalog loads on its own; once hardware and regions are known, one pod's price per hardware is asked")
    func catalog() {
        var store = TestStore(Fixture.launchedState())
        store.send(.catalogPolled(.models(.success([Fixture.llama])), at: t0),
                   effects: [.nextPoll(.catalog(.models), after: 60, token: 1)]) {
            $0.models = [Fixture.llama]
            $0.pollSucceeded(.catalog(.models), at: t0)
            $0.lists(.models, order: [0], selected: "m-llama")
        }
        store.send(.catalogPolled(.hardware(.success([Fixture.l40s, Fixture.h100])), at: t0),
                   effects: [.nextPoll(.catalog(.hardware), after: 60, token: 1)]) {
            $0.hardware = [Fixture.l40s, Fixture.h100]
            $0.pollSucceeded(.catalog(.hardware), at: t0)
            $0.lists(.hardware, order: [1, 0], selected: "hw-h100")
        }
        store.send(.catalogPolled(.regions(.success([Fixture.paris, Fixture.tokyo])), at: t0),
                   effects: [.fetchHardwarePrices(Self.probes), .nextPoll(.catalog(.regions), after: 60, token: 1)]) {
            $0.regions = [Fixture.paris, Fixture.tokyo]
            $0.hardwarePricesAsked = ["hw-l40s", "hw-h100"]
            $0.pollSucceeded(.catalog(.regions), at: t0)
            $0.lists(.regions, order: [0, 1], selected: "42")
        }
        store.send(.catalogPolled(.registries(.success([Fixture.registry])), at: t0),
                   effects: [.nextPoll(.catalog(.registries), after: 60, token: 1)]) {
            $0.registries = [Fixture.registry]
            $0.pollSucceeded(.catalog(.registries), at: t0)
            $0.lists(.registries, order: [0], selected: "r1")
        }
    }

    @Test("A price is asked once: not again while it is asked, again only if it did not come")
    func pricesAskedOnce() {
        var state = Fixture.launchedState()
        state.receive(Fixture.catalog, at: t0)
        var store = TestStore(state)
        let hardware = CatalogList.hardware(.success([Fixture.l40s, Fixture.h100]))
        store.send(.pollDue(.catalog(.hardware), token: 1), effects: [.pollCatalog(.hardware)]) { $0.sendsPoll(.catalog(.hardware)) }
        store.send(.catalogPolled(hardware, at: t0), effects: [.nextPoll(.catalog(.hardware), after: 60, token: 2)]) {
            $0.pollSucceeded(.catalog(.hardware), at: t0)
        }
        // The H100's price did not come: it is asked with the next list, the L40S's never again.
        store.send(.hardwarePricesLoaded(asked: ["hw-l40s", "hw-h100"], ["hw-l40s": 1.44])) {
            $0.hardwarePricesAsked = []
            $0.hardwarePrices = ["hw-l40s": 1.44]
        }
        store.send(.pollDue(.catalog(.hardware), token: 2), effects: [.pollCatalog(.hardware)]) { $0.sendsPoll(.catalog(.hardware)) }
        store.send(.catalogPolled(hardware, at: t0), effects: [
            .fetchHardwarePrices([PriceProbe(hardwareId: "hw-h100", regionId: 42)]),
            .nextPoll(.catalog(.hardware), after: 60, token: 3),
        ]) {
            $0.hardwarePricesAsked = ["hw-h100"]
            $0.pollSucceeded(.catalog(.hardware), at: t0)
        }
    }

    @Test("A list that never came is asked again at the refresh interval, and its empty pane says why")
    func listNeverLoaded() {
        var state = Fixture.launchedState(width: 120, height: 40)
        var failed = Fixture.catalog
        let error = APIError.server(status: 500, message: "")
        failed.models = .failure(error)
        #expect(state.receive(failed, at: t0) == [
            .nextPoll(.catalog(.models), after: 5, token: 1), .flashExpiry(1, .error),
            .nextPoll(.catalog(.hardware), after: 60, token: 1),
            .fetchHardwarePrices(Self.probes), .nextPoll(.catalog(.regions), after: 60, token: 1),
            .nextPoll(.catalog(.registries), after: 60, token: 1),
        ])
        #expect(state.flash?.text == "Refresh of models failed, retrying in 5s: Server error (500): ")
        #expect(Fixture.table(of: .models, in: state)?.emptyMessage == "Could not load: \(error) (retrying)")
        // Once it came, the list goes back to its minute.
        var store = TestStore(state)
        store.send(.pollDue(.catalog(.models), token: 1), effects: [.pollCatalog(.models)]) { $0.sendsPoll(.catalog(.models)) }
        store.send(.catalogPolled(.models(.success([Fixture.llama])), at: t0),
                   effects: [.nextPoll(.catalog(.models), after: 60, token: 2)]) {
            $0.models = [Fixture.llama]
            $0.pollSucceeded(.catalog(.models), at: t0)
            $0.lists(.models, order: [0], selected: "m-llama")
            // The data is back: the word of its failure goes (the message log keeps it).
            $0.flash = nil
        }
    }

    @Test("A list that fails alone backs off on its own; the other three load and show their rows, its pane says why",
          arguments: CatalogKind.allCases)
    func oneListFails(kind: CatalogKind) {
        var state = Fixture.launchedState()
        for list in Fixture.catalog.polled where list.kind != kind { _ = reduce(&state, .catalogPolled(list, at: t0)) }
        var store = TestStore(state)
        let failed = CatalogList.failure(kind, .timedOut)
        let failure = "Refresh of \(kind.rawValue) failed, retrying in"
        store.send(.catalogPolled(failed, at: t0), effects: [.nextPoll(.catalog(kind), after: 10, token: 1), .flashExpiry(1, .error)]) {
            $0.pollFailed(.catalog(kind), .timedOut, at: t0)
            $0.flashes("\(failure) 10s: Request timed out", .error, failedPoll: .catalog(kind))
        }
        store.send(.pollDue(.catalog(kind), token: 1), effects: [.pollCatalog(kind)]) { $0.sendsPoll(.catalog(kind)) }
        store.send(.catalogPolled(failed, at: t0), effects: [.nextPoll(.catalog(kind), after: 20, token: 2), .flashExpiry(2, .error)]) {
            $0.pollFailed(.catalog(kind), .timedOut, at: t0)
            $0.flashes("\(failure) 20s: Request timed out", .error, failedPoll: .catalog(kind))
        }
        for pane in Pane.allCases where ![.instances, .cost, .events].contains(pane) {
            let table = Fixture.table(of: pane, in: store.state)
            if pane.poll == .catalog(kind) {
                #expect(table?.rows == [])
                #expect(table?.emptyMessage == "Could not load: Request timed out (retrying)")
            } else {
                #expect(table?.rows.isEmpty == false, "\(pane.title) shows its rows")
            }
        }
    }

    @Test("When the service's limit slows the requests, the footer says so and at what pace")
    func requestsSlowed() {
        var store = TestStore(Fixture.loadedState())
        store.send(.requestsSlowed(perSecond: 0.9), effects: [.flashExpiry(1)]) {
            $0.flashes("The service limits requests: asking one request every 1.1 s from now on")
        }
        store.send(.requestsSlowed(perSecond: 1.8), effects: [.flashExpiry(2)]) {
            $0.flashes("The service limits requests: asking 1.8 requests a second from now on")
        }
    }
}
