import Foundation
import GRDB
import SesterceModels

/// The spend of each instance over whole UTC days: what `sesterce-dash
/// report` prints.
public struct SpendReport: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var id: String
        public var name: String
        /// The status it was last seen in.
        public var status: String
        /// Seconds it was billed, observed and estimated.
        public var billedSeconds: Int64
        public var observedSpend: Double
        public var estimatedSpend: Double
        public var spend: Double { observedSpend + estimatedSpend }
    }

    public var since: Date
    public var until: Date
    /// Most spent first (then by name).
    public var lines: [Line]
    public var totalSpend: Double { lines.reduce(0) { $0 + $1.spend } }
}

extension Ledger {
    /// One instance's spend per UTC day within a range.
    private struct Daily {
        var seconds: Int64 = 0
        var observed = 0.0
        var estimated = 0.0
    }

    /// Spend from `since` to `until`, both at 00:00 UTC (a time within a day
    /// counts from that day's start). Instances never billed in the range are
    /// left out.
    public func report(since: Date, until: Date) throws(LedgerError) -> SpendReport {
        let firstDay = TimeBuckets.floorDiv(Self.seconds(since), TimeBuckets.day)
        let endDay = TimeBuckets.floorDiv(Self.seconds(until), TimeBuckets.day)
        let (perDay, names) = try read { db in (try spendByDay(from: firstDay, to: endDay, db), try instanceNames(db)) }
        var totals: [Int64: Daily] = [:]
        for (key, amount) in perDay {
            totals[key.instance, default: Daily()].seconds += amount.seconds
            totals[key.instance, default: Daily()].observed += amount.observed
            totals[key.instance, default: Daily()].estimated += amount.estimated
        }
        let lines = totals.compactMap { rowId, amount -> SpendReport.Line? in
            guard let instance = names[rowId], amount.seconds > 0 || amount.observed + amount.estimated > 0 else { return nil }
            return SpendReport.Line(
                id: instance.apiId, name: instance.name, status: instance.status, billedSeconds: amount.seconds,
                observedSpend: amount.observed, estimatedSpend: amount.estimated)
        }
        return SpendReport(
            since: Date(timeIntervalSince1970: Double(firstDay * TimeBuckets.day)),
            until: Date(timeIntervalSince1970: Double(endDay * TimeBuckets.day)),
            lines: lines.sorted { ($0.spend, $1.name) > ($1.spend, $0.name) })
    }

    struct InstanceName {
        var apiId: String
        var name: String
        var status: String
    }

    private func instanceNames(_ db: Database) throws -> [Int64: InstanceName] {
        var names: [Int64: InstanceName] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, apiId, name, status FROM instance WHERE accountId = ?", arguments: [accountId])
        while let row = try rows.next() { names[row[0]] = InstanceName(apiId: row[1], name: row[2], status: row[3]) }
        return names
    }

