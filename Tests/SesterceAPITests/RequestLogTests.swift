import Foundation
import SesterceAPI
import SesterceSimulator
import Synchronization
import Testing

/// What the client hands `--log-file`: a record of every exchange, its
/// retries numbered, and a failure with its reason; never a header or body.
@Suite("Request log")
struct RequestLogTests {
    /// Records kept by a test.
    final class Records: Sendable {
        private let kept = Mutex<[RequestRecord]>([])
        var all: [RequestRecord] { kept.withLock { $0 } }
        var sink: @Sendable (RequestRecord) -> Void { { [self] record in kept.withLock { $0.append(record) } } }
    }

    @Test("A read records method, path (no query), status, bytes and retry 0; a 5xx retried is numbered 0, 1, 2")
    func exchanges() async throws {
        try await withSimulator(.test(instances: 3)) { sim in
            let records = Records()
            let client = SesterceClient(baseURL: sim.url, apiKey: "demo-key", retry: immediateRetry, requestLog: records.sink)
            _ = try await client.instances()
            let first = try #require(records.all.first)
            #expect(first.method == "GET")
            #expect(first.path == "/ai-inference/instances")
            #expect(first.status == 200)
            #expect((first.bytes ?? 0) > 0)
            #expect(first.retry == 0)
            #expect(first.failure == nil)
            #expect(first.line.range(of: #"^GET /ai-inference/instances 200 \d+ms \d+B retry=0$"#, options: .regularExpression) != nil)

            sim.server.faults.faults = Faults(errorRate: 1)
            _ = await failure { try await client.instances() }
            let retried = records.all.dropFirst()
            #expect(retried.map(\.retry) == [0, 1, 2])
            #expect(retried.allSatisfy { ($0.status ?? 0) >= 500 })
            #expect(!records.all.contains { $0.line.contains("demo-key") })
        }
    }

    @Test("No answer at all: one line with the reason, as the dashboard words it")
    func unreachable() async throws {
        let records = Records()
        let client = SesterceClient(
            baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "demo-key", retry: .none, requestLog: records.sink)
        _ = await failure { try await client.models() }
        let record = try #require(records.all.first)
        #expect(record.status == nil)
        #expect(record.line.hasPrefix("GET /ai-inference/models failed "))
        #expect(record.line.contains("retry=0: "))
        #expect(!record.line.contains("Optional("))
    }
}
