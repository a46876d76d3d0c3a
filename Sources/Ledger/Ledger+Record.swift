import Foundation
import GRDB
import SesterceModels

extension Ledger {
    /// What one poll changed in the ledger.
    public struct Recorded: Equatable, Sendable {
        /// Instances whose open interval was extended to the poll.
        public var extended = 0
        /// Intervals begun (new instance, changed state, or after a gap).
        public var begun = 0
        /// Instances skipped: their time up to the poll was already recorded
        /// (by another process watching the same account).
        public var alreadyRecorded = 0
        /// Gaps closed with an estimate (same status, price and updatedAt at both ends).
        public var estimatedGaps = 0
        /// What changed since the account was last recorded, by this process
        /// or another: kept as events in the same transaction, so that two
        /// processes watching one account never report a change twice.
        public var events: [AccountEvent] = []
    }

    /// What an instance was last seen doing, from its `instance` row.
    private struct Head {
        var rowId: Int64
        var intervalId: Int64
        var intervalStart: Int64
        var seenAt: Int64
        var name: String
        var status: String
        var hourlyPrice: Double
        var updatedAt: Double?
        var ready: ReadyPods?
        var readyAt: Int64?
        var errorMessage: String?
        var present: Bool

        func observation(id: String) -> InstanceObservation {
            InstanceObservation(
                id: id, name: name, status: status, hourlyPrice: hourlyPrice, ready: ready, errorMessage: errorMessage)
        }
    }

