import ArgumentParser
import DashCommands
import DashboardCore
import DashboardRuntime
import Foundation
import SesterceModels

/// `sesterce-dash watch`: the dashboard's watching without its screen.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch without a screen: poll, record the ledger, print events, send alerts, fire stop timers.",
        discussion: """
            Needs no terminal (stdin may be /dev/null). One line per event on standard output (JSON lines with \
            --output json). SIGTERM or SIGINT: finishes what it is writing and exits 0. Alerts: the config's \
            `alerts:` webhook (bell and desktop need a screen).
            """)

    @Option(help: "Seconds between refreshes of the instance list (default 5, or the config's `refresh`).")
    var refresh: Double?

    @Option(help: "table (a line per event) or json (a JSON object per line).")
    var output: OutputFormat = .table

    @Flag(name: .customLong("no-ledger"), help: "Keep no ledger: events are found in memory, stop timers are not fired.")
    var noLedger = false

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let refresh, !DashConfig.refreshRange.contains(refresh) {
            throw ValidationError("--refresh must be between 1 and 3600 seconds.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let options = connection.applying(config.config)
        let connection = try await options.connect(environment: environment)
        let ledger = noLedger ? LedgerOpening(ledger: nil, notice: nil) : LedgerOpening.open(
            account: connection.account, retentionDays: config.config.retentionDays, environment: environment)
        if let notice = ledger.notice { FileHandle.standardError.write(Data("sesterce-dash: \(notice)\n".utf8)) }
        let settings = State.Settings(
            refreshInterval: refresh ?? config.config.refresh ?? 5, readonly: safety.readonly, host: connection.host,
            ledger: ledger.ledger != nil, budget: config.config.budget, alerts: config.config.alerts,
            detailRate: config.config.detailRate ?? 4, timeZone: .current, headless: true)
        let json = output == .json
        let observer = WatchLoop.Observer(events: { events in
            for event in events {
                let line = (try? EventRecord.line(event, json: json, timeZone: .current)) ?? event.sentence
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        })
        let client = connection.client
        let outcome: Result<Void, RuntimeError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(RuntimeError) in
                    try WatchLoop.run(client: client, settings: settings, ledger: ledger.ledger, webhook: nil, observer: observer)
                })
            }
            thread.name = "sesterce-dash watch"
            thread.start()
        }
        await connection.simulator?.stop()
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.apiFailure)
        }
    }
}
