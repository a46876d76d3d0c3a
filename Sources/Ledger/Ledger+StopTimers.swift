import Foundation
import GRDB
import SesterceModels

extension Ledger {
    /// Sets (or moves) the stop timer of an instance, and keeps the event.
    public func setStopTimer(_ timer: StopTimer, at time: Date) throws(LedgerError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO stopTimer (accountId, apiId, name, dueAt, setAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (accountId, apiId) DO UPDATE SET name = excluded.name, dueAt = excluded.dueAt, setAt = excluded.setAt
                    """,
                arguments: [accountId, timer.instanceId, timer.instanceName, timer.dueAt.timeIntervalSince1970, time.timeIntervalSince1970])
            try insert([AccountEvent(
                at: time, kind: .timerSet, instanceId: timer.instanceId, instanceName: timer.instanceName,
                new: StopTimer.iso(timer.dueAt))], db)
        }
    }

    /// Removes an instance's stop timer; false if it had none.
    @discardableResult
    public func cancelStopTimer(instanceId: String, at time: Date) throws(LedgerError) -> Bool {
        try write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT name, dueAt FROM stopTimer WHERE accountId = ? AND apiId = ?", arguments: [accountId, instanceId])
            else { return false }
            try db.execute(sql: "DELETE FROM stopTimer WHERE accountId = ? AND apiId = ?", arguments: [accountId, instanceId])
            try insert([AccountEvent(
                at: time, kind: .timerCancelled, instanceId: instanceId, instanceName: row[0],
                old: StopTimer.iso(Date(timeIntervalSince1970: row[1])))], db)
            return true
        }
    }

    /// The account's stop timers, soonest first.
    public func stopTimers() throws(LedgerError) -> [StopTimer] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT apiId, name, dueAt FROM stopTimer WHERE accountId = ? ORDER BY dueAt, apiId",
                arguments: [accountId]
            ).map { StopTimer(instanceId: $0[0], instanceName: $0[1], dueAt: Date(timeIntervalSince1970: $0[2])) }
        }
    }

    /// Takes a due timer to fire it: true for exactly one of the processes
    /// that ask (the one whose DELETE removed the row, in its IMMEDIATE
    /// transaction), which then stops the instance. The firing is kept as an
    /// event in the same transaction. A timer moved since it was read (another
    /// due time) is not taken.
    public func claim(_ timer: StopTimer, at time: Date, hourlyPrice: Double?) throws(LedgerError) -> Bool {
        try write { db in
            try db.execute(
                sql: "DELETE FROM stopTimer WHERE accountId = ? AND apiId = ? AND dueAt = ? AND dueAt <= ?",
                arguments: [accountId, timer.instanceId, timer.dueAt.timeIntervalSince1970, time.timeIntervalSince1970])
            guard db.changesCount == 1 else { return false }
            try insert([AccountEvent(
                at: time, kind: .timerFired, instanceId: timer.instanceId, instanceName: timer.instanceName,
                new: StopTimer.iso(timer.dueAt), hourlyPrice: hourlyPrice)], db)
            return true
        }
    }
}
