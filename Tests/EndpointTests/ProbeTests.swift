import Endpoint
import Foundation
import SesterceModels
import SesterceSimulator
import Testing

/// The probe against the simulator's endpoint with fixed timing: what it
/// measures must be what the server does.
@Suite("Probe", .serialized)
struct ProbeTests {
    /// Its accuracy (TTFT p50 180-230 ms, 36-44 tok/s at 180 ms and 25 ms) is
    /// checked by the probe command's end-to-end test, in processes of their
    /// own: here CPU-bound tests running beside it would skew the clock.
    @Test("20 requests, 4 at once, against a 180 ms first token and a 25 ms interval: all measured, none faster than the server")
    func accuracy() async throws {
        try await withEndpoint(timing: "180ms,25ms") { endpoint in
            let progress = Arrivals()
            let report = await Probe.run(
                try endpoint.client(), instance: "chat-prod", model: "llama-3.1-8b-instruct", options: ProbeOptions()
            ) { _ in progress.append(.now) }
            #expect(report.requests == 20 && report.succeeded == 20 && report.failed == 0)
            #expect(report.errors.isEmpty)
            #expect(progress.all.count == 20)
            let ttft = try #require(report.ttftMs)
            #expect(ttft.min >= 180)
            let rate = try #require(report.tokensPerSecondP50)
            #expect(rate > 0 && rate <= 44, "decode rate p50 \(rate) tok/s")
            // 20 requests of at most 64 tokens, 4 at once: at least 5 rounds of 0.18 + 63 × 0.025 s.
            #expect(report.durationSeconds > 5 * 1.7)
            #expect(report.outputTokensPerSecond > 0)
            #expect(report.ttftSamplesMs.count == 20)
        }
    }

    @Test("a refused secret counts every request as http401")
    func refused() async throws {
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            let report = await Probe.run(
                try endpoint.client(secret: "nope"), instance: "chat-prod", model: "llama-3.1-8b-instruct",
                options: ProbeOptions(requests: 6, concurrency: 3))
            #expect(report.succeeded == 0 && report.failed == 6)
            #expect(report.errors == ["http401": 6])
            #expect(report.ttftMs == nil)
        }
    }

    @Test("faults as for the API: a 100 % error rate fails every request with the status it got")
    func faults() async throws {
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            endpoint.sim.faults.change(FaultChange(errorRate: 1))
            let report = await Probe.run(
                try endpoint.client(), instance: "chat-prod", model: "llama-3.1-8b-instruct",
                options: ProbeOptions(requests: 10, concurrency: 2))
            #expect(report.failed == 10)
            #expect(Set(report.errors.keys).isSubset(of: ["http500", "http502", "http503"]))
        }
    }

    @Test("an endpoint nobody listens on fails as connection")
    func unreachable() async throws {
        let client = try EndpointClient(address: "http://127.0.0.1:9/endpoints/x/", secret: EndpointSecret("s"))
        let report = await Probe.run(
            client, instance: "gone", model: "m", options: ProbeOptions(requests: 3, concurrency: 3))
        #expect(report.errors == ["connection": 3])
    }

    @Test("cancelling stops it: the requests in flight are dropped, the report covers those finished")
    func cancelled() async throws {
        try await withEndpoint(timing: "0ms,20ms") { endpoint in
            let client = try endpoint.client()
            // Cancelled once a first request has finished, however busy the machine.
            let (finished, signal) = AsyncStream<Void>.makeStream()
            let task = Task {
                await Probe.run(client, instance: "chat-prod", model: "llama-3.1-8b-instruct",
                                options: ProbeOptions(requests: 1000, concurrency: 2, maxTokens: 10)) { progress in
                    if progress.finished > 0 { signal.yield() }
                }
            }
            for await _ in finished { break }
            task.cancel()
            let report = await task.value
            #expect(report.interrupted)
            #expect(report.requests > 0 && report.requests < 1000)
            #expect(report.failed == 0)
        }
    }

    @Test("percentiles are nearest-rank; none without values")
    func percentiles() {
        let spread = Percentiles((1...100).map(Double.init))
        #expect(spread == Percentiles(min: 1, p50: 50, p95: 95, p99: 99, max: 100))
        #expect(Percentiles([7]) == Percentiles(min: 7, p50: 7, p95: 7, p99: 7, max: 7))
        #expect(Percentiles([]) == nil)
    }
}
