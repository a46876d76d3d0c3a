import ArgumentParser
import Foundation
import SesterceSimulator

/// `sesterce-sim`: the simulated Sesterce AI Inference API as a standalone
/// loopback server, for trying the dashboard or other clients without an account.
@main
struct SesterceSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sesterce-sim",
        abstract: "A simulator of the Sesterce Cloud AI Inference API on 127.0.0.1.",
        discussion: """
            Requests need a User-Agent (else 403 HTML, like Cloudflare's "error code: 1010") and \
            the header x-api-key equal to --api-key (else 403 JSON). Prices: a pod costs its hardware's \
            hourly price; a month is 730 hours.

            Faults can be changed while running: GET /_sim/faults shows them, PUT /_sim/faults with \
            {"latencyMs":0,"errorRate":0,"rateLimit":0} (any of the three) sets them; these requests \
            bypass the faults and need no key or User-Agent. SIGUSR1 switches every fault off.

            ACTIVE chat instances serve an OpenAI-compatible endpoint at their address \
            (http://127.0.0.1:PORT/endpoints/ID/v1/models, .../v1/chat/completions), with x-api-key \
            equal to --endpoint-key, at a pace set by their hardware or by --endpoint-timing.
            """)

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "Seed of the catalog, the instances and the faults.")
    var seed: UInt64 = 1

    @Option(help: "Instances the account starts with (up to 10000 and more).")
    var instances: Int = 8

    @Option(help: "The API key the simulator accepts.")
    var apiKey: String = "demo-key"

    @Option(help: "Lifecycle speed-up (10 deploys ten times faster).")
    var speed: Double = 1

    @Option(help: "Delay added to every answer, in milliseconds.")
    var latencyMs: Int = 0

    @Option(help: "Share of requests (0...1) answered 500, 502 or 503.")
    var errorRate: Double = 0

    @Option(help: "Requests per second before answering 429 with Retry-After; 0 for no limit.")
    var rateLimit: Int = 0

    @Option(help: "The secret the endpoints of ACTIVE chat instances accept in x-api-key.")
    var endpointKey: String = "demo-endpoint-key"

    @Option(help: "Fix every endpoint's first-token delay and token interval, e.g. 180ms,25ms (default: by hardware).")
    var endpointTiming: String?

    @Option(help: "Chance (0...1) that a new deployment ends PARTIALLYDEPLOYED.")
    var partialDeployRate: Double = 0.15

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard instances >= 0 else { throw ValidationError("--instances must not be negative.") }
        guard speed > 0 else { throw ValidationError("--speed must be positive.") }
        guard (0...1).contains(errorRate) else { throw ValidationError("--error-rate must be between 0 and 1.") }
        guard (0...1).contains(partialDeployRate) else { throw ValidationError("--partial-deploy-rate must be between 0 and 1.") }
        guard latencyMs >= 0, rateLimit >= 0 else { throw ValidationError("--latency-ms and --rate-limit must not be negative.") }
        if let endpointTiming, EndpointTiming.parse(endpointTiming) == nil {
            throw ValidationError("--endpoint-timing must be FIRST,INTERVAL such as 180ms,25ms.")
        }
        guard !endpointKey.isEmpty else { throw ValidationError("--endpoint-key must not be empty.") }
    }

    func run() async throws {
        var options = SimulatorOptions()
        options.port = port
        options.seed = seed
        options.instances = instances
        options.apiKey = apiKey
        options.speed = speed
        options.partialDeployRate = partialDeployRate
        options.endpointKey = endpointKey
        options.endpointTiming = endpointTiming.flatMap(EndpointTiming.parse)
        options.faults = Faults(latencyMs: latencyMs, errorRate: errorRate, rateLimit: rateLimit)
        let server = try await SimulatorServer.start(options)
        let faultsOff = Self.switchFaultsOff(of: server, on: SIGUSR1)
        defer { faultsOff.cancel() }
        // print() is block-buffered when stdout is a pipe: write directly so that
        // whoever started us sees the URL at once.
        FileHandle.standardOutput.write(
            Data("listening on \(server.url.absoluteString)\nendpoint key: \(endpointKey)\n".utf8))
        try await server.wait()
    }

    /// Turns every fault off when `signalNumber` arrives, for scripts that
    /// cannot send HTTP (`kill -USR1 PID`). Observed through a dispatch source,
    /// so the handler runs as ordinary code, not in a C signal handler.
    static func switchFaultsOff(of server: SimulatorServer, on signalNumber: Int32) -> any DispatchSourceSignal {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: DispatchQueue(label: "sesterce-sim.signals"))
        source.setEventHandler { server.faults.change(.allOff) }
        source.resume()
        return source
    }
}
