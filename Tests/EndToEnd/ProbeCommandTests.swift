import Foundation
import Testing

/// `sesterce-dash probe` as a script runs it, against a real `sesterce-sim`
/// whose endpoints answer with a fixed 180 ms first token and 25 ms interval.
@Suite("Probe command end to end", .serialized)
struct ProbeCommandTests {
    static let secret = "e2e-endpoint-secret-42"

    static func probe(
        _ arguments: [String], simulator: SimulatorProcess, secret: String? = ProbeCommandTests.secret
    ) throws -> ScriptableCommandTests.Run {
        var environment = ["SESTERCE_API_KEY": "demo-key"]
        environment["SESTERCE_ENDPOINT_KEY"] = secret
        return try ScriptableCommandTests.dash(["probe"] + arguments + ["--api-url", simulator.url], environment: environment)
    }

    static func simulator() throws -> SimulatorProcess {
        try SimulatorProcess(arguments: ["--endpoint-timing", "180ms,25ms", "--endpoint-key", secret])
    }

    /// Timing is checked here, with the probe and the simulator in processes
    /// of their own: in the test process, CPU-bound tests running beside it
    /// hold the threads that would read and time the tokens.
    ///
    /// The bounds tell a right measurement from a wrong one, not a fast
    /// machine from a slow one: never faster than the server, and far from
    /// what a buffered stream would give (64 tokens in one burst at about
    /// 1.8 s: a first token that late, gaps near 0). A loaded CI machine
    /// once read a p50 of 235 ms, so lateness alone is never a failure.
    @Test("--output json: every field, camelCase; TTFT p50 from 180 ms, never near the whole stream; at most 44 tok/s; tokens one by one, about 25 ms apart; exit 0")
    func json() throws {
        let sim = try Self.simulator()
        let run = try Self.probe(["chat-prod", "--output", "json", "--requests", "12", "--concurrency", "4"], simulator: sim)
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "instance", "model", "requests", "succeeded", "failed", "concurrency", "ttftMs", "interTokenMs",
            "tokensPerSecond", "outputTokensPerSecond", "durationSeconds", "errors",
        ])
        #expect(object["instance"] as? String == "chat-prod")
        #expect(object["model"] as? String == "llama-3.1-8b-instruct")
        #expect(object["requests"] as? Int == 12 && object["succeeded"] as? Int == 12 && object["failed"] as? Int == 0)
        let ttft = try #require(object["ttftMs"] as? [String: Double])
        #expect(Set(ttft.keys) == ["min", "p50", "p95", "p99", "max"])
        #expect((180...600).contains(ttft["p50"] ?? 0), "\(ttft)")
        let rate = try #require(object["tokensPerSecond"] as? [String: Double])
        #expect(Set(rate.keys) == ["p50", "mean"])
        #expect((20...44).contains(rate["p50"] ?? 0), "\(rate)")
        // Streamed for real: each token read as the server sent it, never a
        // burst at the end (which would put the median gap near 0). The
        // smallest gap is not checked: on a busy machine a token sent late
        // is followed closely by the next, sent on time.
        let gaps = try #require(object["interTokenMs"] as? [String: Double])
        #expect((18...50).contains(gaps["p50"] ?? 0), "\(gaps)")
        #expect((object["errors"] as? [String: Int])?.isEmpty == true)
        #expect(!run.output.contains(Self.secret) && !run.errors.contains(Self.secret))
    }

    @Test("the table by default, by id too")
    func table() throws {
        let sim = try Self.simulator()
        let list = try ScriptableCommandTests.dash(
            ["list", "instances", "--output", "json", "--api-url", sim.url], environment: ["SESTERCE_API_KEY": "demo-key"])
        let instances = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let id = try #require(instances.first { $0["name"] as? String == "chat-prod" }?["id"] as? String)
        let run = try Self.probe([id, "--requests", "4", "--max-tokens", "8"], simulator: sim)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Probe of chat-prod (llama-3.1-8b-instruct): 4 requests, 4 at once"))
        #expect(run.output.contains("time to first token"))
    }

    @Test("a wrong secret: exit 1, the message says the secret was refused and never shows it")
    func wrongSecret() throws {
        let sim = try Self.simulator()
        let run = try Self.probe(["chat-prod", "--requests", "3"], simulator: sim, secret: "not-the-secret-7")
        #expect(run.status == 1)
        #expect(run.errors.contains("secret refused"), "\(run.errors)")
        #expect(!run.errors.contains("not-the-secret-7") && !run.output.contains("not-the-secret-7"))
        #expect(!run.errors.contains("demo-key"))
    }

    @Test("unknown instance, not ACTIVE, no secret, bad numbers: exit 2 and nothing sent")
    func usage() throws {
        let sim = try Self.simulator()
        let unknown = try Self.probe(["no-such-instance"], simulator: sim)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("No instance named or with id 'no-such-instance'"))
        let failed = try Self.probe(["support-bot-staging"], simulator: sim)
        #expect(failed.status == 2)
        #expect(failed.errors.contains("is ERROR, not ACTIVE"))
        let noSecret = try Self.probe(["chat-prod"], simulator: sim, secret: nil)
        #expect(noSecret.status == 2)
        #expect(noSecret.errors.contains("No endpoint secret found"))
        for arguments in [["--requests", "0"], ["--requests", "1001"], ["--concurrency", "65"]] {
            let run = try Self.probe(["chat-prod"] + arguments, simulator: sim)
            #expect(run.status == 2, "\(arguments)")
        }
    }

    @Test("an unreachable endpoint: exit 1, said so")
    func unreachable() throws {
        let run = try ScriptableCommandTests.dash(
            ["probe", "chat-prod", "--api-url", "http://127.0.0.1:9"],
            environment: ["SESTERCE_API_KEY": "demo-key", "SESTERCE_ENDPOINT_KEY": Self.secret])
        #expect(run.status == 1)
        #expect(run.errors.contains("unreachable"))
    }

    @Test("Ctrl-C stops it and prints what was measured")
    func interrupted() async throws {
        let sim = try SimulatorProcess(arguments: ["--endpoint-timing", "100ms,50ms", "--endpoint-key", Self.secret])
        let output = Pipe()
        let errors = Pipe()
        let process = Process()
        process.executableURL = Products.url(of: "sesterce-dash")
        process.arguments = ["probe", "chat-prod", "--requests", "1000", "--concurrency", "2", "--max-tokens", "4",
                             "--output", "json", "--api-url", sim.url]
        process.environment = [
            "SESTERCE_API_KEY": "demo-key", "SESTERCE_ENDPOINT_KEY": Self.secret,
            "HOME": FileManager.default.temporaryDirectory.path,
        ]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try await Task.sleep(for: .seconds(3))
        kill(process.processIdentifier, SIGINT)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(said.contains("stopped after"))
        let object = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        let requests = try #require(object["requests"] as? Int)
        #expect(requests > 0 && requests < 1000)
    }
}
