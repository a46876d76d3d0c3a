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
    struct Head: Equatable, Sendable {
        var rowId: Int64
        var intervalId: Int64
        var intervalStart: Int64
        /// Until when it was seen; nil while that is the account's `seenAt`.
        var seenAt: Int64?
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

        var billed: Bool { Billing(InstanceStatus(rawValue: status)) == .billed }
    }

    /// The heads of an account by instance id, as of a `revision` of its row.
    struct Heads: Sendable {
        var revision: Int64
        var byId: [String: Head]
    }

    /// The SQL of when an instance was last seen: its own `seenAt`, or the
    /// account's when it follows the account's last poll.
    static let lastSeen = "COALESCE(instance.seenAt, (SELECT seenAt FROM account WHERE account.id = instance.accountId))"

    /// Extends what the poll at `time` saw, in one transaction. The time since
    /// an instance was last seen belongs to what it was doing then; if that is
    /// longer than `maxGap` seconds, nothing was watching: the time is a gap,
    /// billed only as an estimate, and only if the instance had the same
    /// status, price and `updatedAt` at both ends.
    ///
    /// What changed since the last record (status, ready pods and errors from
    /// `readiness`, instances come and gone) is returned and kept as events;
    /// the first record of an account is a baseline, with none.
    ///
    /// Only what changed is written: an instance seen unchanged follows the
    /// account's `seenAt`, and the rows are remembered between polls for as
    /// long as no other process (or retention) changed them.
    @discardableResult
    public func record(
        _ instances: [Instance], readiness: [String: InstanceReadiness] = [:], at time: Date, maxGap: Double
    ) throws(LedgerError) -> Recorded {
        try pruneIfDue(now: time)
        return try write { db in
            let account = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT seenAt, revision FROM account WHERE id = ?"), arguments: [accountId])!
            var poll = PollRecord(
                now: Self.seconds(time), time: time, watermark: account[0], gapLimit: Int64(maxGap.rounded(.up)),
                heads: try heads(revision: account[1], db), ledger: self, db: db)
            try poll.record(instances, readiness: readiness)
            let revision = try bumpRevision(db, seenAt: poll.newWatermark)
            heads.withLock { $0 = Heads(revision: revision, byId: poll.heads) }
            return poll.recorded
        }
    }

    /// The account's heads: those remembered if the file is still at their
    /// revision, else read again. The remembered ones are taken, not
    /// copied: the poll then changes its own dictionary in place, where a
    /// second reference would copy all 10,000 heads at the first change
    /// (and a write that fails leaves none remembered, so the next reads).
    private func heads(revision: Int64, _ db: Database) throws -> [String: Head] {
        let remembered = heads.withLock { remembered in
            defer { remembered = nil }
            return remembered
        }
        if let remembered, remembered.revision == revision { return remembered.byId }
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
        return heads
    }

    /// Marks the account's instance rows changed (a new random revision, so
    /// that no two writes, even rolled back ones, share one), and moves its
    /// last poll to `seenAt` if given. Returns the revision.
    @discardableResult
    func bumpRevision(_ db: Database, seenAt: Int64? = nil) throws -> Int64 {
        let revision = Int64.random(in: 1...Int64.max)
        try db.cachedStatement(sql: "UPDATE account SET revision = ?, seenAt = COALESCE(?, seenAt) WHERE id = ?")
            .execute(arguments: [revision, seenAt, accountId])
        return revision
    }
}

/// One poll being written: the heads it started from, and what it changed.
private struct PollRecord {
    let now: Int64
    let time: Date
    /// When the account's last poll was, which instances with no `seenAt` of
    /// their own were seen at; nil before the first.
    let watermark: Int64?
    let gapLimit: Int64
    var heads: [String: Ledger.Head]
    let ledger: Ledger
    let db: Database
    var recorded = Ledger.Recorded()
    private var spend = SpendAccumulator()
    /// Observations of the instances that changed, before and after, for events.
    private var before: [String: InstanceObservation] = [:]
    private var after: [String: InstanceObservation] = [:]

    init(now: Int64, time: Date, watermark: Int64?, gapLimit: Int64, heads: [String: Ledger.Head], ledger: Ledger, db: Database) {
        (self.now, self.time, self.watermark, self.gapLimit, self.heads, self.ledger, self.db) =
            (now, time, watermark, gapLimit, heads, ledger, db)
    }

    /// The account's last poll after this one (a poll older than the last
    /// one recorded, by another process, leaves it where it is).
    var newWatermark: Int64 { max(watermark ?? now, now) }

    mutating func record(_ instances: [Instance], readiness: [String: InstanceReadiness]) throws {
        let baseline = heads.isEmpty
        var listed = Set<String>(minimumCapacity: instances.count)
        for instance in instances where listed.insert(instance.id).inserted {
            try record(instance, readiness: readiness[instance.id])
        }
        // Every listed id has a head by now: as many heads as ids listed
        // means none left (most polls), and nothing to look through.
        if heads.count > listed.count {
            for (id, head) in heads.filter({ !listed.contains($0.key) }) {
                try leave(id, head)
            }
        }
        let events = InstanceEvents.between(baseline ? nil : before, after, at: time)
        try ledger.insert(events, db)
        recorded.events = events
        try spend.save(account: ledger.accountId, db)
    }

