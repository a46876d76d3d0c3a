import ArgumentParser
import DashCommands
import DashboardCore
import DashboardRuntime
import Foundation
import SesterceMetrics
import SesterceModels
import Synchronization

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

    @Option(
        name: .customLong("metrics-listen"),
        help: "Serve Prometheus metrics at http://HOST:PORT/metrics (PORT alone: on 127.0.0.1 only).")
    var metricsListen: String?

    @Option(
        name: .customLong("detail-rate"),
        help: "Instance details asked at most this many a second, for READY (default 1, or the config's `detailRate`).")
    var detailRate: Double?

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let refresh, !DashConfig.refreshRange.contains(refresh) {
            throw ValidationError("--refresh must be between 1 and 3600 seconds.")
        }
        if let detailRate, !DashConfig.detailRateRange.contains(detailRate) {
            throw ValidationError("--detail-rate must be between 0.1 and 50 a second.")
        }
        if let metricsListen, MetricsAddress(metricsListen) == nil {
            throw ValidationError("--metrics-listen: expected HOST:PORT, [IPv6]:PORT or PORT, got \(metricsListen)")
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
            detailRate: detailRate ?? config.config.detailRate ?? DashConfig.watchDetailRate, timeZone: .current, headless: true)
        let json = output == .json
        let metrics = WatchMetrics()
        let server = try metricsListen.flatMap(MetricsAddress.init).map { address in try Self.server(metrics, address) }
        let serving = server.map { server in
            Task {
                do { try await server.run() } catch {
                    FileHandle.standardError.write(Data("sesterce-dash: metrics: \(error)\n".utf8))
                }
            }
        }
        defer { serving?.cancel() }
        let polls = PollTiming(metrics)
        let observer = WatchLoop.Observer(
            events: { events in
                for event in events {
                    let line = (try? EventRecord.line(event, json: json, timeZone: .current)) ?? event.sentence
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            },
            state: { state, action in polls.observe(action, state) },
            effect: { effect in if case .pollInstances = effect { polls.started() } })
        let webhook = try AlertChannels.webhook(config.config, allowInsecureHTTP: options.insecureHTTP)
        let client = connection.client
        let outcome: Result<Void, RuntimeError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(RuntimeError) in
                    try WatchLoop.run(client: client, settings: settings, ledger: ledger.ledger, webhook: webhook, observer: observer)
                })
            }
            thread.name = "sesterce-dash watch"
            thread.start()
        }
        await connection.simulator?.stop()
        serving?.cancel()
        if case .failure(let error) = outcome {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.apiFailure)
        }
    }
}

extension WatchCommand {
    /// The metrics server, or exit 2 saying why it cannot listen there.
    static func server(_ metrics: WatchMetrics, _ address: MetricsAddress) throws -> MetricsServer {
        do {
            // A host given is asked for; a port alone stays on this machine.
            return try MetricsServer(metrics: metrics, host: address.host, port: address.port, allowRemote: address.hostGiven)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: --metrics-listen: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
    }
}

/// `--metrics-listen`: `HOST:PORT`, `[IPv6]:PORT`, or a port alone (loopback).
struct MetricsAddress: Equatable {
    var host: String
    var port: Int
    var hostGiven: Bool

    init?(_ text: String) {
        let (host, port): (Substring, Substring)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            guard text[close...].hasPrefix("]:") else { return nil }
            port = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            (host, port) = (text[..<colon], text[text.index(after: colon)...])
        } else {
            (host, port) = ("", text[...])
        }
        guard let number = Int(port), (0...65_535).contains(number), !host.contains(":") || text.hasPrefix("[") else { return nil }
        self.host = host.isEmpty ? "127.0.0.1" : String(host)
        self.port = number
        hostGiven = !host.isEmpty
    }
}

/// What the watcher's metrics learn from its actions: the figures after each
/// poll, and each instance poll's duration and failure.
final class PollTiming: Sendable {
    private let metrics: WatchMetrics
    private let startedAt = Mutex<ContinuousClock.Instant?>(nil)

    init(_ metrics: WatchMetrics) {
        self.metrics = metrics
    }

    func started() {
        startedAt.withLock { $0 = ContinuousClock.now }
    }

    func observe(_ action: Action, _ state: State) {
        switch action {
        case .instancesPolled(let result, _, _):
            let duration = startedAt.withLock { started in started.map { (ContinuousClock.now - $0) / .seconds(1) } } ?? 0
            let kind: String? = if case .failure(let error) = result { error.metricKind } else { nil }
            metrics.pollFinished(duration: duration, errorKind: kind)
            update(state)
        case .costHistoryLoaded:
            // The ledger's spend only. Pods are exported as of the last poll,
            // not after each detail: details come four a second.
            metrics.recordSpend(state.cost.spent)
        default:
            break
        }
    }

    private func update(_ state: State) {
        let rate = BurnRate(instances: state.instances)
        metrics.update(
            instances: state.instances, details: state.details,
            regionNames: Dictionary(state.regions.map { ($0.id, $0.name) }) { first, _ in first },
            burnRate: rate.perHour, starting: rate.startingPerHour, spend: state.cost.spent)
    }
}

extension APIError {
    /// The `kind` label of `sesterce_poll_errors_total`.
    var metricKind: String {
        switch self {
        case .keyRejected: "key_rejected"
        case .blockedAtEdge: "blocked_at_edge"
        case .notFound: "not_found"
        case .validation: "validation"
        case .rateLimited: "rate_limited"
        case .refused: "refused"
        case .server: "server"
        case .unreachable: "unreachable"
        case .timedOut: "timed_out"
        case .undecodable: "undecodable"
        }
    }
}
