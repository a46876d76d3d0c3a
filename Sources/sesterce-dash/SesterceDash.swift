import ArgumentParser
import CursesBackend
import DashboardCore
import Foundation

/// `sesterce-dash`: a live terminal dashboard for Sesterce Cloud AI inference
/// endpoints: status, replicas, cost, and start/stop with a keystroke.
@main
struct SesterceDash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sesterce-dash",
        abstract: "A live terminal dashboard for Sesterce Cloud AI inference endpoints.",
        discussion: """
            API key, first found wins: --api-key-file PATH, SESTERCE_API_KEY, or sesterce_api_key in profile \
            --profile (default "default") of ~/.sesterce/credentials. Try it without an account: --demo.
            """,
        version: "0.1.0")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seconds between refreshes of the instance list.")
    var refresh: Double = 5

    @Flag(help: "Make no change: start and stop are disabled.")
    var readonly = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .customLong("log-file"), help: "Append a log of requests and failures to this file (never the key).")
    var logFile: String?

    func validate() throws {
        guard refresh >= 1, refresh <= 3600 else { throw ValidationError("--refresh must be between 1 and 3600 seconds.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let log = try logFile.map { try EventLog(path: $0) }
        let connection = try await self.connection.connect(environment: environment)
        let colors = noColor || !(environment["NO_COLOR"] ?? "").isEmpty ? ColorMode.none : .auto
        let settings = State.Settings(refreshInterval: refresh, readonly: readonly, host: connection.host)
        let session = DashboardSession(client: connection.client, settings: settings, colorMode: colors, log: log)
        let outcome = await session.runOnOwnThread()
        await connection.simulator?.stop()
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
