import ArgumentParser
import DashCommands
import Endpoint
import Foundation
import SesterceAPI

/// `sesterce-dash probe INSTANCE`: is the instance's endpoint serving, and how
/// fast? Streams `--requests` chat completions, `--concurrency` at once, and
/// prints time to first token, inter-token gaps and tokens a second.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe", abstract: "Measure an instance's endpoint: time to first token, tokens a second.",
        discussion: """
            The endpoint secret, first found wins: --endpoint-key-file PATH, SESTERCE_ENDPOINT_KEY, or endpoint_key \
            in the credentials profile (never the account's API key). Ctrl-C stops and prints what was measured. \
            Exit codes: 0 every request succeeded; 1 some failed, the endpoint is unreachable or refused the secret; \
            2 usage error, unknown instance or not ACTIVE (nothing sent).
            """)

    @Argument(help: "The instance's name or id.")
    var instance: String

    @Option(help: "Requests to send (1 to 1000).")
    var requests = 20

    @Option(help: "Requests at once (1 to 64).")
    var concurrency = 4

    @Option(name: .customLong("max-tokens"), help: "Most tokens of each reply.")
    var maxTokens = 64

    @Option(help: "The prompt of every request.")
    var prompt = ProbeOptions.defaultPrompt

    @Option(help: "table or json (a JSON object; fields in the README).")
    var output: OutputFormat = .table

    @Option(name: .customLong("endpoint-key-file"), help: "Read the endpoint secret from this file.")
    var endpointKeyFile: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard ProbeOptions.requestRange.contains(requests) else { throw ValidationError("--requests must be between 1 and 1000.") }
        guard ProbeOptions.concurrencyRange.contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 64.")
        }
        guard (1...8192).contains(maxTokens) else { throw ValidationError("--max-tokens must be between 1 and 8192.") }
        guard !prompt.isEmpty else { throw ValidationError("--prompt must not be empty.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let options = connection.applying(config.config)
        let connected = try await options.connect(environment: environment)
        let outcome = await measure(connected, options: options, environment: environment)
        await connected.simulator?.stop()
        switch outcome {
        case .usage(let message):
            Self.fail(message)
            throw ExitCode(CommandSetup.usageError)
        case .failed(let message):
            Self.fail(message)
            throw ExitCode(CommandSetup.apiFailure)
        case .measured(let report):
            print(try ProbeOutput.render(report, as: output), terminator: "")
            if let failure = ProbeOutput.failureSummary(report) {
                Self.fail(failure)
                throw ExitCode(CommandSetup.apiFailure)
            }
        }
    }

    private enum Outcome {
        case usage(String)
        case failed(String)
        case measured(ProbeReport)
    }

    private func measure(_ connected: Connection, options: ConnectionOptions, environment: [String: String]) async -> Outcome {
        let instances: [Instance]
        do {
            instances = try await connected.client.instances()
        } catch {
            return .failed("\(error)")
        }
        let target: Instance
        do {
            target = try ProbeTarget.find(instance, in: instances)
        } catch {
            return .usage(error.description)
        }
        let credentials: EndpointCredentials
        do {
            let found = try EndpointCredentials.resolve(
                keyFile: endpointKeyFile, profile: options.profileName, environment: environment)
            guard let found = found ?? connected.demoEndpointCredentials else {
                return .usage(EndpointCredentials.notFoundMessage)
            }
            credentials = found
        } catch {
            return .usage(error.description)
        }
        let client: EndpointClient
        do {
            client = try EndpointClient(
                address: target.address ?? "", secret: credentials.secret, allowInsecureHTTP: options.insecureHTTP)
        } catch {
            return .usage(error.description)
        }
        let model: String
        do {
            guard let first = try await client.models().first else { return .failed("The endpoint lists no model.") }
            model = first
        } catch {
            return .failed("\(error)")
        }
        let probeOptions = ProbeOptions(requests: requests, concurrency: concurrency, maxTokens: maxTokens, prompt: prompt)
        let run = Task { [name = target.name] in
            await Probe.run(client, instance: name, model: model, options: probeOptions)
        }
        let interrupt = Self.onInterrupt { run.cancel() }
        defer { interrupt.cancel() }
        return .measured(await run.value)
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("sesterce-dash: \(message)\n".utf8))
    }

    /// Ctrl-C stops the probe (the requests in flight are cancelled) instead of
    /// the process, so that what was measured is still printed.
    static func onInterrupt(_ stop: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "sesterce-dash.probe.sigint"))
        source.setEventHandler(handler: stop)
        source.resume()
        return source
    }
}
