import DashboardCore
import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceSimulator
import Synchronization
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

    @Test("Waiting requests go most urgent first: a change, the instances, the catalog, then prices")
    func priorities() async throws {
        let scheduler = RequestScheduler(pacing: .init(initialRate: 2))
        let started = StartOrder()
        await started.request("first", .price, through: scheduler)
        // The next slot is half a second away: the four wait for it together.
        await withTaskGroup(of: Void.self) { group in
            let waiting: [(String, RequestScheduler.Priority)] =
                [("price", .price), ("catalog", .catalog), ("change", .change), ("instances", .instances)]
            for (name, priority) in waiting { group.addTask { await started.request(name, priority, through: scheduler) } }
        }
        #expect(started.names == ["first", "change", "instances", "catalog", "price"])
    }
}

/// The order in which requests were let go.
private final class StartOrder: Sendable {
    private let started = Mutex<[String]>([])

    var names: [String] { started.withLock { $0 } }

    func request(_ name: String, _ priority: RequestScheduler.Priority, through scheduler: RequestScheduler) async {
        _ = await scheduler.run(priority, isRead: true) { () throws(APIError) in
            self.started.withLock { $0.append(name) }
        }
    }
}
