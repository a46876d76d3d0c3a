import DashboardCore
import Foundation
import SesterceModels

/// What `sesterce-dash events` and `watch --output json` print of an event:
/// one JSON object per event, its fields (`at`, `kind`, `instanceId`,
/// `instanceName`, `old`, `new`, `detail`, `hourlyPrice`, those it has) and
/// `text`, the sentence an alert says.
public struct EventRecord: Encodable, Equatable, Sendable {
    public var event: AccountEvent

    public init(_ event: AccountEvent) {
        self.event = event
    }

    private enum Keys: String, CodingKey { case text }

    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event.sentence, forKey: .text)
    }

    /// Events newest first: a table in the local time zone, or a JSON array.
    public static func render(_ events: [AccountEvent], _ format: OutputFormat, timeZone: TimeZone) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(events.map(EventRecord.init))
        case .table:
            guard !events.isEmpty else { return "No events recorded.\n" }
            return TextTable(
                headers: ["TIME", "EVENT", "INSTANCE", "CHANGE", "DETAIL"],
                rows: events.map { event in
                    [Formatting.localTime(event.at, in: timeZone), event.kind.label, event.instanceName ?? event.instanceId ?? "-",
                     event.change, event.detail ?? ""]
                }).render()
        }
    }

    /// One line of `watch`: the time and the sentence, or one JSON object.
    public static func line(_ event: AccountEvent, json: Bool, timeZone: TimeZone) throws -> String {
        json ? try JSONOutput.encodeLine(EventRecord(event)) : "\(Formatting.localTime(event.at, in: timeZone))  \(event.sentence)"
    }
}

/// What `sesterce-dash timer list` prints of a stop timer.
public struct StopTimerRecord: Encodable, Equatable, Sendable {
    public var instanceId: String
    public var instanceName: String
    public var dueAt: Date
    public var secondsLeft: Int

    public init(_ timer: StopTimer, now: Date) {
        instanceId = timer.instanceId
        instanceName = timer.instanceName
        dueAt = timer.dueAt
        secondsLeft = max(0, Int(timer.dueAt.timeIntervalSince(now).rounded(.up)))
    }

    public static func render(_ timers: [StopTimer], _ format: OutputFormat, now: Date, timeZone: TimeZone) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(timers.map { StopTimerRecord($0, now: now) })
        case .table:
            guard !timers.isEmpty else { return "No stop timers.\n" }
            return TextTable(
                headers: ["NAME", "ID", "STOPS AT", "LEFT"],
                rows: timers.map { timer in
                    [timer.instanceName, timer.instanceId, Formatting.localTime(timer.dueAt, in: timeZone),
                     Formatting.countdown(timer.dueAt.timeIntervalSince(now))]
                }).render()
        }
    }
}
