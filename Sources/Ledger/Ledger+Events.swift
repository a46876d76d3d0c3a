import Foundation
import GRDB
import SesterceModels

extension Ledger {
    /// Keeps an event that did not come from a poll (a person's action, a
    /// budget crossed, an alert that failed).
    public func record(_ event: AccountEvent) throws(LedgerError) {
        try write { db in try insert([event], db) }
    }

    /// Events of this account, newest first: at most `limit`, from `since` on.
    public func events(since: Date? = nil, limit: Int = 500) throws(LedgerError) -> [AccountEvent] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT at, kind, apiId, name, old, new, detail, hourlyPrice FROM event
                    WHERE accountId = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?
                    """,
                arguments: [accountId, since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude, limit])
            return rows.map { row in
                AccountEvent(
                    at: Date(timeIntervalSince1970: row[0]),
                    // A kind written by a later version is still listed.
                    kind: AccountEvent.Kind(rawValue: row[1]) ?? .action,
                    instanceId: row[2], instanceName: row[3], old: row[4], new: row[5], detail: row[6], hourlyPrice: row[7])
            }
        }
    }

    /// Keeps `events`, and cuts the account's to the newest `eventsKept`
    /// once a tenth more have been added.
    func insert(_ events: [AccountEvent], _ db: Database) throws {
        guard !events.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (accountId, at, kind, apiId, name, old, new, detail, hourlyPrice)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            try statement.execute(arguments: [
                accountId, event.at.timeIntervalSince1970, event.kind.rawValue, event.instanceId, event.instanceName,
                event.old, event.new, event.detail, event.hourlyPrice,
            ])
        }
        let added = eventsAdded.withLock { added in
            added += events.count
            return added
        }
        if added >= max(1, eventsKept / 10) { try trimEvents(db) }
    }

    /// Deletes the account's events beyond the newest `eventsKept`.
    func trimEvents(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM event WHERE id IN (
                    SELECT id FROM event WHERE accountId = ? ORDER BY at DESC, id DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [accountId, eventsKept])
        eventsAdded.withLock { $0 = 0 }
    }
}
