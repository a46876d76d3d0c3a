import DashboardCore
@testable import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// The scheduler with the real client against the simulator on loopback,
/// whose `--rate-limit` refuses past N requests a second.
@Suite("Request scheduler")
struct RequestSchedulerTests {
    /// The dashboard's first requests at once, more until the service has
    /// refused one (on a loaded machine the first burst may arrive spread out
    /// and pass), then ten more: every request is answered, and once the
    /// first 429 has been answered the pace holds.
    ///
    /// Here the simulator shares the test process, and beside the whole suite
    /// a stall of that process can hand it two requests sent a slot apart
    /// closer than the limit: one refusal after the pace is learnt is that
    /// (seen in 3 of 9 full runs); unlearnt, the ten would meet several.
    /// `RateLimitTests` holds the dashboard to none, with the simulator in a
    /// process of its own.
    @Test("Under a limit every request succeeds, and refusals all but stop once the first 429 is answered", arguments: [1, 2])
    func keepsToTheLimit(limit: Int) async throws {
        var options = SimulatorOptions()
        options.faults.rateLimit = limit
        let server = try await SimulatorServer.start(options)
        defer { Task { await server.stop() } }
        let client = SesterceClient(baseURL: server.url, apiKey: "demo-key")
        let (actions, sink) = AsyncStream<Action>.makeStream()
        let runner = EffectRunner(client: client) { sink.yield($0) }
        defer { runner.cancelAll() }
        var received = actions.makeAsyncIterator()
        let id = try #require(await server.store.listInstances().first?.id)

        /// Sends `effects` at once and waits for all their answers; false if one failed.
        func answered(_ effects: [Effect], slowed: inout Int) async -> Bool {
            effects.forEach(runner.run)
            var answers = 0
            while answers < effects.count {
                switch await received.next() {
                case .requestsSlowed?: slowed += 1; continue
                case .instancesPolled(.success, _, _)?, .detailLoaded(.success, _, _)?: break
                case .catalogPolled(let list, _)? where list.error == nil: break
                case let other: Issue.record("a request failed: \(String(describing: other))"); return false
                }
                answers += 1
            }
            return true
        }

        var slowed = 0
        guard await answered([.pollInstances(detailId: nil)] + CatalogKind.allCases.map(Effect.pollCatalog), slowed: &slowed)
        else { return }
        for _ in 0..<6 where slowed == 0 {
            guard await answered(Array(repeating: .fetchDetail(id: id), count: 5), slowed: &slowed) else { return }
        }
        let refusedWhileLearning = server.faults.rateLimitedCount
        #expect(slowed >= 1)
        #expect(refusedWhileLearning >= 1)

        var slowedAfter = 0
        guard await answered(Array(repeating: .fetchDetail(id: id), count: 10), slowed: &slowedAfter) else { return }
        #expect(slowedAfter <= 1)
        #expect(server.faults.rateLimitedCount - refusedWhileLearning <= 1)
    }

    @Test("Waiting requests go most urgent first, in arrival order within a priority")
    func priorities() {
        let start = ContinuousClock.now
        var queue = RequestQueue<RequestScheduler.Priority>(longestWait: .seconds(10))
        let price = queue.add(.price, at: start)
        let catalog = queue.add(.catalog, at: start)
        let change = queue.add(.change, at: start)
        let instances = queue.add(.instances, at: start)
        let laterCatalog = queue.add(.catalog, at: start)
        let order = (0..<5).compactMap { _ in queue.next(at: start + .seconds(1)) }
        #expect(order == [change, instances, catalog, laterCatalog, price])
        let none = queue.next(at: start)
        #expect(none == nil)
    }

    @Test("A request that has waited ten seconds goes next whatever its priority; a cancelled one leaves the queue")
    func aging() {
        let start = ContinuousClock.now
        var queue = RequestQueue<RequestScheduler.Priority>(longestWait: .seconds(10))
        let price = queue.add(.price, at: start)
        let instances = queue.add(.instances, at: start + .seconds(9))
        let detail = queue.add(.detail, at: start + .seconds(9))
        let first = queue.next(at: start + .seconds(9.5)), second = queue.next(at: start + .seconds(10))
        #expect(first == instances)
        #expect(second == price)
        let removed = queue.remove(detail), removedAgain = queue.remove(detail)
        #expect(removed)
        #expect(!removedAgain)
        #expect(queue.isEmpty)
    }
}
