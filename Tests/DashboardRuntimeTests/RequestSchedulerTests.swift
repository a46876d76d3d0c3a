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
    /// The dashboard's first requests at once, then ten more: all answered, and
    /// once the first 429 has been answered the service refuses nothing more.
    @Test("Under a limit every first request succeeds, and refusals stop after the first", arguments: [1, 2])
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

        let first: [Effect] = [.pollInstances(detailId: nil)] + CatalogKind.allCases.map(Effect.pollCatalog)
        first.forEach(runner.run)
        var failures: [String] = []
        var answered = 0, slowed = 0
        while answered < first.count {
            switch await received.next() {
            case .requestsSlowed?: slowed += 1; continue
            case .instancesPolled(.success, _, _)?: break
            case .catalogPolled(let list, _)? where list.error == nil: break
            case let other: failures.append(String(describing: other))
            }
            answered += 1
        }
        #expect(failures.isEmpty)
        let refusedAtFirst = server.faults.rateLimitedCount
        // The first refusal slowed the pace, and said so.
        #expect(slowed >= 1)

        let id = try #require(await server.store.listInstances().first?.id)
        for _ in 0..<10 { runner.run(.fetchDetail(id: id)) }
        var details = 0
        while details < 10 {
            switch await received.next() {
            case .requestsSlowed?: Issue.record("slowed again after the first burst")
            case .detailLoaded(.success, _)?: details += 1
            case let other: Issue.record("a detail failed: \(String(describing: other))"); return
            }
        }
        #expect(server.faults.rateLimitedCount == refusedAtFirst)
        // The limit was met; how many of the first burst it refused depends on
        // how soon the first 429 came back.
        #expect((1...first.count).contains(refusedAtFirst))
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
