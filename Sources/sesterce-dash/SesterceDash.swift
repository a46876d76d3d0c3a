import ArgumentParser
import CursesBackend
import DashCommands
import DashboardCore
import Foundation
import TerminalUI

/// `sesterce-dash`: a live terminal dashboard for Sesterce Cloud AI inference
/// endpoints: status, replicas, cost, and start/stop with a keystroke. Its
/// subcommands give the same data to scripts, without the screen.
@main
struct SesterceDash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sesterce-dash",
        abstract: "A live terminal dashboard for Sesterce Cloud AI inference endpoints.",
        discussion: """
            API key, first found wins: --api-key-file PATH, SESTERCE_API_KEY, or sesterce_api_key in profile \
            --profile (default "default", or the config's `profile`) of ~/.sesterce/credentials. \
            Settings: $XDG_CONFIG_HOME/sesterce-dash/config.yaml (refresh, theme, keys, profile); \
            flags and the environment win over it. Try it without an account: --demo.
            Exit codes: 0 ok, 1 the API refused or failed, 2 usage or configuration error.
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, StartCommand.self, StopCommand.self, PriceCommand.self, ConfigCommand.self])

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seconds between refreshes of the instance list (default 5, or the config's `refresh`).")
    var refresh: Double?

    @OptionGroup var safety: ReadonlyOption

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set, or with `theme: mono`).")
    var noColor = false

    @Option(name: .customLong("log-file"), help: "Append a log of requests and failures to this file (never the key).")
    var logFile: String?

    func validate() throws {
        if let refresh, !DashConfig.refreshRange.contains(refresh) {
            throw ValidationError("--refresh must be between 1 and 3600 seconds.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let preferences = DashboardPreferences(
            refreshFlag: refresh, noColorFlag: noColor, environment: environment, config: config.config)
        let log = try logFile.map { try EventLog(path: $0) }
        let connection = try await self.connection.applying(config.config).connect(environment: environment)
        let settings = State.Settings(refreshInterval: preferences.refresh, readonly: safety.readonly, host: connection.host)
        let session = DashboardSession(
            client: connection.client, settings: settings, colorMode: preferences.theme == .mono ? .none : .auto,
            theme: Theme(preferences.theme), log: log, keymap: preferences.keymap)
        let outcome = await session.runOnOwnThread()
        await connection.simulator?.stop()
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// ArgumentParser's own entry point, except that usage errors exit with 2
    /// (its default is 64), as the documented exit codes promise.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CommandSetup.usageError)
            }
            exit(withError: error)
        }
    }
}

/// `--readonly`, one group shared by the dashboard and start/stop so that
/// ArgumentParser hands it down: `sesterce-dash --readonly stop ID` refuses too.
struct ReadonlyOption: ParsableArguments {
    @Flag(help: "Make no change: the dashboard disables start and stop; the start and stop commands refuse (exit 2).")
    var readonly = false
}

/// `sesterce-dash list KIND`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print instances, regions, hardware, models or registries (no screen).")

    @Argument(help: "What to list.")
    var kind: ListKind

    @Option(help: "table or json (a JSON array; field names in the README).")
    var output: OutputFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CommandSetup.script(connection, output) { try await $0.list(kind) }
    }
}

/// `sesterce-dash start ID`.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a stopped instance.")

    @Argument(help: "The instance's id (see `list instances`).")
    var id: String

    @Option(help: "table or json (a JSON object).")
    var output: OutputFormat = .table

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try CommandSetup.refuseIfReadonly(safety.readonly, "start", id)
        try await CommandSetup.script(connection, output) { try await $0.perform(.start, id: id) }
    }
}

/// `sesterce-dash stop ID`.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a running instance (it is no longer billed).")

    @Argument(help: "The instance's id (see `list instances`).")
    var id: String

    @Option(help: "table or json (a JSON object).")
    var output: OutputFormat = .table

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try CommandSetup.refuseIfReadonly(safety.readonly, "stop", id)
        try await CommandSetup.script(connection, output) { try await $0.perform(.stop, id: id) }
    }
}

/// `sesterce-dash price --hardware ID --region ID --max N`.
struct PriceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price", abstract: "What a configuration costs at its maximum scale.")

    @Option(help: "Hardware flavor id (see `list hardware`).")
    var hardware: String

    @Option(name: .customLong("region"), help: "Region id (see `list regions`); repeat for several.")
    var regions: [Int] = []

    @Option(help: "Maximum pods in each region.")
    var max: Int

    @Option(help: "table or json (a JSON object).")
    var output: OutputFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !regions.isEmpty else { throw ValidationError("Give at least one --region.") }
        guard max >= 1 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() async throws {
        try await CommandSetup.script(connection, output) {
            try await $0.price(hardwareId: hardware, regionIds: regions, maxPods: max)
        }
    }
}

/// `sesterce-dash config`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show which config file, credentials, key source and base URL are in use (never the key).")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let options = connection.applying(config.config)
        let keySource: ConfigReport.KeySource
        if options.demo {
            keySource = .demo
        } else {
            do {
                let credentials = try Credentials.resolve(keyFile: options.apiKeyFile, profile: options.profile, environment: environment)
                keySource = .found(credentials.source)
            } catch {
                keySource = .missing(String(describing: error))
            }
        }
        let given = connection.profile != Credentials.defaultProfile
        let report = ConfigReport(
            configFile: config,
            credentialsFile: DisplayPath.abbreviating(Credentials.credentialsFile(environment: environment), home: environment["HOME"]),
            profile: options.profile,
            profileOrigin: given ? "--profile" : config.config.profile != nil ? "config" : "default",
            keySource: keySource,
            baseURL: options.demo ? "a simulator on 127.0.0.1, started for the run (--demo)" : try options.baseURL(environment: environment).absoluteString,
            preferences: DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: environment, config: config.config))
        print(report.render(), terminator: "")
        if !report.hasKey { throw ExitCode(CommandSetup.usageError) }
    }
}

/// What every command does before and after its work: read the config, apply
/// its profile, connect, and turn failures into the documented exit codes.
enum CommandSetup {
    static let apiFailure: Int32 = 1
    static let usageError: Int32 = 2

    /// The config file, or exit 2 with `file:line: field: problem`.
    static func loadConfig(environment: [String: String]) throws -> ConfigFile {
        do {
            return try ConfigFile.load(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(usageError)
        }
    }

    static func refuseIfReadonly(_ readonly: Bool, _ action: String, _ id: String) throws {
        guard readonly else { return }
        FileHandle.standardError.write(Data("sesterce-dash: --readonly: not sending \(action) for instance \(id)\n".utf8))
        throw ExitCode(usageError)
    }

    /// Runs a scriptable command: its output on standard output; an API failure
    /// on standard error with exit 1.
    static func script(
        _ options: ConnectionOptions, _ format: OutputFormat, _ work: (ScriptCommands) async throws -> String
    ) async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try loadConfig(environment: environment)
        let connection = try await options.applying(config.config).connect(environment: environment)
        let outcome: Result<String, any Error>
        do {
            outcome = .success(try await work(ScriptCommands(client: connection.client, format: format)))
        } catch {
            outcome = .failure(error)
        }
        await connection.simulator?.stop()
        switch outcome {
        case .success(let text):
            print(text, terminator: "")
        case .failure(let error):
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(apiFailure)
        }
    }
}

extension ConnectionOptions {
    /// These options with the config file's profile when `--profile` was not
    /// given. (`--profile` defaults to "default", so giving `--profile default`
    /// explicitly reads as not giving it.)
    func applying(_ config: DashConfig) -> ConnectionOptions {
        var options = self
        let given = profile == Credentials.defaultProfile ? nil : profile
        options.profile = DashboardPreferences.profile(flag: given, config: config)
        return options
    }
}

extension Theme {
    init(_ choice: ThemeChoice) {
        switch choice {
        case .dark: self = .dark
        case .light: self = .light
        case .mono: self = .mono
        }
    }
}
