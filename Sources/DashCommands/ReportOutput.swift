import ArgumentParser
import DashboardCore
import Foundation
import Ledger

/// `report --output`: a table for people, JSON or CSV for programs.
public enum ReportFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case table, json, csv
}

/// What `sesterce-dash report` prints: each instance's spend over the range,
/// most first. Money in dollars; `spend` is observed plus estimated.
public struct ReportRecord: Encodable, Equatable, Sendable {
    public struct InstanceLine: Encodable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var status: String
        public var billedSeconds: Int64
        public var observedSpend: Double
        public var estimatedSpend: Double
        public var spend: Double
    }

    public var since: Date
    public var until: Date
    public var currencyCode: String
    public var instances: [InstanceLine]
    public var totalSpend: Double

    public init(_ report: SpendReport) {
        since = report.since
        until = report.until
        currencyCode = "USD"
        instances = report.lines.map {
            InstanceLine(
                id: $0.id, name: $0.name, status: $0.status, billedSeconds: $0.billedSeconds,
                observedSpend: Self.cents($0.observedSpend), estimatedSpend: Self.cents($0.estimatedSpend), spend: Self.cents($0.spend))
        }
        totalSpend = Self.cents(report.totalSpend)
    }

    /// Dollars to the cent: sums of many small amounts carry float noise.
    static func cents(_ dollars: Double) -> Double { (dollars * 100).rounded() / 100 }

    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .csv: return csv
        case .table: return table
        }
    }

    private var table: String {
        let rows = instances.map { line in
            [line.name, line.status, Self.hours(line.billedSeconds), Formatting.money(line.observedSpend),
             Formatting.money(line.estimatedSpend), Formatting.money(line.spend), line.id]
        }
        let text = TextTable(headers: ["NAME", "STATUS", "BILLED", "OBSERVED", "ESTIMATED", "SPEND", "ID"], rows: rows,
                             rightAligned: [2, 3, 4, 5]).render()
        let range = "\(Self.day(since)) to \(Self.day(until.addingTimeInterval(-1))) (UTC)"
        return text + "\(instances.count) instances, \(range): \(Formatting.money(totalSpend))\n"
    }

    private var csv: String {
        var lines = ["id,name,status,billedSeconds,observedSpend,estimatedSpend,spend"]
        for line in instances {
            lines.append([Self.field(line.id), Self.field(line.name), Self.field(line.status), String(line.billedSeconds),
                          String(line.observedSpend), String(line.estimatedSpend), String(line.spend)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `12.5 h`.
    private static func hours(_ seconds: Int64) -> String {
        String(format: "%.1f h", Double(seconds) / 3600)
    }

    private static func day(_ date: Date) -> String {
        String(Formatting.timestamp(date).prefix(10))
    }
}

/// The range of a report: `--since` and `--until` as UTC dates (the until
/// day included), by default the calendar month of `now`.
public enum ReportRange {
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func resolve(since: String?, until: String?, now: Date) throws(Invalid) -> (since: Date, until: Date) {
        let start = try since.map { text throws(Invalid) in try day(text, "--since") } ?? Ledger.monthStart(of: now)
        let end = try until.map { text throws(Invalid) in try day(text, "--until").addingTimeInterval(86_400) }
            ?? UTC.calendar.date(byAdding: .month, value: 1, to: Ledger.monthStart(of: now))!
        guard end > start else { throw Invalid(description: "--until is before --since.") }
        return (start, end)
    }

    private static func day(_ text: String, _ flag: String) throws(Invalid) -> Date {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              let date = UTC.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              UTC.calendar.component(.day, from: date) == day
        else { throw Invalid(description: "\(flag) expects a date as YYYY-MM-DD (UTC), got \"\(text)\".") }
        return date
    }

    private enum UTC {
        static let calendar: Calendar = {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar
        }()
    }
}