    /// Extends what the poll at `time` saw, in one transaction. The time since
    /// an instance was last seen belongs to what it was doing then; if that is
    /// longer than `maxGap` seconds, nothing was watching: the time is a gap,
    /// billed only as an estimate, and only if the instance had the same
    /// status, price and `updatedAt` at both ends.
    ///
    /// What changed since the last record (status, ready pods and errors from
    /// `readiness`, instances come and gone) is returned and kept as events;
    /// the first record of an account is a baseline, with none.
    @discardableResult
    public func record(
        _ instances: [Instance], readiness: [String: InstanceReadiness] = [:], at time: Date, maxGap: Double
    ) throws(LedgerError) -> Recorded {
        try pruneIfDue(now: time)
        let now = Self.seconds(time)
        let gapLimit = Int64(maxGap.rounded(.up))
        return try write { db in
            var heads: [String: Head] = [:]
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT id, apiId, intervalId, intervalStart, seenAt, name, status, hourlyPrice, updatedAt,
                        ready, total, readyAt, errorMessage, present
                    FROM instance WHERE accountId = ?
                    """),
                arguments: [accountId])
            while let row = try rows.next() {
                let ready: Int? = row[9], total: Int? = row[10]
                heads[row[1]] = Head(
                    rowId: row[0], intervalId: row[2], intervalStart: row[3], seenAt: row[4], name: row[5],
                    status: row[6], hourlyPrice: row[7], updatedAt: row[8],
                    ready: ready.flatMap { ready in total.map { ReadyPods(ready: ready, total: $0) } },
                    readyAt: row[11], errorMessage: row[12], present: row[13])
            }
            var recorded = Recorded()
            recorded.events = try recordEvents(instances, readiness: readiness, heads: heads, at: now, time: time, db)
            var extended: [Int64] = []
            var spend = SpendAccumulator()
            var seen = Set<String>()
            for instance in instances where seen.insert(instance.id).inserted {
                let updatedAt = instance.updatedAt?.timeIntervalSince1970
                guard let head = heads[instance.id] else {
                    try begin(instance, updatedAt: updatedAt, at: now, replacing: nil, db)
                    if let fresh = readiness[instance.id] {
                        try db.cachedStatement(sql: "UPDATE instance SET ready = ?, total = ?, readyAt = ?, errorMessage = ? WHERE id = ?")
                            .execute(arguments: [
                                fresh.ready.ready, fresh.ready.total, Self.seconds(fresh.at), fresh.errorMessage, db.lastInsertedRowID,
                            ])
                    }
                    recorded.begun += 1
                    continue
                }
                guard now > head.seenAt else {
                    recorded.alreadyRecorded += 1
                    continue
                }
                let same = head.name == instance.name && head.status == instance.status.rawValue
                    && head.hourlyPrice == instance.hourlyPrice
                let billed = Billing(InstanceStatus(rawValue: head.status)) == .billed
                if now - head.seenAt > gapLimit {
                    try close(head, at: head.seenAt, db, &spend)
                    if same, head.updatedAt == updatedAt, billed {
                        spend.add(instance: head.rowId, from: head.seenAt, to: now, price: head.hourlyPrice, estimated: true)
                        recorded.estimatedGaps += 1
                    }
                    try begin(instance, updatedAt: updatedAt, at: now, replacing: head.rowId, db)
                    recorded.begun += 1
                } else if same {
                    if billed { spend.addToAccount(from: head.seenAt, to: now, price: head.hourlyPrice, estimated: false) }
                    if head.updatedAt == updatedAt {
                        extended.append(head.rowId)
                    } else {
                        try db.cachedStatement(sql: "UPDATE instance SET seenAt = ?, updatedAt = ? WHERE id = ?")
                            .execute(arguments: [now, updatedAt, head.rowId])
                    }
                    recorded.extended += 1
                } else {
                    if billed { spend.addToAccount(from: head.seenAt, to: now, price: head.hourlyPrice, estimated: false) }
                    try close(head, at: now, db, &spend)
                    try begin(instance, updatedAt: updatedAt, at: now, replacing: head.rowId, db)
                    recorded.begun += 1
                }
            }
            if !extended.isEmpty {
                try db.cachedStatement(sql: "UPDATE instance SET seenAt = ? WHERE id IN (SELECT value FROM json_each(?))")
                    .execute(arguments: [now, "[" + extended.map(String.init).joined(separator: ",") + "]"])
            }
            try spend.save(account: accountId, db)
            return recorded
        }
    }

    /// Finds and keeps what changed since the heads were recorded, and
    /// updates the heads' ready pods, errors and presence. An instance whose
    /// time up to `now` is already recorded (another process polled later)
    /// is left as it is: this poll's view of it is older.
    private func recordEvents(
        _ instances: [Instance], readiness: [String: InstanceReadiness], heads: [String: Head], at now: Int64, time: Date, _ db: Database
    ) throws -> [AccountEvent] {
        var before: [String: InstanceObservation] = [:]
        for (id, head) in heads where head.present { before[id] = head.observation(id: id) }
        var after = before
        var listed = Set<String>()
        let setReadiness = try db.cachedStatement(
            sql: "UPDATE instance SET ready = ?, total = ?, readyAt = ?, errorMessage = ?, present = 1 WHERE id = ?")
        for instance in instances where listed.insert(instance.id).inserted {
            let head = heads[instance.id]
            if let head, now <= head.seenAt { continue }
            var seen = InstanceObservation(instance, detail: nil)
            (seen.ready, seen.errorMessage) = (head?.ready, head?.errorMessage)
            if let fresh = readiness[instance.id], head.map({ Self.seconds(fresh.at) > $0.readyAt ?? .min }) ?? true {
                (seen.ready, seen.errorMessage) = (fresh.ready, fresh.errorMessage)
                if let head {
                    try setReadiness.execute(arguments: [
                        fresh.ready.ready, fresh.ready.total, Self.seconds(fresh.at), fresh.errorMessage, head.rowId,
                    ])
                }
            } else if let head, !head.present {
                try db.cachedStatement(sql: "UPDATE instance SET present = 1 WHERE id = ?").execute(arguments: [head.rowId])
            }
            after[instance.id] = seen
        }
        for (id, head) in heads where head.present && !listed.contains(id) && head.seenAt < now {
            after[id] = nil
            try db.cachedStatement(sql: "UPDATE instance SET present = 0 WHERE id = ?").execute(arguments: [head.rowId])
        }
        let events = InstanceEvents.between(heads.isEmpty ? nil : before, after, at: time)
        try insert(events, db)
        return events
    }

    /// Ends an instance's open interval at `end` and rolls its billed time
    /// into the per-day spend.
    private func close(_ head: Head, at end: Int64, _ db: Database, _ spend: inout SpendAccumulator) throws {
        try db.cachedStatement(sql: #"UPDATE interval SET "end" = ? WHERE id = ?"#).execute(arguments: [end, head.intervalId])
        if Billing(InstanceStatus(rawValue: head.status)) == .billed {
            spend.addToDays(instance: head.rowId, from: head.intervalStart, to: end, price: head.hourlyPrice, estimated: false)
        }
    }

    /// Opens a new interval at `start` for what the poll saw, making the
    /// instance's row if it has none.
    private func begin(_ instance: Instance, updatedAt: Double?, at start: Int64, replacing rowId: Int64?, _ db: Database) throws {
        let stateId = try stateId(
            StateKey(name: instance.name, status: instance.status.rawValue, hourlyPrice: instance.hourlyPrice), db)
        var instanceRow = rowId ?? 0
        if rowId == nil {
            try db.cachedStatement(sql: """
                INSERT INTO instance (accountId, apiId, intervalId, intervalStart, seenAt, name, status, hourlyPrice, updatedAt)
                VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    accountId, instance.id, start, start, instance.name, instance.status.rawValue, instance.hourlyPrice, updatedAt,
                ])
            instanceRow = db.lastInsertedRowID
        }
        try db.cachedStatement(sql: "INSERT INTO interval (instanceId, stateId, start) VALUES (?, ?, ?)")
            .execute(arguments: [instanceRow, stateId, start])
        let intervalId = db.lastInsertedRowID
        try db.cachedStatement(sql: """
            UPDATE instance SET intervalId = ?, intervalStart = ?, seenAt = ?, name = ?, status = ?, hourlyPrice = ?, updatedAt = ?
            WHERE id = ?
            """).execute(arguments: [
                intervalId, start, start, instance.name, instance.status.rawValue, instance.hourlyPrice, updatedAt, instanceRow,
            ])
    }
}

