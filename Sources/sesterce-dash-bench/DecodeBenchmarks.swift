import SesterceAPI

extension Benchmarks {
    /// Bytes to `[Instance]` the way the app gets them: through
    /// `SesterceClient.instances()` (middleware, generated decoding, date
    /// parsing, domain mapping), with only the network replaced.
    static func decodeList(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) async throws -> BenchmarkResult {
        let client = SesterceClient(
            baseURL: SesterceClient.liveBaseURL, apiKey: "bench-key", transport: CannedTransport(body: data.instancesJSON))
        return try await stopwatch.measure(name, iterations: 20) { try await client.instances() }
    }
}
