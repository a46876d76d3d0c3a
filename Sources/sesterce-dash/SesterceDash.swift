import ArgumentParser
import CursesBackend
import DashCommands
import DashboardCore
import DashboardRuntime
import Foundation
import Ledger
import NIOCore
import NIOPosix
import SesterceAPI
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
            Settings: $XDG_CONFIG_HOME/sesterce-dash/config.yaml (refresh, theme, keys, profile, budget, ledger); \
            flags and the environment win over it. Try it without an account: --demo.
            Exit codes: 0 ok, 1 the API refused or failed, 2 usage or configuration error.
            """,
        version: "\(SesterceClient.version) (commit \(buildCommit))",
        subcommands: [
            ListCommand.self, StartCommand.self, StopCommand.self, PriceCommand.self, ReportCommand.self, EventsCommand.self,
            TimerCommand.self, WatchCommand.self, ProbeCommand.self, ConfigCommand.self,
        ])

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seconds between refreshes of the instance list (default 5, or the config's `refresh`).")
    var refresh: Double?

    @OptionGroup var safety: ReadonlyOption

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set, or with `theme: mono`).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own selection), as `mouse: false` in the config.")
    var noMouse = false

    @Option(name: .customLong("log-file"), help: "Append a log of requests and failures to this file (never the key).")
    var logFile: String?

    @Flag(name: .customLong("no-ledger"), help: "Keep no cost history (the Cost pane and budget stay empty).")
    var noLedger = false

    @Option(
        name: .customLong("endpoint-key-file"),
        help: "Read the endpoint secret (for the playground, p) from this file; else SESTERCE_ENDPOINT_KEY, endpoint_key, or asked.")
    var endpointKeyFile: String?

    func validate() throws {
        if let refresh, !DashConfig.refreshRange.contains(refresh) {
            throw ValidationError("--refresh must be between 1 and 3600 seconds.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let preferences = DashboardPreferences(
            refreshFlag: refresh, noColorFlag: noColor, noMouseFlag: noMouse, environment: environment, config: config.config)
        let log = try logFile.map { try EventLog(path: $0) }
        let options = self.connection.applying(config.config)
        let endpointCredentials: EndpointCredentials?
        do {
            endpointCredentials = try EndpointCredentials.resolve(
                keyFile: endpointKeyFile, profile: options.profileName, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
        let connection = try await options.connect(environment: environment, requestLog: log?.requestLine)
        let ledger = noLedger ? LedgerOpening(ledger: nil, notice: nil) : LedgerOpening.open(
            account: connection.account, retentionDays: config.config.retentionDays, environment: environment)
        let settings = State.Settings(
            refreshInterval: preferences.refresh, readonly: safety.readonly, host: connection.host, keymap: preferences.keymap,
            ledger: ledger.ledger != nil, ledgerNotice: ledger.notice, budget: config.config.budget,
            alerts: config.config.alerts, detailRate: config.config.detailRate ?? DashConfig.dashboardDetailRate, timeZone: .current,
            profiles: ProfileSwitching.choice(demo: options.demo, connection: connection, environment: environment))
        let switching = ProfileSwitching(
            options: options, environment: environment, endpointKeyFile: endpointKeyFile, keepsLedger: !noLedger,
            retentionDays: config.config.retentionDays, requestLog: log?.requestLine)
        let session = DashboardSession(
            client: connection.client, settings: settings, colorMode: preferences.theme == .mono ? .none : .auto,
            theme: Theme(preferences.theme), mouse: preferences.mouse, log: log, ledger: ledger.ledger,
            endpoints: EndpointAccess(
                secret: (endpointCredentials ?? connection.demoEndpointCredentials)?.secret,
                allowInsecureHTTP: options.insecureHTTP),
            webhook: try AlertChannels.webhook(config.config, allowInsecureHTTP: options.insecureHTTP),
            opener: settings.profiles.fixed == nil ? switching.opener : nil)
        let outcome = await session.runOnOwnThread()
        await connection.simulator?.stop()
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// ArgumentParser's own entry point, except that usage errors exit with 2
    /// (its default is 64), as the documented exit codes promise.
    ///
    /// It is synchronous, and the command runs in a task on SwiftNIO's one
    /// event loop thread, installed as the global executor of tasks, the
    /// thread that already does the network I/O. An `async` main would run
    /// on libdispatch's pool, whose monitor then wakes the process every
    /// second for good; here no pool thread starts, and a request's answer
    /// reaches its task without a hop between threads. Idle, that takes the
    /// wake-ups under four a second (README, Speed). One loop is plenty for
    /// one dashboard's few requests.
    static func main() {
        NIOSingletons.groupLoopCountSuggestion = 1
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let finished = DispatchSemaphore(value: 0)
        // Detached: `main` is the main actor's, whose queue nobody drains here.
        Task.detached {
            await runCommand()
            finished.signal()
        }
        finished.wait()
    }

    private nonisolated static func runCommand() async {
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
    @Flag(help: "Make no change: the dashboard sends no change; the start and stop commands refuse (exit 2).")
    var readonly = false
}
