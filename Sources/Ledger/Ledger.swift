import Foundation
import GRDB
import SesterceModels
import Synchronization

/// The cost ledger of one account in the shared SQLite file: what each poll
/// saw, kept as intervals, and the spend rolled up from them.
///
/// WAL mode with a busy timeout, and every write in one IMMEDIATE
/// transaction: two processes watching the same account take turns instead
/// of failing with "database is locked", and each claims only the time after
/// what is already recorded, so the same time is never counted twice.
public final class Ledger: Sendable {
    public let path: String
    public let account: AccountKey
    public let retentionDays: Int
    let pool: DatabasePool
    let accountId: Int64
    /// Ids of `state` rows (name, status, price), which are never deleted.
    private let stateIds = Mutex<[StateKey: Int64]>([:])
    /// The UTC day retention last ran, so that it runs once a day.
    private let prunedDay = Mutex<Int64?>(nil)
    /// Events of the account kept at most, the newest (about: see `eventsAdded`).
    let eventsKept: Int
    /// Events this process added since it last cut them to `eventsKept`: at a
    /// tenth of the cap more, they are cut again, so that an account where
    /// everything changes at once (240,000 events a day at 10,000 instances
    /// changing hourly) does not grow the file to a day's worth before the
    /// daily retention.
    let eventsAdded = Mutex(0)
    /// The account's instance rows as this process last wrote or read them,
    /// valid while the account's `revision` is the one they carry.
    let heads = Mutex<Heads?>(nil)

    struct StateKey: Hashable {
        var name: String
        var status: String
        var hourlyPrice: Double
    }

    /// A ledger opened, and what the person should be told once about it
    /// (a corrupt file moved aside).
    public struct Opened: Sendable {
        public let ledger: Ledger
        public let notice: String?
    }

    /// How long a write waits for another process's write before failing.
    static let busyTimeout: TimeInterval = 10

    init(path: String, account: AccountKey, retentionDays: Int, eventsKept: Int, pool: DatabasePool, accountId: Int64) {
        self.path = path
        self.account = account
        self.retentionDays = retentionDays
        self.eventsKept = max(0, eventsKept)
        self.pool = pool
        self.accountId = accountId
    }

    /// Opens (or creates) the ledger at `path` for `account`, and applies
    /// retention. A file that is not a database or is corrupt is moved aside
    /// to `<path>.corrupt-<time>` and a fresh one is started; a directory or
    /// file that cannot be written is an error for the caller to report.
    public static func open(
        path: String, account: AccountKey, retentionDays: Int = 400, eventsKept: Int = Ledger.eventsKept, now: Date
    ) throws(LedgerError) -> Opened {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create \(directory)")
        }
        var notice: String?
        let ledger: Ledger
        do {
            ledger = try connect(path: path, account: account, retentionDays: retentionDays, eventsKept: eventsKept)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            let aside = try moveAside(path, now: now)
            notice = "The ledger was unreadable: moved to \((aside as NSString).lastPathComponent), a new one started"
            do {
                ledger = try connect(path: path, account: account, retentionDays: retentionDays, eventsKept: eventsKept)
            } catch {
                throw .cannotOpen(path: path, reason: Self.reason(error))
            }
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        try ledger.pruneIfDue(now: now)
        return Opened(ledger: ledger, notice: notice)
    }

