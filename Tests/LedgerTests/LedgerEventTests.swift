import Foundation
import GRDB
import Testing
@testable import Ledger
import SesterceModels

/// Events and stop timers in the ledger, on real SQLite files.
@Suite("Ledger events and stop timers")
struct LedgerEventTests {
    typealias L = LedgerTests

    static func ready(_ ready: Int, of total: Int, at seconds: Double, error: String? = nil) -> InstanceReadiness {
        InstanceReadiness(ready: ReadyPods(ready: ready, total: total), errorMessage: error, at: L.at(seconds))
    }

    @Test("The first record of an account is a baseline; later ones keep what changed, once")
    func changes() throws {
        let directory = try TemporaryDirectory()
        let ledger = try L.open(directory)
        let first = try ledger.record(
            [L.instance("a"), L.instance("b", .pending)], readiness: ["a": Self.ready(2, of: 2, at: 0)], at: L.at(0), maxGap: 60)
        #expect(first.events.isEmpty)
        let second = try ledger.record(
            [L.instance("a"), L.instance("b", .active), L.instance("c")],
            readiness: ["a": Self.ready(1, of: 2, at: 4, error: "pod crashed")], at: L.at(5), maxGap: 60)
        #expect(second.events.map(\.kind) == [.ready, .error, .status, .appeared])
        #expect(second.events.map(\.change) == ["2/2 → 1/2", "pod crashed", "PENDING → ACTIVE", "ACTIVE"])
        // Nothing changed: nothing new; then a goes away.
        #expect(try ledger.record([L.instance("a"), L.instance("b"), L.instance("c")], at: L.at(10), maxGap: 60).events.isEmpty)
        let gone = try ledger.record([L.instance("b"), L.instance("c")], at: L.at(15), maxGap: 60)
        #expect(gone.events.map(\.kind) == [.disappeared])
        #expect(gone.events.first?.instanceName == "name-a")
        #expect(try ledger.record([L.instance("b"), L.instance("c")], at: L.at(20), maxGap: 60).events.isEmpty)
        // Kept, newest first, and read back the same.
        let kept = try ledger.events()
        #expect(kept.map(\.kind) == [.disappeared, .appeared, .status, .error, .ready])
        #expect(try ledger.events(since: L.at(12)).count == 1)
    }

