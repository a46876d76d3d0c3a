import GRDB

/// The ledger's tables, built by migrations so that later versions add
/// theirs to the same file without touching what is there.
///
/// Sizes matter (a month of 10,000 instances changing hourly is 7 million
/// intervals): an interval is five integers, its name, status and price are
/// shared through `state`, and what an instance is doing now lives in its
/// `instance` row, which a poll extends instead of adding rows (and where
/// nothing changed, leaves alone: the account's row says when it was seen,
/// v3). Spend is
/// kept rolled up per day and instance (`spendDay`, written when an interval
/// closes) and per minute and account (`spendMinute`, written each poll), so
/// that a report reads thousands of rows, not millions.
enum LedgerSchema {
    /// Brings the file up to the newest schema, though another process may be
    /// doing the same (a dashboard and a watcher started together on a new
    /// ledger). GRDB reads which migrations are applied before it takes the
    /// write lock for each, so both may try one: the second fails, its
    /// transaction rolled back, and tries again from what the first applied.
    /// Only while that grows: an error of its own is thrown at once.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = Self.migrator
        while true {
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            do {
                return try migrator.migrate(pool)
            } catch {
                let after = try pool.read { try migrator.appliedIdentifiers($0) }
                guard after.isStrictSuperset(of: before) else { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, instances, intervals, spend") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    host TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    UNIQUE (host, fingerprint));
                CREATE TABLE state (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hourlyPrice REAL NOT NULL,
                    UNIQUE (name, status, hourlyPrice));
                -- One row per instance: what it was last seen doing, since when
                -- (intervalStart, its open interval) and until when (seenAt).
                CREATE TABLE instance (
                    id INTEGER PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    apiId TEXT NOT NULL,
                    intervalId INTEGER NOT NULL,
                    intervalStart INTEGER NOT NULL,
                    seenAt INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hourlyPrice REAL NOT NULL,
                    updatedAt REAL,
                    UNIQUE (accountId, apiId));
                -- Seconds since 1970, UTC; "end" is NULL while the interval is
                -- open (its end is then its instance's seenAt). Since v3 it is
                -- also NULL where the instance's next interval began at once.
                CREATE TABLE interval (
                    id INTEGER PRIMARY KEY,
                    instanceId INTEGER NOT NULL,
                    stateId INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER);
                CREATE TABLE spendDay (
                    accountId INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    instanceId INTEGER NOT NULL,
                    billedSeconds INTEGER NOT NULL,
                    observed REAL NOT NULL,
                    estimated REAL NOT NULL,
                    PRIMARY KEY (accountId, day, instanceId)) WITHOUT ROWID;
                CREATE TABLE spendMinute (
                    accountId INTEGER NOT NULL,
                    minute INTEGER NOT NULL,
                    observed REAL NOT NULL,
                    estimated REAL NOT NULL,
                    PRIMARY KEY (accountId, minute)) WITHOUT ROWID;
                -- A budget threshold crossed (80 % or 100 % of the monthly or
                -- daily budget), for the events pane.
                CREATE TABLE budgetCrossing (
                    id INTEGER PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    at INTEGER NOT NULL,
                    period TEXT NOT NULL,
                    percent INTEGER NOT NULL,
                    projected REAL NOT NULL,
                    budget REAL NOT NULL);
                """)
        }
        migrator.registerMigration("v2: events, stop timers, what each instance was last seen serving") { db in
            try db.execute(sql: """
                -- From the latest detail: ready pods of total, as of readyAt
                -- (a detail older than the one recorded does not replace it),
                -- and the error. present is 0 once the instance left the list.
                ALTER TABLE instance ADD COLUMN ready INTEGER;
                ALTER TABLE instance ADD COLUMN total INTEGER;
                ALTER TABLE instance ADD COLUMN readyAt INTEGER;
                ALTER TABLE instance ADD COLUMN errorMessage TEXT;
                ALTER TABLE instance ADD COLUMN present INTEGER NOT NULL DEFAULT 1;
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    apiId TEXT,
                    name TEXT,
                    old TEXT,
                    new TEXT,
                    detail TEXT,
                    hourlyPrice REAL);
                CREATE INDEX eventByAccountAndTime ON event (accountId, at);
                -- At most one timer per instance; firing deletes it, so the
                -- process whose DELETE removed the row is the one that stops it.
                CREATE TABLE stopTimer (
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    apiId TEXT NOT NULL,
                    name TEXT NOT NULL,
                    dueAt REAL NOT NULL,
                    setAt REAL NOT NULL,
                    PRIMARY KEY (accountId, apiId)) WITHOUT ROWID;
                -- Budget crossings become events like any other.
                INSERT INTO event (accountId, at, kind, new, detail)
                    SELECT accountId, at, 'budget', percent || '% of the ' || period || ' budget',
                        printf('$%.2f projected of $%.2f', projected, budget)
                    FROM budgetCrossing;
                DROP TABLE budgetCrossing;
                """)
        }
        migrator.registerMigration("v3: instances seen by the last poll follow the account's watermark") { db in
            // Intervals followed at once by the next of their instance leave
            // "end" NULL from now on (see prune). A poll where nothing changed
            // writes one row, the account's, not one per instance (10,000
            // updates took most of a poll's write):
            // an instance whose seenAt is NULL was seen by the account's last
            // poll, at account.seenAt. revision changes with every write of
            // instance rows, so that a process can tell whether the rows it
            // remembers are still what the file holds.
            try db.execute(sql: """
                ALTER TABLE account ADD COLUMN seenAt INTEGER;
                ALTER TABLE account ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE newInstance (
                    id INTEGER PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    apiId TEXT NOT NULL,
                    intervalId INTEGER NOT NULL,
                    intervalStart INTEGER NOT NULL,
                    seenAt INTEGER,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    hourlyPrice REAL NOT NULL,
                    updatedAt REAL,
                    ready INTEGER,
                    total INTEGER,
                    readyAt INTEGER,
                    errorMessage TEXT,
                    present INTEGER NOT NULL DEFAULT 1,
                    UNIQUE (accountId, apiId));
                INSERT INTO newInstance
                    SELECT id, accountId, apiId, intervalId, intervalStart, seenAt, name, status, hourlyPrice, updatedAt,
                        ready, total, readyAt, errorMessage, present
                    FROM instance;
                DROP TABLE instance;
                ALTER TABLE newInstance RENAME TO instance;
                """)
        }
        return migrator
    }
}
