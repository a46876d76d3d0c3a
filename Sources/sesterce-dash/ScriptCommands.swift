import ArgumentParser
import DashCommands
import Foundation
import Ledger

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

/// What `start` and `stop` take: the instance, the output format, `--readonly`
/// and the connection.
struct InstanceActionArguments: ParsableArguments {
    @Argument(help: "The instance's name or id (see `list instances`).")
    var instance: String

    @Option(help: "table or json (a JSON object).")
    var output: OutputFormat = .table

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func run(_ action: InstanceAction) async throws {
        try CommandSetup.refuseIfReadonly(safety.readonly, action.rawValue, instance)
        try await CommandSetup.script(connection, output) { try await $0.perform(action, instance: instance) }
    }
}

/// `sesterce-dash start INSTANCE`.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a stopped instance.")

    @OptionGroup var arguments: InstanceActionArguments

    func run() async throws { try await arguments.run(.start) }
}

/// `sesterce-dash stop INSTANCE`.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a running instance (it is no longer billed).")

    @OptionGroup var arguments: InstanceActionArguments

    func run() async throws { try await arguments.run(.stop) }
}

/// `sesterce-dash price --hardware NAME --region NAME --max N` (names or ids).
struct PriceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price", abstract: "What a configuration costs at its maximum scale.")

    @Option(help: "Hardware flavor: id, name or short name such as 1xL40S (see `list hardware`).")
    var hardware: String

    @Option(name: .customLong("region"), help: "Region: id or name (see `list regions`); repeat for several.")
    var regions: [String] = []

    @Option(help: "Maximum pods in each region.")
    var max: Int

    @Flag(help: "Price regions that are not ACTIVE or have no room for the hardware (refused otherwise, exit 2).")
    var force = false

    @Option(help: "table or json (a JSON object).")
    var output: OutputFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !regions.isEmpty else { throw ValidationError("Give at least one --region.") }
        guard max >= 1 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() async throws {
        try await CommandSetup.script(connection, output) {
            try await $0.price(hardware: hardware, regions: regions, maxPods: max, force: force)
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
        var profileURL: String?
        if options.demo {
            keySource = .demo
        } else {
            do {
                let credentials = try Credentials.resolve(keyFile: options.apiKeyFile, profile: options.profileName, environment: environment)
                keySource = .found(credentials.source)
                profileURL = credentials.url
            } catch {
                keySource = .missing(String(describing: error))
            }
        }
        let given = connection.profile != nil
        let report = ConfigReport(
            configFile: config,
            credentialsFile: DisplayPath.abbreviating(Credentials.credentialsFile(environment: environment), home: environment["HOME"]),
            profile: options.profileName,
            profileOrigin: given ? "--profile" : config.config.profile != nil ? "config" : "default",
            keySource: keySource,
            baseURL: options.demo
                ? "a simulator on 127.0.0.1, started for the run (--demo)" : try configuredURL(options, environment, profileURL: profileURL),
            preferences: DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: environment, config: config.config))
        print(report.render(), terminator: "")
        if !report.hasKey { throw ExitCode(CommandSetup.usageError) }
    }

    /// The base URL, or exit 2 with the reason (a configuration error, as for every command).
    private func configuredURL(_ options: ConnectionOptions, _ environment: [String: String], profileURL: String?) throws -> String {
        do {
            return try options.baseURL(environment: environment, profileURL: profileURL).absoluteString
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
    }
}

/// `sesterce-dash report`: spend per instance from the ledger.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Spend per instance from the cost ledger (by default this calendar month, UTC).",
        discussion: """
            Reads the ledger the dashboard writes ($XDG_STATE_HOME/sesterce-dash/ledger.sqlite); the key and URL \
            only name the account, no request is sent. Observed spend is time the dashboard saw; estimated spend \
            covers gaps where an instance was unchanged at both ends.
            """)

    @Option(help: "First day, YYYY-MM-DD (UTC); default the 1st of this month.")
    var since: String?

    @Option(help: "Last day included, YYYY-MM-DD (UTC); default the end of this month.")
    var until: String?

    @Option(help: "table, json or csv.")
    var output: ReportFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let range: (since: Date, until: Date)
        do {
            range = try ReportRange.resolve(since: since, until: until, now: Date())
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
        let ledger = try await CommandSetup.accountLedger(connection, environment: environment)
        try CommandSetup.printing { try ReportRecord(try ledger.report(since: range.since, until: range.until)).render(output) }
    }
}
