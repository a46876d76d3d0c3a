import ArgumentParser
import Foundation
import SesterceAPI
import SesterceSimulator

/// How to reach the service: the same flags and key sources for the dashboard
/// and every scriptable command. There is deliberately no `--api-key` flag: a
/// key on the command line would show in `ps` and in shell history.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Run against the built-in simulator on 127.0.0.1 (no account needed).")
    var demo = false

    @Option(name: .customLong("api-key-file"), help: "Read the API key from this file.")
    var apiKeyFile: String?

    @Option(help: "Profile of ~/.sesterce/credentials to take the key from.")
    var profile = "default"

    @Option(name: .customLong("api-url"), help: "Base URL of the API (also SESTERCE_API_URL, SESTERCE_CLOUD_API_URL).")
    var apiURL: String?

    static let urlVariables = ["SESTERCE_API_URL", "SESTERCE_CLOUD_API_URL"]

    func baseURL(environment: [String: String]) throws -> URL {
        let text = apiURL ?? Self.urlVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let text else { return SesterceClient.liveBaseURL }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("The API URL '\(text)' is not an http(s) URL.")
        }
        return url
    }

    /// A connected client, and the simulator when `--demo` started one (stop it at the end).
    func connect(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Connection {
        if demo {
            var options = SimulatorOptions()
            options.speed = 2
            let server = try await SimulatorServer.start(options)
            return Connection(
                client: SesterceClient(baseURL: server.url, apiKey: options.apiKey), keySource: "demo simulator",
                simulator: server)
        }
        let url = try baseURL(environment: environment)
        let credentials: Credentials
        do {
            credentials = try Credentials.resolve(keyFile: apiKeyFile, profile: profile, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
        return Connection(client: SesterceClient(baseURL: url, apiKey: credentials.key), keySource: credentials.source, simulator: nil)
    }
}

/// A client ready to use, and what to stop when done.
struct Connection {
    var client: SesterceClient
    /// Where the key came from (never the key).
    var keySource: String
    var simulator: SimulatorServer?

    /// Host and port for the header.
    var host: String {
        let url = client.baseURL
        return (url.host ?? url.absoluteString) + (url.port.map { ":\($0)" } ?? "")
    }
}
