import DashCommands
import Foundation
import Ledger
import SesterceAPI
import Testing

/// `sesterce-dash report`: the range it reads and the three outputs, from a
/// real ledger file in a temporary directory.
@Suite("Report")
struct ReportTests {
    /// 2026-12-15T12:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_797_336_000)

    @Test("By default the calendar month, UTC; --until includes its day; bad dates are usage errors")
    func range() throws {
        let month = try ReportRange.resolve(since: nil, until: nil, now: Self.now)
        #expect(month.since == Date(timeIntervalSince1970: 1_796_083_200))  // 2026-12-01
        #expect(month.until == Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01
        let days = try ReportRange.resolve(since: "2026-11-03", until: "2026-11-03", now: Self.now)
        #expect(days.until.timeIntervalSince(days.since) == 86_400)
        #expect(throws: ReportRange.Invalid.self) { try ReportRange.resolve(since: "2026-02-30", until: nil, now: Self.now) }
        #expect(throws: ReportRange.Invalid.self) { try ReportRange.resolve(since: "yesterday", until: nil, now: Self.now) }
        #expect(throws: ReportRange.Invalid.self) { try ReportRange.resolve(since: "2026-12-10", until: "2026-12-01", now: Self.now) }
    }

    @Test("JSON, CSV and table: most spent first, observed and estimated apart, money to the cent")
    func outputs() throws {
        let directory = NSTemporaryDirectory() + "report-tests-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = AccountKey(host: "127.0.0.1:1", apiKey: "k")
        let ledger = try Ledger.open(path: directory + "/ledger.sqlite", account: account, now: Self.now).ledger
        func instance(_ id: String, _ name: String, _ price: Double) -> Instance {
            Instance(id: id, name: name, status: .active, hourlyPrice: price, features: [], address: nil, createdAt: nil,
                     updatedAt: Self.now)
        }
        let fleet = [instance("a", "cheap, small", 1), instance("b", "big", 7.2)]
        for minute in 0...60 {
            try ledger.record(fleet, at: Self.now.addingTimeInterval(Double(minute) * 60), maxGap: 120)
        }
        let (since, until) = try ReportRange.resolve(since: nil, until: nil, now: Self.now)
        let record = ReportRecord(try ledger.report(since: since, until: until))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try record.render(.json).utf8)) as? [String: Any])
        #expect(json["totalSpend"] as? Double == 8.2)
        #expect(json["currencyCode"] as? String == "USD")
        let lines = try #require(json["instances"] as? [[String: Any]])
        #expect(lines.map { $0["name"] as? String } == ["big", "cheap, small"])
        #expect(lines.first?["billedSeconds"] as? Int == 3600)
        #expect(lines.first?["spend"] as? Double == 7.2)
        #expect(lines.first?["estimatedSpend"] as? Double == 0)
        let csv = try record.render(.csv).split(separator: "\n")
        #expect(csv.first == "id,name,status,billedSeconds,observedSpend,estimatedSpend,spend")
        #expect(csv.last == "a,\"cheap, small\",ACTIVE,3600,1.0,0.0,1.0")
        let table = try record.render(.table)
        #expect(table.hasSuffix("2 instances, 2026-12-01 to 2026-12-31 (UTC): $8.20\n"))
    }
}