    /// One listed instance: its interval extended, or closed and another begun.
    private mutating func record(_ instance: Instance, readiness fresh: InstanceReadiness?) throws {
        let updatedAt = instance.updatedAt?.timeIntervalSince1970
        guard let old = heads[instance.id] else {
            var head = try insertRow(instance, updatedAt: updatedAt)
            if let fresh { apply(fresh, to: &head) }
            try save(head, id: instance.id)
            after[instance.id] = observation(instance, head)
            recorded.begun += 1
            return
        }
        let seen = old.seenAt ?? watermark ?? now
        guard now > seen else {
            recorded.alreadyRecorded += 1
            return
        }
        var head = old
        head.present = true
        if let fresh, Ledger.seconds(fresh.at) > old.readyAt ?? .min { apply(fresh, to: &head) }
        let same = old.name == instance.name && old.status == instance.status.rawValue && old.hourlyPrice == instance.hourlyPrice
        if now - seen > gapLimit {
            try close(old, at: seen)
            if same, old.updatedAt == updatedAt, old.billed {
                spend.add(instance: old.rowId, from: seen, to: now, price: old.hourlyPrice, estimated: true)
                recorded.estimatedGaps += 1
            }
            try begin(instance, updatedAt: updatedAt, &head)
            recorded.begun += 1
        } else if same {
            if old.billed { spend.addToAccount(from: seen, to: now, price: old.hourlyPrice, estimated: false) }
            head.updatedAt = updatedAt
            recorded.extended += 1
        } else {
            if old.billed { spend.addToAccount(from: seen, to: now, price: old.hourlyPrice, estimated: false) }
            try close(old, at: now)
            try begin(instance, updatedAt: updatedAt, &head)
            recorded.begun += 1
        }
        head.seenAt = now == newWatermark ? nil : now
        guard head != old else { return }
        try save(head, id: instance.id)
        let was = old.present ? old.observation(id: instance.id) : nil, seenNow = observation(instance, head)
        if was != seenNow { (before[instance.id], after[instance.id]) = (was, seenNow) }
    }

    /// An instance this poll did not list: gone (once), and no longer seen
    /// at the account's last poll if that moves on.
    private mutating func leave(_ id: String, _ old: Ledger.Head) throws {
        var head = old
        let seen = old.seenAt ?? watermark ?? now
        if old.present, seen < now {
            head.present = false
            before[id] = old.observation(id: id)
        }
        if old.seenAt == nil, newWatermark != watermark { head.seenAt = seen }
        if head != old { try save(head, id: id) }
    }

    private func observation(_ instance: Instance, _ head: Ledger.Head) -> InstanceObservation {
        var seen = InstanceObservation(instance, detail: nil)
        (seen.ready, seen.errorMessage) = (head.ready, head.errorMessage)
        return seen
    }

    private func apply(_ fresh: InstanceReadiness, to head: inout Ledger.Head) {
        (head.ready, head.errorMessage, head.readyAt) = (fresh.ready, fresh.errorMessage, Ledger.seconds(fresh.at))
    }

    /// Ends an instance's open interval at `end` and rolls its billed time
    /// into the per-day spend. The interval's end is written only for a gap:
    /// one followed at once by the next (most of them: 7 million a month at
    /// 10,000 instances changing hourly) ends where that one starts.
    private mutating func close(_ head: Ledger.Head, at end: Int64) throws {
        if end != now {
            try db.cachedStatement(sql: #"UPDATE interval SET "end" = ? WHERE id = ?"#).execute(arguments: [end, head.intervalId])
        }
        if head.billed {
            spend.addToDays(instance: head.rowId, from: head.intervalStart, to: end, price: head.hourlyPrice, estimated: false)
        }
    }

    /// Opens a new interval now for what the poll saw.
    private func begin(_ instance: Instance, updatedAt: Double?, _ head: inout Ledger.Head) throws {
        let stateId = try ledger.stateId(
            Ledger.StateKey(name: instance.name, status: instance.status.rawValue, hourlyPrice: instance.hourlyPrice), db)
        try db.cachedStatement(sql: "INSERT INTO interval (instanceId, stateId, start) VALUES (?, ?, ?)")
            .execute(arguments: [head.rowId, stateId, now])
        (head.intervalId, head.intervalStart) = (db.lastInsertedRowID, now)
        (head.name, head.status, head.hourlyPrice, head.updatedAt) =
            (instance.name, instance.status.rawValue, instance.hourlyPrice, updatedAt)
    }

    /// The row of an instance seen for the first time, with its first interval.
    private mutating func insertRow(_ instance: Instance, updatedAt: Double?) throws -> Ledger.Head {
        try db.cachedStatement(sql: """
            INSERT INTO instance (accountId, apiId, intervalId, intervalStart, name, status, hourlyPrice)
            VALUES (?, ?, 0, ?, '', '', 0)
            """).execute(arguments: [ledger.accountId, instance.id, now])
        var head = Ledger.Head(
            rowId: db.lastInsertedRowID, intervalId: 0, intervalStart: now, seenAt: now == newWatermark ? nil : now,
            name: "", status: "", hourlyPrice: 0, updatedAt: nil, ready: nil, readyAt: nil, errorMessage: nil, present: true)
        try begin(instance, updatedAt: updatedAt, &head)
        return head
    }

    /// Writes the head of instance `id` to its row, and remembers it.
    private mutating func save(_ head: Ledger.Head, id: String) throws {
        try db.cachedStatement(sql: """
            UPDATE instance SET intervalId = ?, intervalStart = ?, seenAt = ?, name = ?, status = ?, hourlyPrice = ?,
                updatedAt = ?, ready = ?, total = ?, readyAt = ?, errorMessage = ?, present = ?
            WHERE id = ?
            """).execute(arguments: [
                head.intervalId, head.intervalStart, head.seenAt, head.name, head.status, head.hourlyPrice, head.updatedAt,
                head.ready?.ready, head.ready?.total, head.readyAt, head.errorMessage, head.present, head.rowId,
            ])
        heads[id] = head
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
