import Foundation
import GRDB
import Synchronization
import Testing
@testable import Ledger
import SesterceModels

/// The ledger against real SQLite files in temporary directories.
@Suite("Ledger")
struct LedgerTests {
    static let account = AccountKey(host: "api.cloud.sesterce.com", apiKey: "sk-ledger-test-0123456789")
    /// 2026-12-01T00:00:00Z: the start of a month.
    static let t0 = Date(timeIntervalSince1970: 1_796_083_200)

    static func instance(
        _ id: String, _ status: InstanceStatus = .active, price: Double = 3.6, updated: Double = 0, name: String? = nil
    ) -> Instance {
        Instance(
            id: id, name: name ?? "name-\(id)", status: status, hourlyPrice: price, features: [], address: nil,
            createdAt: nil, updatedAt: Date(timeIntervalSince1970: 1_796_000_000 + updated))
    }

    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static func open(_ directory: TemporaryDirectory, account: AccountKey = account, retentionDays: Int = 400, now: Date = t0) throws -> Ledger {
        try Ledger.open(path: directory.ledgerPath, account: account, retentionDays: retentionDays, now: now).ledger
    }

    func month(_ ledger: Ledger) throws -> SpendReport {
        try ledger.report(since: Self.t0, until: Self.at(31 * 86_400))
    }

