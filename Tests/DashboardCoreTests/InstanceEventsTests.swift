import DashboardCore
import Foundation
import SesterceModels
import Testing

/// Events as a pure function of two looks at an account.
@Suite("Events between two looks")
struct InstanceEventsTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_083_200)
    static let statuses = ["ACTIVE", "PENDING", "DEPLOYING", "PARTIALLYDEPLOYED", "DISABLED", "ERROR", "DELETING", "SOMETHING_NEW"]

    static func look(_ random: inout some RandomNumberGenerator) -> [String: InstanceObservation] {
        var look: [String: InstanceObservation] = [:]
        for id in ["a", "b", "c", "d", "e", "f"] where Bool.random(using: &random) {
            let total = Int.random(in: 0...4, using: &random)
            let known = Bool.random(using: &random)
            look[id] = InstanceObservation(
                id: id, name: "n-\(id)", status: statuses.randomElement(using: &random)!, hourlyPrice: 1.44,
                ready: known ? ReadyPods(ready: Int.random(in: 0...total, using: &random), total: total) : nil,
                errorMessage: known && Int.random(in: 0..<4, using: &random) == 0 ? "pod \(id) crashed" : nil)
        }
        return look
    }

    @Test("Properties over 20,000 random pairs of looks")
    func properties() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let before = Self.look(&random), after = Self.look(&random)
            let events = InstanceEvents.between(before, after, at: Self.t0)
            // Nothing changed: nothing reported; the first look is a baseline.
            #expect(InstanceEvents.between(after, after, at: Self.t0).isEmpty)
            #expect(InstanceEvents.between(nil, after, at: Self.t0).isEmpty)
            for id in Set(before.keys).union(after.keys) {
                let mine = events.filter { $0.instanceId == id }
                switch (before[id], after[id]) {
                case (nil, let new?): #expect(mine.map(\.kind) == [.appeared] && mine.first?.new == new.status)
                case (let old?, nil): #expect(mine.map(\.kind) == [.disappeared] && mine.first?.old == old.status)
                case (let old?, let new?):
                    #expect(mine.contains { $0.kind == .status } == (old.status != new.status))
                    #expect(mine.first { $0.kind == .status }.map { ($0.old, $0.new) } ?? (old.status, new.status) == (old.status, new.status))
                    let bothKnown = old.ready != nil && new.ready != nil
                    #expect(mine.contains { $0.kind == .ready } == (bothKnown && old.ready != new.ready))
                    let errorChanged = bothKnown && old.errorMessage != new.errorMessage
                    #expect(mine.contains { $0.kind == .error || $0.kind == .errorCleared } == errorChanged)
                case (nil, nil): break
                }
            }
            // Every event names an instance of either look, and its time.
            #expect(events.allSatisfy { $0.at == Self.t0 && ($0.instanceId.map { before[$0] != nil || after[$0] != nil } ?? false) })
        }
    }

    @Test("Alert classes follow what a person would want to hear of")
    func alertClasses() {
        func status(_ old: String, _ new: String) -> AlertClass? {
            AccountEvent(at: Self.t0, kind: .status, old: old, new: new).alertClass
        }
        #expect(status("ACTIVE", "ERROR") == .error)
        #expect(status("DEPLOYING", "PARTIALLYDEPLOYED") == .partial)
        #expect(status("DEPLOYING", "ACTIVE") == .ready)
        #expect(status("ACTIVE", "DISABLED") == .stopped)
        #expect(status("DISABLED", "DELETED") == .deleted)
        #expect(status("NEW", "PENDING") == nil)
        func ready(_ old: String, _ new: String) -> AlertClass? { AccountEvent(at: Self.t0, kind: .ready, old: old, new: new).alertClass }
        #expect(ready("0/3", "3/3") == .ready)
        #expect(ready("3/3", "2/3") == .partial)
        #expect(ready("1/3", "2/3") == nil)
        // The autoscaler's steps: up, down, to zero. Back from zero serves again.
        #expect(ready("2/3", "3/3") == nil)
        #expect(ready("3/3", "2/2") == nil)
        #expect(ready("1/1", "0/0") == nil)
        #expect(ready("0/0", "1/1") == .ready && ready("0/1", "1/1") == .ready)
        #expect(ready("3/3", "1/2") == .partial)
        #expect(AccountEvent(at: Self.t0, kind: .disappeared).alertClass == .deleted)
        #expect(AccountEvent(at: Self.t0, kind: .timerFired).alertClass == .timer)
        #expect(AccountEvent(at: Self.t0, kind: .timerSet).alertClass == nil)
        #expect(AccountEvent(at: Self.t0, kind: .alertFailed).alertClass == nil)
    }

    @Test("Stop times: durations, times of day (tomorrow once past), date-times; the rest refused in words")
    func stopTimes() throws {
        let utc = TimeZone(identifier: "UTC")!, paris = TimeZone(identifier: "Europe/Paris")!
        let now = Self.t0.addingTimeInterval(10 * 3600)  // 2026-12-01 10:00 UTC, 11:00 in Paris
        func parse(_ text: String, _ zone: TimeZone = utc) -> Result<Date, StopTimeError> { StopTime.parse(text, now: now, timeZone: zone) }
        #expect(try parse("45s").get() == now.addingTimeInterval(45))
        #expect(try parse("1h30m").get() == now.addingTimeInterval(5400))
        #expect(try parse("2d").get() == now.addingTimeInterval(172_800))
        #expect(try parse("19:00").get() == Self.t0.addingTimeInterval(19 * 3600))
        #expect(try parse("09:00").get() == Self.t0.addingTimeInterval(33 * 3600))  // tomorrow
        #expect(try parse("19:00", paris).get() == Self.t0.addingTimeInterval(18 * 3600))
        #expect(try parse("2026-12-02T08:00").get() == Self.t0.addingTimeInterval(32 * 3600))
        #expect(try parse("2026-12-02 08:00", paris).get() == Self.t0.addingTimeInterval(31 * 3600))
        #expect(try parse("2026-12-02T08:00:00Z", paris).get() == Self.t0.addingTimeInterval(32 * 3600))
        #expect(parse("0s") == .failure(.notInFuture("0s")))
        #expect(parse("2026-11-30T08:00") == .failure(.notInFuture("2026-11-30T08:00")))
        for text in ["", "soon", "25:00", "12:60", "2h-", "h", "1.5h", "99999999m"] {
            #expect(parse(text) == .failure(.unreadable(text)), "\(text)")
        }
        #expect(StopTimeError.unreadable("x").description.contains("19:00"))
    }

    @Test("Time left reads to the second under ten minutes, to the minute under a day")
    func countdown() {
        #expect(Formatting.countdown(45) == "45s")
        #expect(Formatting.countdown(125) == "2m5s")
        #expect(Formatting.countdown(720) == "12m")
        #expect(Formatting.countdown(4320) == "1h12m")
        #expect(Formatting.countdown(7200) == "2h")
        #expect(Formatting.countdown(97_200) == "1d3h")
        #expect(Formatting.countdown(-5) == "0s")
    }
}
