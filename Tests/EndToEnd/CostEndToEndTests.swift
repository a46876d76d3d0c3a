import Foundation
import Testing

/// The ledger through the real binaries: the dashboard records what it sees,
/// quits, starts again on the same account, and `report` shows the month's
/// spend grow; the Cost pane shows it.
@Suite("Cost ledger end to end", .serialized)
struct CostEndToEndTests {
    static func dashboard(_ simulator: SimulatorProcess, stateHome: URL, size: (Int, Int) = (120, 40)) throws -> TmuxSession {
        let dash = Products.url(of: "sesterce-dash").path
        return try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url) --refresh 1; echo exit=$?",
            width: size.0, height: size.1,
            environment: ["SESTERCE_API_KEY": "demo-key", "XDG_STATE_HOME": stateHome.path])
    }

    /// `report --output json` for the simulator's account: the month's total.
    static func monthTotal(_ simulator: SimulatorProcess, stateHome: URL) throws -> (total: Double, json: [String: Any]) {
        let run = try ScriptableCommandTests.dash(
            ["report", "--api-url", simulator.url, "--output", "json"],
            environment: ["SESTERCE_API_KEY": "demo-key", "XDG_STATE_HOME": stateHome.path])
        #expect(run.status == 0, "\(run.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        return (try #require(json["totalSpend"] as? Double), json)
    }

    @Test("Quit, start again, and the month's spend has grown; the Cost pane shows it")
    func spendGrowsAcrossRuns() async throws {
        let simulator = try SimulatorProcess()
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-e2e-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }

        let first = try Self.dashboard(simulator, stateHome: stateHome)
        try await first.waitFor(text: "chat-prod")
        try first.send("6")
        try await first.waitFor("the Cost pane with this month's spend") { $0.contains("Burn rate ($/h)") && $0.contains("This month") }
        try await Task.sleep(for: .seconds(4))
        try first.send("q")
        try await first.waitFor(text: "exit=0")
        first.close()
        let before = try Self.monthTotal(simulator, stateHome: stateHome)
        #expect(before.total > 0)
        let lines = try #require(before.json["instances"] as? [[String: Any]])
        #expect(lines.contains { $0["name"] as? String == "chat-prod" })
        let spends = lines.compactMap { $0["spend"] as? Double }
        #expect(spends == spends.sorted(by: >))
        #expect(Set(before.json.keys) == ["since", "until", "currencyCode", "instances", "totalSpend"])

        let second = try Self.dashboard(simulator, stateHome: stateHome, size: (80, 24))
        try await second.waitFor(text: "chat-prod")
        try second.send("6")
        let pane = try await second.waitFor("the Cost pane") { $0.contains("This month") && $0.contains("Most this month") }
        #expect(pane.contains("chat-prod"))
        try await Task.sleep(for: .seconds(4))
        try second.send("q")
        try await second.waitFor(text: "exit=0")
        second.close()
        let after = try Self.monthTotal(simulator, stateHome: stateHome)
        #expect(after.total > before.total)
    }

    @Test("--no-ledger writes nothing; a state directory that cannot be written is a warning, not a crash")
    func withoutLedger() async throws {
        let simulator = try SimulatorProcess()
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-e2e-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let dash = Products.url(of: "sesterce-dash").path
        let off = try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url) --refresh 1 --no-ledger; echo exit=$?",
            environment: ["SESTERCE_API_KEY": "demo-key", "XDG_STATE_HOME": stateHome.path])
        try await off.waitFor(text: "chat-prod")
        try off.send("6")
        try await off.waitFor(text: "No ledger")
        try off.send("q")
        try await off.waitFor(text: "exit=0")
        off.close()
        #expect(!FileManager.default.fileExists(atPath: stateHome.path))

        guard getuid() != 0 else { return }  // root writes anywhere
        try FileManager.default.createDirectory(at: stateHome, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: stateHome.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: stateHome.path) }
        let readOnly = try Self.dashboard(simulator, stateHome: stateHome)
        try await readOnly.waitFor(text: "No cost history: cannot write")
        try await readOnly.waitFor(text: "chat-prod")
        try readOnly.send("q")
        try await readOnly.waitFor(text: "exit=0")
        readOnly.close()
    }
}