    @Test("Polls extend intervals instead of adding rows; spend follows the billing rule")
    func polls() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory)
        // $3.60/h is $0.001 a second.
        for second in stride(from: 0.0, through: 600, by: 5) {
            try ledger.record([Self.instance("a"), Self.instance("b", .pending), Self.instance("c", .disabled)], at: Self.at(second), maxGap: 60)
        }
        let intervals = try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM interval") }
        #expect(intervals == 3)
        let report = try month(ledger)
        #expect(report.lines.map(\.id) == ["a"])
        #expect(report.lines[0].billedSeconds == 600)
        #expect(abs(report.lines[0].observedSpend - 0.6) < 1e-9)
        #expect(report.lines[0].estimatedSpend == 0)
        let history = try ledger.history(at: Self.at(600), instances: 5)
        #expect(abs(history.month.observed - 0.6) < 1e-9)
        #expect(abs(history.today.total - 0.6) < 1e-9)
        #expect(history.topInstances.map(\.name) == ["name-a"])
        let lastTen: [Double] = Array(history.burn[.hour]?.suffix(10) ?? [])
        #expect(lastTen.count == 10)
        #expect(lastTen.allSatisfy { abs($0 - 3.6) < 1e-9 })
    }

    @Test("A poll where nothing changed leaves the instance rows alone; one no longer listed is billed up to its last sighting")
    func watermark() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory)
        let rows = { try ledger.read { try Row.fetchAll($0, sql: "SELECT * FROM instance ORDER BY apiId") } }
        for second in stride(from: 0.0, through: 100, by: 5) {
            try ledger.record([Self.instance("a"), Self.instance("b")], at: Self.at(second), maxGap: 60)
        }
        let before = try rows()
        try ledger.record([Self.instance("a"), Self.instance("b")], at: Self.at(105), maxGap: 60)
        #expect(try rows() == before)
        for second in stride(from: 110.0, through: 200, by: 5) {
            try ledger.record([Self.instance("a")], at: Self.at(second), maxGap: 60)
        }
        let lines = Dictionary(uniqueKeysWithValues: try month(ledger).lines.map { ($0.id, $0.billedSeconds) })
        #expect(lines == ["a": 200, "b": 105])
        let seen = try ledger.read { try Row.fetchAll($0, sql: "SELECT apiId, seenAt FROM instance ORDER BY apiId") }
        #expect(seen.map { $0[1] as Int64? } == [nil, Ledger.seconds(Self.at(105))])
        // Another process reading the file sees the same, from the rows alone.
        let other = try Self.open(directory)
        #expect(try month(other).lines.map(\.billedSeconds) == [200, 105])
    }

    @Test("The chart's current bucket is divided by the part of it that has passed, not the whole")
    func currentBucket() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory)
        for second in stride(from: 0.0, through: 90, by: 5) {
            try ledger.record([Self.instance("a")], at: Self.at(second), maxGap: 60)
        }
        let hour = try #require(try ledger.history(at: Self.at(90), instances: 0).burn[.hour])
        #expect(hour.suffix(2).allSatisfy { abs($0 - 3.6) < 1e-9 })  // minute 0, and 30 s of minute 1
        #expect(hour.dropLast(2).allSatisfy { $0 == 0 })
    }

    @Test("A change of status closes the interval: the time until the poll that saw it belongs to the old status")
    func statusChange() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory)
        try ledger.record([Self.instance("a", .pending)], at: Self.at(0), maxGap: 60)
        try ledger.record([Self.instance("a", .active, updated: 50)], at: Self.at(50), maxGap: 60)
        try ledger.record([Self.instance("a", .active, updated: 50)], at: Self.at(100), maxGap: 60)
        try ledger.record([Self.instance("a", .disabled, updated: 150)], at: Self.at(150), maxGap: 60)
        try ledger.record([Self.instance("a", .disabled, updated: 150)], at: Self.at(200), maxGap: 60)
        let line = try #require(try month(ledger).lines.first)
        #expect(line.billedSeconds == 100)
        #expect(line.status == "DISABLED")
        #expect(abs(line.observedSpend - 0.1) < 1e-9)
        let intervals = try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM interval") }
        #expect(intervals == 3)
    }

    @Test("Closing and opening the ledger again goes on where it was; the key is not in the file")
    func restart() throws {
        let directory = try TemporaryDirectory()
        do {
            let ledger = try Self.open(directory)
            try ledger.record([Self.instance("a")], at: Self.at(0), maxGap: 60)
            try ledger.record([Self.instance("a")], at: Self.at(30), maxGap: 60)
        }
        let again = try Self.open(directory, now: Self.at(40))
        try again.record([Self.instance("a")], at: Self.at(60), maxGap: 60)
        let line = try #require(try month(again).lines.first)
        #expect(line.billedSeconds == 60)
        let other = try Self.open(directory, account: AccountKey(host: "api.cloud.sesterce.com", apiKey: "another-key"))
        #expect(try month(other).lines.isEmpty)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path + "/state") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/state/" + file))
            #expect(bytes.range(of: Data("sk-ledger-test".utf8)) == nil, "\(file)")
        }
    }

    @Test("Time nobody watched is a gap: estimated only when status, price and updatedAt match at both ends")
    func gaps() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory)
        let unchanged = Self.instance("same")
        let restarted = Self.instance("restarted")
        try ledger.record([unchanged, restarted, Self.instance("repriced")], at: Self.at(0), maxGap: 60)
        try ledger.record([unchanged, restarted, Self.instance("repriced")], at: Self.at(100), maxGap: 200)
        // An hour with nothing watching.
        let later = Self.at(3700)
        try ledger.record([unchanged, Self.instance("restarted", updated: 3000), Self.instance("repriced", price: 7.2)], at: later, maxGap: 60)
        try ledger.record([unchanged, Self.instance("restarted", updated: 3000), Self.instance("repriced", price: 7.2)],
                          at: later.addingTimeInterval(100), maxGap: 200)
        let lines = Dictionary(uniqueKeysWithValues: try month(ledger).lines.map { ($0.id, $0) })
        let same = try #require(lines["same"])
        #expect(abs(same.observedSpend - 0.2) < 1e-9)
        #expect(abs(same.estimatedSpend - 3.6) < 1e-9)
        #expect(same.billedSeconds == 3800)
        let other = try #require(lines["restarted"])
        #expect(abs(other.observedSpend - 0.2) < 1e-9)
        #expect(other.estimatedSpend == 0)
        #expect(other.billedSeconds == 200)
        let repriced = try #require(lines["repriced"])
        #expect(abs(repriced.observedSpend - 0.3) < 1e-9)
        #expect(repriced.estimatedSpend == 0)
        let history = try ledger.history(at: later.addingTimeInterval(100), instances: 0)
        #expect(abs(history.month.estimated - 3.6) < 1e-9)
        #expect(abs(history.month.observed - 0.7) < 1e-9)
    }

    @Test("Two ledgers on one file, as two processes would be, never count the same time twice")
    func twoWriters() throws {
        let directory = try TemporaryDirectory()
        let first = try Self.open(directory)
        let second = try Self.open(directory)
        // Interleaved polls, one of them arriving late (its time is already claimed).
        try first.record([Self.instance("a")], at: Self.at(0), maxGap: 60)
        try second.record([Self.instance("a")], at: Self.at(2), maxGap: 60)
        try first.record([Self.instance("a")], at: Self.at(5), maxGap: 60)
        let late = try second.record([Self.instance("a")], at: Self.at(4), maxGap: 60)
        #expect(late.alreadyRecorded == 1)
        try second.record([Self.instance("a")], at: Self.at(7), maxGap: 60)
        try first.record([Self.instance("a")], at: Self.at(10), maxGap: 60)
        #expect(try month(first).lines.first?.billedSeconds == 10)
        // Both writing at once from threads of their own, many times: no "database is locked".
        let errors = LockedList()
        let group = DispatchGroup()
        for (ledger, offset) in [(first, 0.0), (second, 0.5)] {
            group.enter()
            Thread {
                for step in 1...200 {
                    do {
                        try ledger.record([Self.instance("a"), Self.instance("b")], at: Self.at(10 + Double(step) + offset), maxGap: 60)
                    } catch { errors.append("\(error)") }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(errors.values.isEmpty)
        let lines = Dictionary(uniqueKeysWithValues: try month(second).lines.map { ($0.id, $0) })
        #expect(lines["a"]?.billedSeconds == 210)
        let history = try second.history(at: Self.at(211), instances: 0)
        // a: 210 s, b: from its first poll (11 s) to 210 s, at $0.001 a second.
        let bStart = try second.read { try Int64.fetchOne($0, sql: "SELECT min(start) FROM interval WHERE instanceId = (SELECT id FROM instance WHERE apiId = 'b')") }!
        let expected = 0.210 + Double(210 - (bStart - Ledger.seconds(Self.t0))) * 0.001
        #expect(abs(history.month.observed - expected) < 1e-9)
    }

    @Test("Ledgers opened at once on a new file, as a dashboard and a watcher started together, all open")
    func openedAtOnce() throws {
        // Seen: the second of two watchers said "duplicate column name" and
        // went on without a ledger. Each round is a new file, opened by eight
        // connections, as many at a time as there are cores: two are enough
        // (without the fix, most rounds failed on the two cores here).
        for _ in 0..<5 {
            let directory = try TemporaryDirectory()
            let path = directory.ledgerPath
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    _ = try Ledger.open(path: path, account: Self.account, now: Self.t0)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
        }
    }

    @Test("A corrupt file is moved aside and a fresh ledger started, once")
    func corrupt() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/state", withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: directory.ledgerPath))
        let opened = try Ledger.open(path: directory.ledgerPath, account: Self.account, now: Self.t0)
        let notice = try #require(opened.notice)
        #expect(notice.contains("ledger.sqlite.corrupt-"))
        try opened.ledger.record([Self.instance("a")], at: Self.at(0), maxGap: 60)
        try opened.ledger.record([Self.instance("a")], at: Self.at(10), maxGap: 60)
        #expect(try month(opened.ledger).lines.first?.billedSeconds == 10)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/state")
        #expect(files.contains { $0.hasPrefix("ledger.sqlite.corrupt-") })
        #expect(try Ledger.open(path: directory.ledgerPath, account: Self.account, now: Self.t0).notice == nil)
    }

    @Test("A state directory that cannot be written is an error to report, not a crash")
    func readOnly() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let directory = try TemporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
        #expect(throws: LedgerError.self) { try Self.open(directory) }
    }

    @Test("Retention deletes what ended before it and keeps the rest")
    func retention() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory, retentionDays: 10)
        try ledger.record([Self.instance("old"), Self.instance("kept")], at: Self.at(0), maxGap: 60)
        try ledger.record([Self.instance("old"), Self.instance("kept", .disabled)], at: Self.at(50), maxGap: 60)
        try ledger.record([Self.instance("kept", .disabled)], at: Self.at(20 * 86_400), maxGap: 60)
        let reopened = try Self.open(directory, retentionDays: 10, now: Self.at(20 * 86_400 + 10))
        let counts = try reopened.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM instance")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM interval")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM spendDay")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM spendMinute")!)
        }
        #expect(counts.0 == 1)  // "kept", seen on day 20
        #expect(counts.1 == 1)  // its interval that began on day 20 (the gap closed the one before)
        #expect(counts.2 == 0)
        #expect(counts.3 == 0)
    }

    @Test("Retention deletes intervals that ended before the cutoff, and keeps the one running across it though its end is not written")
    func retentionAcrossCutoff() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.open(directory, retentionDays: 10)
        // Polled daily (the gap allowed is two days), so each interval ends where the next begins.
        let polls = [(0.0, InstanceStatus.active), (5, .disabled), (10, .active)]
            + (1..<20).map { (Double($0) * 86_400, InstanceStatus.active) } + [(20 * 86_400, .disabled)]
        for (second, status) in polls {
            try ledger.record([Self.instance("a", status)], at: Self.at(second), maxGap: 2 * 86_400)
        }
        let reopened = try Self.open(directory, retentionDays: 10, now: Self.at(20 * 86_400 + 10))
        let starts = try reopened.read { try Int64.fetchAll($0, sql: "SELECT start FROM interval ORDER BY start") }
        #expect(starts == [10, 20 * 86_400].map { Ledger.seconds(Self.at($0)) })
    }
}

/// Strings gathered from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func append(_ value: String) { lock.withLock { list.append(value) } }
    var values: [String] { lock.withLock { list } }
}
