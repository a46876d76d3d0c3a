import AsyncHTTPClient
import Foundation
import SesterceMetrics
import SesterceModels
import Testing

/// `/metrics` over real HTTP on loopback, scraped with AsyncHTTPClient.
@Suite("Metrics server")
struct MetricsServerTests {
    @Test("GET /metrics: the text format with the account's series; another path: 404")
    func scrape() async throws {
        let metrics = WatchMetrics()
        metrics.update(
            instances: [WatchMetricsTests.llama], details: [:], regionNames: [:], burnRate: 2.5, starting: 0, spend: 1)
        try await withServer(MetricsServer(metrics: metrics, host: "127.0.0.1", port: 0, allowRemote: false)) { port in
            let response = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(10))
            #expect(response.status == .ok)
            #expect(response.headers["Content-Type"].first == "text/plain; version=0.0.4; charset=utf-8")
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(body == metrics.exposition())
            #expect(body.contains("sesterce_burn_rate_dollars_per_hour 2.5"))

            let other = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/"), timeout: .seconds(10))
            #expect(other.status == .notFound)
        }
    }

    @Test("a port in use: said so")
    func portInUse() async throws {
        try await withServer(MetricsServer(metrics: WatchMetrics(), host: "127.0.0.1", port: 0, allowRemote: false)) { port in
            let second = try MetricsServer(metrics: WatchMetrics(), host: "127.0.0.1", port: port, allowRemote: false)
            await #expect(throws: MetricsServerError.portInUse(host: "127.0.0.1", port: port)) { try await second.run() }
            #expect(MetricsServerError.portInUse(host: "127.0.0.1", port: port).description
                == "metrics: 127.0.0.1:\(port) is already in use by another program; choose another port")
        }
    }

    @Test("beyond this machine only when asked for")
    func remote() throws {
        #expect(throws: MetricsServerError.remote(host: "0.0.0.0")) {
            try MetricsServer(metrics: WatchMetrics(), host: "0.0.0.0", port: 9464, allowRemote: false)
        }
        _ = try MetricsServer(metrics: WatchMetrics(), host: "0.0.0.0", port: 9464, allowRemote: true)
        _ = try MetricsServer(metrics: WatchMetrics(), host: "localhost", port: 9464, allowRemote: false)
        _ = try MetricsServer(metrics: WatchMetrics(), host: "::1", port: 9464, allowRemote: false)
        #expect(throws: MetricsServerError.badPort(70000)) {
            try MetricsServer(metrics: WatchMetrics(), host: "127.0.0.1", port: 70000, allowRemote: false)
        }
    }

    /// Runs `server` until `body`, given the port it listens on, is done.
    func withServer(_ server: MetricsServer, _ body: (Int) async throws -> Void) async throws {
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let running = Task {
            defer { announce.finish() }
            try await server.run { port in
                announce.yield(port)
                announce.finish()
            }
        }
        var port = 0
        for await announced in ports { port = announced }
        defer { running.cancel() }
        try #require(port > 0, "the server did not start")
        try await body(port)
        running.cancel()
        // Cancelled, it stops and returns without an error.
        try await running.value
    }
}
