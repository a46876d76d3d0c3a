import ArgumentParser
import DashCommands
import Foundation
import Ledger
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

    @Option(help: "Profile of ~/.sesterce/credentials to take the key (and its sesterce_api_url) from (default: the config's profile, else \"default\").")
    var profile: String?

    /// The profile in use: `--profile`, else "default" (the config's is applied by `applying(_:)`).
    var profileName: String { profile ?? Credentials.defaultProfile }

    @Option(name: .customLong("api-url"), help: "Base URL of the API (also SESTERCE_API_URL, SESTERCE_CLOUD_API_URL).")
    var apiURL: String?

    @Flag(
        name: .customLong("insecure-http"),
        help: "Allow a plain http:// API URL to a host other than this machine (the key would cross the network unencrypted).")
    var insecureHTTP = false

    static let urlVariables = ["SESTERCE_API_URL", "SESTERCE_CLOUD_API_URL"]

    /// A configuration problem that ends the program with exit status 2.
    struct ConfigurationError: Error, CustomStringConvertible {
        var description: String
    }

    /// `--api-url`, else the environment's, else the profile's own
    /// (`sesterce_api_url`), else the live service.
    func baseURL(environment: [String: String], profileURL: String? = nil) throws(ConfigurationError) -> URL {
        let text = apiURL ?? Self.urlVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? profileURL
        guard let text else { return SesterceClient.liveBaseURL }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil
        else {
            throw ConfigurationError(description: "The API URL '\(text)' is not an http(s) URL.")
        }
        if let refusal = Self.plainHTTPRefusal(url, insecureHTTPAllowed: insecureHTTP) {
            throw ConfigurationError(description: refusal)
        }
        return url
    }

    /// Why `url` may not be used, or nil when it may: plain `http://` sends the
    /// key in the clear, so it is refused unless it stays on this machine
    /// (127.0.0.0/8, ::1, localhost) or the person said `--insecure-http`.
    static func plainHTTPRefusal(_ url: URL, insecureHTTPAllowed: Bool) -> String? {
        guard url.scheme?.lowercased() == "http", !insecureHTTPAllowed else { return nil }
        let host = url.host ?? ""
        guard !LoopbackHost.contains(host) else { return nil }
        return "Refusing plain http:// to \(host): the API key would cross the network unencrypted. "
            + "Use https://, or pass --insecure-http if you accept that risk "
            + "(http:// to this machine, 127.0.0.0/8, ::1 or localhost, needs no flag)."
    }

    /// The account the ledger keys its rows by, without connecting: host and
    /// a fingerprint of the key (`demo` with `--demo`). Exit 2 when no key is found.
    func account(environment: [String: String]) async throws -> AccountKey {
        if demo { return AccountKey(host: "demo", apiKey: SimulatorOptions().apiKey) }
        do {
            let (url, credentials) = try resolve(environment: environment)
            return AccountKey(host: Connection.host(of: url), apiKey: credentials.key)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The key and where it came from, and the base URL (which may be the
    /// key's profile's). Throws what is missing or refused, as a message.
    func resolve(
        environment: [String: String], warn: @escaping WarningSink = StandardError.sink
    ) throws -> (url: URL, credentials: Credentials) {
        let credentials = try Credentials.resolve(keyFile: apiKeyFile, profile: profileName, environment: environment, warn: warn)
        return (try baseURL(environment: environment, profileURL: credentials.url), credentials)
    }

    /// A connected client, and the simulator when `--demo` started one (stop it at the end).
    /// `requestLog` gets a record of every exchange (`--log-file`).
    func connect(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        requestLog: (@Sendable (RequestRecord) -> Void)? = nil
    ) async throws -> Connection {
        if demo {
            var options = SimulatorOptions()
            options.speed = 2
            let server = try await SimulatorServer.start(options)
            return Connection(
                client: SesterceClient(baseURL: server.url, apiKey: options.apiKey, requestLog: requestLog),
                keySource: "demo simulator", profile: nil,
                simulator: server, account: AccountKey(host: "demo", apiKey: options.apiKey))
        }
        let url: URL
        let credentials: Credentials
        do {
            (url, credentials) = try resolve(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let client = SesterceClient(baseURL: url, apiKey: credentials.key, requestLog: requestLog)
        return Connection(
            client: client, keySource: credentials.source, profile: credentials.profile, simulator: nil,
            account: AccountKey(host: Connection.host(of: url), apiKey: credentials.key))
    }
}

/// A client ready to use, and what to stop when done.
struct Connection {
    var client: SesterceClient
    /// Where the key came from (never the key).
    var keySource: String
    /// The credentials profile the key came from, if it did.
    var profile: String?
    var simulator: SimulatorServer?
    /// The ledger's name of the account: host and a fingerprint of the key
    /// (`demo` for the built-in simulator, whose port changes every run).
    var account: AccountKey

    /// With `--demo` and no endpoint secret of one's own: the built-in
    /// simulator's, so the playground and probe work without setup.
    var demoEndpointCredentials: EndpointCredentials? {
        simulator.map { _ in EndpointCredentials(secret: EndpointSecret(SimulatorOptions().endpointKey), source: "demo simulator") }
    }

    /// Host and port for the header.
    var host: String { Self.host(of: client.baseURL) }

    static func host(of url: URL) -> String {
        (url.host ?? url.absoluteString) + (url.port.map { ":\($0)" } ?? "")
    }
}
