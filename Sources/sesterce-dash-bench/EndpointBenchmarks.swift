import Endpoint
import Foundation
import SesterceModels

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

extension Benchmarks {
    /// One million chunks of a streamed chat completion, as vLLM sends them
    /// (`data: {...}` with one token each, then `[DONE]`), through
    /// `ChatStreamReader` in 16 KiB reads: the SSE framing and each chunk's
    /// JSON. The value is the whole million, in ms.
    static func sseParse(_ name: String, chunks: Int = 1_000_000, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let one = Array(
            #"data: {"id":"chatcmpl-9f2","object":"chat.completion.chunk","created":1767225600,"model":"llama-3.1-8b-instruct","choices":[{"index":0,"delta":{"content":" token"},"finish_reason":null}]}"#
                .utf8) + [0x0A, 0x0A]
        let reads = 16 * 1024
        var stream: [UInt8] = []
        stream.reserveCapacity(one.count * 1000)
        for _ in 0..<1000 { stream += one }
        return stopwatch.measure(name, iterations: 3, prepare: { () }) { _ in
            var reader = ChatStreamReader()
            var tokens = 0
            for _ in 0..<(chunks / 1000) {
                var start = 0
                while start < stream.count {
                    let end = min(start + reads, stream.count)
                    try? reader.feed(stream[start..<end]) { if case .content = $0 { tokens += 1 } }
                    start = end
                }
            }
            return tokens
        }
    }

    /// The probe's own CPU with 64 streams at once: `sesterce-sim` runs as a
    /// process of its own (its CPU is not counted) with endpoints that send a
    /// token every 10 ms; 640 requests of 64 tokens. Prints the share of one
    /// core this process used over the wall time, and CPU µs per token.
    static func probeCPU(_ name: String) async throws -> String {
        let simulator = try SimulatorChild(arguments: ["--endpoint-timing", "50ms,10ms", "--endpoint-key", "bench"])
        defer { simulator.stop() }
        let client = try EndpointClient(address: simulator.url + "/endpoints/\(simulator.chatInstanceId)/", secret: EndpointSecret("bench"))
        let model = try await client.models().first ?? ""
        let before = cpuSeconds()
        let report = await Probe.run(
            client, instance: "chat-prod", model: model, options: ProbeOptions(requests: 640, concurrency: 64, maxTokens: 64))
        let cpu = cpuSeconds() - before
        let tokens = Double(report.succeeded * 64)
        let share = cpu / max(report.durationSeconds, 1e-9) * 100
        return #"{"name":"\#(name)","value":\#(String(format: "%.1f", share)),"unit":"% of one core","#
            + #""cpuMicrosecondsPerToken":\#(String(format: "%.2f", cpu / max(tokens, 1) * 1e6)),"#
            + #""streams":64,"requests":\#(report.requests),"failed":\#(report.failed),"#
            + #""wallSeconds":\#(String(format: "%.2f", report.durationSeconds))}"#
    }

    /// User and system CPU time of this process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// `sesterce-sim` (built beside this benchmark) started as a child process on
/// a free port, and the id of its ACTIVE chat instance.
final class SimulatorChild {
    let process = Process()
    let url: String
    let chatInstanceId: String

    struct StartFailed: Error { var output: String }

    init(arguments: [String]) throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        process.executableURL = directory.appendingPathComponent("sesterce-sim")
        process.arguments = ["--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("endpoint key:") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) else {
            process.terminate()
            throw StartFailed(output: text)
        }
        url = String(line.dropFirst("listening on ".count))
        var request = URLRequest(url: URL(string: url + "/ai-inference/instances")!)
        request.setValue("demo-key", forHTTPHeaderField: "x-api-key")
        request.setValue("sesterce-dash-bench", forHTTPHeaderField: "User-Agent")
        let data = try Self.fetch(request)
        let instances = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []
        guard let id = instances.first(where: { $0["name"] as? String == "chat-prod" })?["_id"] as? String else {
            process.terminate()
            throw StartFailed(output: "no chat-prod instance")
        }
        chatInstanceId = id
    }

    private static func fetch(_ request: URLRequest) throws -> Data {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Data?
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data
            done.signal()
        }.resume()
        done.wait()
        return result ?? Data()
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