/// Spend found during one write, summed before it is saved: per minute for
/// the account (each poll), per day and instance (closed intervals, gaps).
struct SpendAccumulator {
    struct DayKey: Hashable {
        var day: Int64
        var instance: Int64
    }

    struct Amount {
        var seconds: Int64 = 0
        var observed = 0.0
        var estimated = 0.0
    }

    private struct Span: Hashable {
        var from: Int64
        var to: Int64
        var estimated: Bool
    }

    /// $/h per span: instances seen at the same times share one.
    private var spans: [Span: Double] = [:]
    private var days: [DayKey: Amount] = [:]

    /// Time of the instance counted now: in the account's minutes, and in its days.
    mutating func add(instance: Int64, from: Int64, to: Int64, price: Double, estimated: Bool) {
        addToAccount(from: from, to: to, price: price, estimated: estimated)
        addToDays(instance: instance, from: from, to: to, price: price, estimated: estimated)
    }

    mutating func addToAccount(from: Int64, to: Int64, price: Double, estimated: Bool) {
        guard to > from else { return }
        spans[Span(from: from, to: to, estimated: estimated), default: 0] += price
    }

    mutating func addToDays(instance: Int64, from: Int64, to: Int64, price: Double, estimated: Bool) {
        for (day, seconds) in TimeBuckets.split(from: from, to: to, size: TimeBuckets.day) {
            let dollars = price * Double(seconds) / 3600
            days[DayKey(day: day, instance: instance), default: Amount()].seconds += seconds
            if estimated {
                days[DayKey(day: day, instance: instance), default: Amount()].estimated += dollars
            } else {
                days[DayKey(day: day, instance: instance), default: Amount()].observed += dollars
            }
        }
    }

    func save(account: Int64, _ db: Database) throws {
        var minutes: [Int64: (observed: Double, estimated: Double)] = [:]
        for (span, price) in spans {
            for (minute, seconds) in TimeBuckets.split(from: span.from, to: span.to, size: TimeBuckets.minute) {
                let dollars = price * Double(seconds) / 3600
                if span.estimated {
                    minutes[minute, default: (0, 0)].estimated += dollars
                } else {
                    minutes[minute, default: (0, 0)].observed += dollars
                }
            }
        }
        let minute = try db.cachedStatement(sql: """
            INSERT INTO spendMinute (accountId, minute, observed, estimated) VALUES (?, ?, ?, ?)
            ON CONFLICT (accountId, minute) DO UPDATE SET
                observed = observed + excluded.observed, estimated = estimated + excluded.estimated
            """)
        for (key, amount) in minutes {
            try minute.execute(arguments: [account, key, amount.observed, amount.estimated])
        }
        let day = try db.cachedStatement(sql: """
            INSERT INTO spendDay (accountId, day, instanceId, billedSeconds, observed, estimated) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (accountId, day, instanceId) DO UPDATE SET
                billedSeconds = billedSeconds + excluded.billedSeconds,
                observed = observed + excluded.observed, estimated = estimated + excluded.estimated
            """)
        for (key, amount) in days {
            try day.execute(arguments: [account, key.day, key.instance, amount.seconds, amount.observed, amount.estimated])
        }
    }
}