    @Test("The newest events of the account are kept, about as many as asked even between prunings; another account's are left alone")
    func eventsCapped() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Ledger.open(path: directory.ledgerPath, account: L.account, eventsKept: 20, now: L.t0).ledger
        let other = try L.open(directory, account: AccountKey(host: "other.example.com", apiKey: "another-key"))
        try other.record(AccountEvent(at: L.at(0), kind: .action, detail: "elsewhere"))
        for second in 0..<25 {
            try ledger.record(AccountEvent(at: L.at(Double(second)), kind: .action, detail: "action \(second)"))
            // Cut again each time a tenth more (2) have been added.
            #expect(try ledger.events().count <= 21)
        }
        try ledger.prune(before: L.at(-86_400))
        #expect(try ledger.events().map(\.detail) == (5..<25).reversed().map { "action \($0)" })
        #expect(try other.events().map(\.detail) == ["elsewhere"])
    }

    @Test("A detail older than the one recorded does not replace it (no flapping between two processes)")
    func olderDetail() throws {
        let directory = try TemporaryDirectory()
        let first = try L.open(directory), second = try L.open(directory)
        try first.record([L.instance("a")], readiness: ["a": Self.ready(2, of: 2, at: 0)], at: L.at(0), maxGap: 60)
        let fresh = try first.record([L.instance("a")], readiness: ["a": Self.ready(1, of: 2, at: 9)], at: L.at(10), maxGap: 60)
        #expect(fresh.events.map(\.change) == ["2/2 → 1/2"])
        // The second process still holds the detail of second 0.
        let stale = try second.record([L.instance("a")], readiness: ["a": Self.ready(2, of: 2, at: 0)], at: L.at(12), maxGap: 60)
        #expect(stale.events.isEmpty)
        // And a poll older than what is recorded reports nothing at all.
        let late = try second.record([L.instance("a", .disabled)], at: L.at(11), maxGap: 60)
        #expect(late.events.isEmpty)
    }

    @Test("Two processes on one account: each change is kept once")
    func twoProcesses() throws {
        let directory = try TemporaryDirectory()
        let first = try L.open(directory), second = try L.open(directory)
        try first.record([L.instance("a")], at: L.at(0), maxGap: 60)
        try second.record([L.instance("a")], at: L.at(2), maxGap: 60)
        let one = try first.record([L.instance("a", .disabled)], at: L.at(5), maxGap: 60)
        let other = try second.record([L.instance("a", .disabled)], at: L.at(7), maxGap: 60)
        #expect(one.events.count + other.events.count == 1)
        #expect(try first.events().filter { $0.kind == .status }.count == 1)
    }

    @Test("Stop timers: set, moved, listed, cancelled; each a kept event")
    func timers() throws {
        let directory = try TemporaryDirectory()
        let ledger = try L.open(directory)
        let timer = StopTimer(instanceId: "a", instanceName: "chat", dueAt: L.at(3600))
        try ledger.setStopTimer(timer, at: L.at(0))
        try ledger.setStopTimer(StopTimer(instanceId: "a", instanceName: "chat", dueAt: L.at(7200)), at: L.at(1))
        try ledger.setStopTimer(StopTimer(instanceId: "b", instanceName: "img", dueAt: L.at(60)), at: L.at(2))
        #expect(try ledger.stopTimers().map(\.instanceId) == ["b", "a"])
        #expect(try ledger.stopTimers().last?.dueAt == L.at(7200))
        #expect(try ledger.cancelStopTimer(instanceId: "b", at: L.at(3)))
        #expect(try !ledger.cancelStopTimer(instanceId: "b", at: L.at(4)))
        #expect(try ledger.events().map(\.kind) == [.timerCancelled, .timerSet, .timerSet, .timerSet])
        #expect(try ledger.events().last?.new == "2026-12-01T01:00:00Z")
    }

    @Test("A due timer is claimed by exactly one of several processes, never before it is due")
    func claims() throws {
        let directory = try TemporaryDirectory()
        let ledgers = try (0..<4).map { _ in try L.open(directory) }
        for round in 0..<20 {
            let timer = StopTimer(instanceId: "i\(round)", instanceName: "n\(round)", dueAt: L.at(Double(round)))
            try ledgers[0].setStopTimer(timer, at: L.at(0))
            #expect(try !ledgers[1].claim(timer, at: L.at(Double(round) - 1), hourlyPrice: nil))
            let claims = LockedCount()
            let group = DispatchGroup()
            for ledger in ledgers {
                group.enter()
                Thread {
                    if (try? ledger.claim(timer, at: L.at(Double(round) + 1), hourlyPrice: 3.6)) == true { claims.add() }
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(claims.value == 1, "round \(round)")
        }
        #expect(try ledgers[0].stopTimers().isEmpty)
        #expect(try ledgers[0].events().filter { $0.kind == .timerFired }.count == 20)
        // A timer moved after it was read is not taken at its old time.
        let old = StopTimer(instanceId: "x", instanceName: "x", dueAt: L.at(10))
        try ledgers[0].setStopTimer(old, at: L.at(0))
        try ledgers[0].setStopTimer(StopTimer(instanceId: "x", instanceName: "x", dueAt: L.at(100)), at: L.at(1))
        #expect(try !ledgers[1].claim(old, at: L.at(50), hourlyPrice: nil))
    }

    @Test("A ledger of the first version is migrated: its budget crossings become events")
    func migration() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: (directory.ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let v1 = try DatabaseQueue(path: directory.ledgerPath)
        try LedgerSchema.migrator.migrate(v1, upTo: "v1: accounts, instances, intervals, spend")
        try v1.write { db in
            try db.execute(sql: "INSERT INTO account (id, host, fingerprint) VALUES (1, ?, ?)",
                           arguments: [L.account.host, L.account.fingerprint])
            try db.execute(sql: """
                INSERT INTO budgetCrossing (accountId, at, period, percent, projected, budget)
                VALUES (1, \(Ledger.seconds(L.at(5))), 'monthly', 80, 830.5, 1000)
                """)
        }
        try v1.close()
        let ledger = try L.open(directory)
        let events = try ledger.events()
        #expect(events.map(\.kind) == [.budget])
        #expect(events.first?.new == "80% of the monthly budget")
        #expect(events.first?.detail == "$830.50 projected of $1000.00")
        #expect(events.first?.at == L.at(5))
    }
}

final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