    /// Each instance's spend per day in [firstDay, endDay): the closed
    /// intervals' roll-up, plus the billed open intervals cut into days.
    private func spendByDay(from firstDay: Int64, to endDay: Int64, _ db: Database) throws -> [SpendAccumulator.DayKey: Daily] {
        var result: [SpendAccumulator.DayKey: Daily] = [:]
        let rolled = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT day, instanceId, billedSeconds, observed, estimated FROM spendDay
                WHERE accountId = ? AND day >= ? AND day < ?
                """),
            arguments: [accountId, firstDay, endDay])
        while let row = try rolled.next() {
            result[SpendAccumulator.DayKey(day: row[0], instance: row[1])] = Daily(seconds: row[2], observed: row[3], estimated: row[4])
        }
        let open = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT id, intervalStart, \(Self.lastSeen) AS lastSeen, status, hourlyPrice FROM instance
                WHERE accountId = ? AND lastSeen > ?
                """),
            arguments: [accountId, firstDay * TimeBuckets.day])
        let (lower, upper) = (firstDay * TimeBuckets.day, endDay * TimeBuckets.day)
        while let row = try open.next() {
            let status: String = row[3]
            guard Billing(InstanceStatus(rawValue: status)) == .billed else { continue }
            let price: Double = row[4]
            let from = max(lower, row[1] as Int64), to = min(upper, row[2] as Int64)
            for (day, seconds) in TimeBuckets.split(from: from, to: to, size: TimeBuckets.day) {
                let key = SpendAccumulator.DayKey(day: day, instance: row[0])
                result[key, default: Daily()].seconds += seconds
                result[key, default: Daily()].observed += price * Double(seconds) / 3600
            }
        }
        return result
    }

    /// The account's spend as the Cost pane shows it at `time`: burn rate per
    /// window, today, this month, and (with `instances`) the `top` instances
    /// of the month with their daily spend.
    public func history(at time: Date, instances top: Int) throws(LedgerError) -> CostHistory {
        let now = Self.seconds(time)
        let today = TimeBuckets.floorDiv(now, TimeBuckets.day)
        let monthStart = Self.seconds(Self.monthStart(of: time))
        let longest = CostWindow.allCases.map(\.seconds).max()!
        let from = min(now - Int64(longest), monthStart)
        return try read { db in
            var minutes: [(minute: Int64, observed: Double, estimated: Double)] = []
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT minute, observed, estimated FROM spendMinute WHERE accountId = ? AND minute >= ?"),
                arguments: [accountId, TimeBuckets.floorDiv(from, TimeBuckets.minute)])
            while let row = try rows.next() { minutes.append((row[0], row[1], row[2])) }
            var burn: [CostWindow: [Double]] = [:]
            for window in CostWindow.allCases { burn[window] = Self.burn(minutes, window: window, now: now) }
            func spend(since start: Int64) -> CostHistory.Spend {
                let first = TimeBuckets.floorDiv(start, TimeBuckets.minute)
                return minutes.filter { $0.minute >= first }.reduce(into: CostHistory.Spend()) {
                    $0.observed += $1.observed
                    $0.estimated += $1.estimated
                }
            }
            let topInstances = top > 0 ? try topSpenders(top, monthStart: monthStart, today: today, db) : []
            return CostHistory(
                at: time, burn: burn, today: spend(since: today * TimeBuckets.day), month: spend(since: monthStart),
                topInstances: topInstances)
        }
    }

    /// Average $/h of each bucket of `window`. Buckets follow the clock (a
    /// minute, a quarter hour, an hour, four hours, UTC), the last one holding
    /// `now`: its spend is divided by the part of it that has passed, so the
    /// bar of the current minute is not a fraction of the real rate.
    static func burn(_ minutes: [(minute: Int64, observed: Double, estimated: Double)], window: CostWindow, now: Int64) -> [Double] {
        let size = Int64(window.bucketSeconds)
        let last = TimeBuckets.floorDiv(now - 1, size)
        let first = last - Int64(window.buckets) + 1
        var dollars = [Double](repeating: 0, count: window.buckets)
        for entry in minutes {
            let bucket = TimeBuckets.floorDiv(entry.minute * TimeBuckets.minute, size) - first
            guard bucket >= 0, bucket < window.buckets else { continue }
            dollars[Int(bucket)] += entry.observed + entry.estimated
        }
        let passed = Double(now - last * size)
        return dollars.indices.map { index in
            dollars[index] * 3600 / (index == window.buckets - 1 ? passed : Double(size))
        }
    }

    private func topSpenders(_ count: Int, monthStart: Int64, today: Int64, _ db: Database) throws -> [CostHistory.InstanceSpend] {
        let firstDay = TimeBuckets.floorDiv(monthStart, TimeBuckets.day)
        let perDay = try spendByDay(from: firstDay, to: today + 1, db)
        var totals: [Int64: CostHistory.Spend] = [:]
        var daily: [Int64: [Double]] = [:]
        let days = Int(today - firstDay + 1)
        for (key, amount) in perDay {
            totals[key.instance, default: .init()].observed += amount.observed
            totals[key.instance, default: .init()].estimated += amount.estimated
            daily[key.instance, default: Array(repeating: 0, count: days)][Int(key.day - firstDay)] += amount.observed + amount.estimated
        }
        let names = try instanceNames(db)
        return totals.filter { $0.value.total > 0 }
            .sorted { ($0.value.total, $1.key) > ($1.value.total, $0.key) }
            .prefix(count)
            .compactMap { rowId, spend in
                names[rowId].map {
                    CostHistory.InstanceSpend(id: $0.apiId, name: $0.name, status: $0.status, month: spend, daily: daily[rowId] ?? [])
                }
            }
    }

    /// 00:00 UTC on the 1st of `time`'s month.
    public static func monthStart(of time: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: calendar.dateComponents([.year, .month], from: time))!
    }
}
