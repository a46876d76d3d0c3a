import ArgumentParser
import DashCommands
import DashboardCore
import Foundation
import Ledger
import SesterceModels

extension CommandSetup {
    /// The account's ledger for a command, or exit 1 saying why (a corrupt
    /// file moved aside is said on standard error, and the command goes on).
    static func openLedger(_ config: ConfigFile, account: AccountKey, environment: [String: String]) throws -> Ledger {
        do {
            let opened = try Ledger.open(
                path: LedgerLocation.path(environment: environment), account: account,
                retentionDays: config.config.retentionDays ?? DashConfig.defaultRetentionDays, now: Date())
            if let notice = opened.notice { FileHandle.standardError.write(Data("sesterce-dash: \(notice)\n".utf8)) }
            return opened.ledger
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(apiFailure)
        }
    }

    /// The ledger of the account `options` name (config applied), for a
    /// command that reads or writes it without the API.
    static func accountLedger(_ options: ConnectionOptions, environment: [String: String]) async throws -> Ledger {
        let config = try loadConfig(environment: environment)
        let account = try await options.applying(config.config).account(environment: environment)
        return try openLedger(config, account: account, environment: environment)
    }

    /// Runs ledger work, printing its text; a failure is said and exits 1.
    static func printing(_ work: () throws -> String) throws {
        do {
            print(try work(), terminator: "")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(apiFailure)
        }
    }
}

/// `sesterce-dash events`: what the dashboards and watchers of the account saw happen.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Events of the account from the ledger, newest first (status changes, ready pods, errors, timers, actions).",
        discussion: "Reads the ledger the dashboard and `watch` write; no request is sent.")

    @Option(help: "From this day (YYYY-MM-DD, local) or date-time (2026-12-04T08:00) on.")
    var since: String?

    @Option(help: "At most this many.")
    var limit = 500

    @Option(help: "table or json (a JSON array).")
    var output: OutputFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let start: Date?
        do {
            start = try since.map { text throws(StopTimeError) in try EventsCommand.moment(text) }
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: --since: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
        let ledger = try await CommandSetup.accountLedger(connection, environment: environment)
        try CommandSetup.printing {
            try EventRecord.render(try ledger.events(since: start, limit: max(1, limit)), output, timeZone: .current)
        }
    }

    /// A day (its local midnight) or a date-time, in the past or not.
    static func moment(_ text: String) throws(StopTimeError) -> Date {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = .current
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return date }
        // A date-time is read as a stop time would be, here from the distant past.
        return try StopTime.at(text, now: .distantPast, timeZone: .current).get()
    }
}

/// `sesterce-dash timer set|list|cancel`.
struct TimerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timer",
        abstract: "Stop timers: an instance stopped at a time, by whichever dashboard or watcher of the account runs then.",
        subcommands: [TimerSetCommand.self, TimerListCommand.self, TimerCancelCommand.self])
}

struct TimerSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set (or move) an instance's stop timer.")

    @Argument(help: "The instance's id or name.")
    var instance: String

    @Option(name: .customLong("in"), help: "Stop in this long: 45s, 30m, 2h, 1d, 1h30m.")
    var delay: String?

    @Option(help: "Stop at this time: 19:00 (local; tomorrow if past) or 2026-12-04T08:00.")
    var at: String?

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (delay == nil) != (at == nil) else { throw ValidationError("Give one of --in and --at.") }
        if let delay, StopTime.duration(delay) == nil {
            throw ValidationError("--in: \(StopTimeError.unreadable(delay).description)")
        }
    }

    func run() async throws {
        try CommandSetup.refuseIfReadonly(safety.readonly, "a stop timer", instance)
        let now = Date()
        let due: Date
        switch at.map({ StopTime.at($0, now: now, timeZone: .current) }) ?? StopTime.parse(delay ?? "", now: now, timeZone: .current) {
        case .success(let date): due = date
        case .failure(let error):
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
        let environment = ProcessInfo.processInfo.environment
        let config = try CommandSetup.loadConfig(environment: environment)
        let options = connection.applying(config.config)
        let account = try await options.account(environment: environment)
        let ledger = try CommandSetup.openLedger(config, account: account, environment: environment)
        var found: Result<Instance, InstanceReferenceError>?
        try await CommandSetup.script(options, .table) { commands in
            let instances = try await commands.client.instances()
            found = Result { () throws(InstanceReferenceError) in try InstanceReference.resolve(instance, in: instances) }
            return ""
        }
        guard case .success(let target) = found else {
            if case .failure(let error) = found { FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8)) }
            throw ExitCode(CommandSetup.usageError)
        }
        try CommandSetup.printing {
            try ledger.setStopTimer(StopTimer(instanceId: target.id, instanceName: target.name, dueAt: due), at: now)
            return "\(target.name) (\(target.id)) stops at \(StopTimer.iso(due)), in \(Formatting.countdown(due.timeIntervalSince(now))), "
                + "if a dashboard or `sesterce-dash watch` of this account runs then.\n"
        }
    }
}

struct TimerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The account's stop timers, soonest first.")

    @Option(help: "table or json (a JSON array).")
    var output: OutputFormat = .table

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let ledger = try await CommandSetup.accountLedger(connection, environment: ProcessInfo.processInfo.environment)
        try CommandSetup.printing { try StopTimerRecord.render(try ledger.stopTimers(), output, now: Date(), timeZone: .current) }
    }
}

struct TimerCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an instance's stop timer.")

    @Argument(help: "The instance's id or name.")
    var instance: String

    @OptionGroup var safety: ReadonlyOption

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try CommandSetup.refuseIfReadonly(safety.readonly, "a stop timer cancel", instance)
        let ledger = try await CommandSetup.accountLedger(connection, environment: ProcessInfo.processInfo.environment)
        try CommandSetup.printing {
            let timers = try ledger.stopTimers()
            let matches = timers.filter { $0.instanceId == instance }.nilIfEmpty ?? timers.filter { $0.instanceName == instance }
            guard matches.count == 1, let timer = matches.first else {
                FileHandle.standardError.write(Data(("sesterce-dash: " + (matches.isEmpty
                    ? "no stop timer for \(instance) (see `timer list`)"
                    : "\(matches.count) timers are for instances named \(instance); give the id: "
                        + matches.map(\.instanceId).joined(separator: ", ")) + "\n").utf8))
                throw ExitCode(CommandSetup.usageError)
            }
            try ledger.cancelStopTimer(instanceId: timer.instanceId, at: Date())
            return "Stop timer of \(timer.instanceName) (\(timer.instanceId)) cancelled.\n"
        }
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