    private static func connect(path: String, account: AccountKey, retentionDays: Int, eventsKept: Int) throws -> Ledger {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ledger"
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a
        // power cut may lose the last poll or two, never corrupt the file,
        // and a poll every few seconds does not cost a disk flush each.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try openPool(path: path, configuration: configuration)
        try LedgerSchema.migrate(pool)
        let accountId = try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO account (host, fingerprint) VALUES (?, ?)",
                    arguments: [account.host, account.fingerprint])
                return .commit
            }
            return try Int64.fetchOne(
                db, sql: "SELECT id FROM account WHERE host = ? AND fingerprint = ?",
                arguments: [account.host, account.fingerprint])!
        }
        return Ledger(
            path: path, account: account, retentionDays: retentionDays, eventsKept: eventsKept, pool: pool, accountId: accountId)
    }

    /// The pool, though another process is opening the same new file (a
    /// dashboard and a watcher started together): SQLite refuses the switch
    /// to WAL with SQLITE_BUSY at once, where other statements wait out the
    /// busy timeout. So it is tried again, every 10 ms for that long.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = ContinuousClock.now + .seconds(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                usleep(10_000)
            }
        }
    }

    /// Renames the file (and its WAL companions) out of the way.
    private static func moveAside(_ path: String, now: Date) throws(LedgerError) -> String {
        let stamp = Int64(now.timeIntervalSince1970)
        let aside = "\(path).corrupt-\(stamp)"
        do {
            try FileManager.default.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
        } catch {
            throw .cannotOpen(path: path, reason: "it is corrupt and cannot be moved aside")
        }
        return aside
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Seconds since 1970, as stored.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    // MARK: Retention

    /// Deletes what ended more than `retentionDays` ago; at most once per UTC day.
    func pruneIfDue(now: Date) throws(LedgerError) {
        let today = TimeBuckets.floorDiv(Self.seconds(now), TimeBuckets.day)
        guard prunedDay.withLock({ $0 }) != today else { return }
        try prune(before: now.addingTimeInterval(-Double(retentionDays) * 86_400))
        prunedDay.withLock { $0 = today }
    }

    /// Events kept of an account by default, the newest. They are a log for
    /// the Events pane and `events --since`; cost comes from the intervals. A
    /// month of 10,000 instances each changing every hour is 7.2 million
    /// events, which took the ledger from 212 MB to 926 MB.
    public static let eventsKept = 100_000

    /// Deletes intervals, roll-ups, events and instances that ended before
    /// `cutoff`, and the events beyond the newest `eventsKept`.
    ///
    /// Intervals are appended in time order, so the ones that began before
    /// the cutoff are found by id, without an index. Of those, one that ended
    /// before it goes; so does one with no end (it ended when the next of its
    /// instance began) unless it is its instance's last before the cutoff,
    /// which may still be running, or have ended after it.
    public func prune(before cutoff: Date) throws(LedgerError) {
        let cut = Self.seconds(cutoff)
        try write { db in
            let firstKept = try Int64.fetchOne(db, sql: "SELECT id FROM interval WHERE start >= ? ORDER BY id LIMIT 1", arguments: [cut])
            try db.execute(
                sql: """
                    DELETE FROM interval WHERE id < :first AND ("end" < :cut OR ("end" IS NULL AND id NOT IN (
                        SELECT max(id) FROM interval WHERE id < :first GROUP BY instanceId)))
                    """,
                arguments: ["first": firstKept ?? Int64.max, "cut": cut])
            let gone = "SELECT id FROM instance WHERE accountId = ? AND \(Self.lastSeen) < ?"
            try db.execute(sql: "DELETE FROM interval WHERE instanceId IN (\(gone))", arguments: [accountId, cut])
            try db.execute(sql: "DELETE FROM spendDay WHERE accountId = ? AND day < ?",
                           arguments: [accountId, TimeBuckets.floorDiv(cut, TimeBuckets.day)])
            try db.execute(sql: "DELETE FROM spendMinute WHERE accountId = ? AND minute < ?",
                           arguments: [accountId, TimeBuckets.floorDiv(cut, TimeBuckets.minute)])
            try db.execute(sql: "DELETE FROM event WHERE accountId = ? AND at < ?", arguments: [accountId, cut])
            try trimEvents(db)
            try db.execute(sql: "DELETE FROM instance WHERE accountId = ? AND \(Self.lastSeen) < ?", arguments: [accountId, cut])
            try bumpRevision(db)
        }
    }

    // MARK: Access

    /// One IMMEDIATE transaction: the write lock is taken before anything is
    /// read, so a second process waits (busy timeout) rather than reading
    /// what the first is about to change.
    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            stateIds.withLock { $0 = [:] }  // rows of a rolled-back transaction may be cached
            throw .failed(Self.reason(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw .failed(Self.reason(error))
        }
    }

    /// The id of a (name, status, price) row, made if new.
    func stateId(_ key: StateKey, _ db: Database) throws -> Int64 {
        if let id = stateIds.withLock({ $0[key] }) { return id }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO state (name, status, hourlyPrice) VALUES (?, ?, ?)")
            .execute(arguments: [key.name, key.status, key.hourlyPrice])
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM state WHERE name = ? AND status = ? AND hourlyPrice = ?"),
            arguments: [key.name, key.status, key.hourlyPrice])!
        stateIds.withLock { $0[key] = id }
        return id
    }
}

extension Ledger {
    /// Folds the WAL into the main file (for measuring its size).
    public func checkpoint() throws(LedgerError) {
        do {
            try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        } catch {
            throw .failed(Self.reason(error))
        }
    }
}
