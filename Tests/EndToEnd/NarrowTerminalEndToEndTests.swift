import Foundation
import Testing

/// The dashboard in a narrow tmux split (60x16), its message log (`!`), and
/// the request lines `--log-file` writes, read back.
@Suite("Narrow terminal, message log and request log, end to end", .serialized)
struct NarrowTerminalEndToEndTests {
    /// Once the table is up, every request fails until the footer says so;
    /// then the service answers again and the failure leaves the footer.
    static func failThenRecover(_ tmux: TmuxSession, _ simulator: SimulatorProcess) async throws {
        try await tmux.waitFor(text: "chat-prod")
        try await simulator.setFaults(#"{"errorRate":1}"#)
        try await tmux.waitFor(text: "Refresh failed")
        try await simulator.setFaults(#"{"errorRate":0}"#)
        try await tmux.waitFor("the failure gone from the footer") { !$0.contains("Refresh failed") && $0.contains("chat-prod") }
    }

    @Test("At 60x16 the header keeps the burn rate on one line, the table keeps NAME STATUS READY $/H, the footer ends with ? help; 59 columns is too small")
    func narrow() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch(size: (60, 16))
        defer { tmux.close(); _ = simulator }
        let screen = try await tmux.waitFor(text: "chat-prod")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("/h"))
        #expect(lines[2].hasPrefix("[N]AME"))
        for column in ["[S]TATUS", "[R]EADY", "$/[H]"] { #expect(lines[2].contains(column)) }
        #expect(!lines[2].contains("ADDR"))
        #expect(lines[15].hasSuffix("? help") || lines[15].contains("? help"))
        #expect(lines.allSatisfy { $0.count <= 60 })
        try tmux.resize(width: 59, height: 16)
        try await tmux.waitFor(text: "Terminal too small")
        try tmux.resize(width: 60, height: 16)
        try await tmux.waitFor("the table back") { $0.contains("chat-prod") && !$0.contains("too small") }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("! shows every message in full with its time, newest first; Esc closes it")
    func messageLog() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch(size: (60, 16))
        defer { tmux.close(); _ = simulator }
        try await Self.failThenRecover(tmux, simulator)
        try tmux.send("!")
        let log = try await tmux.waitFor(text: "Messages — Esc or ! closes")
        let entries = log.split(separator: "\n").filter { $0.contains("Refresh failed") }
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.range(of: #"│ \d\d:\d\d:\d\d  Refresh failed"#, options: .regularExpression) != nil })
        try tmux.send("Escape")
        try await tmux.waitFor("the log closed") { !$0.contains("Messages — Esc") && $0.contains("chat-prod") }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("--log-file: one line per request (time, method, path, status, duration, bytes, retry), one per failure with its reason; no key, no Swift dump")
    func requestLog() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let (tmux, simulator) = try DashboardEndToEndTests.launch("--log-file '\(log.path)'")
        defer { tmux.close(); _ = simulator }
        try await Self.failThenRecover(tmux, simulator)
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let stamp = #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#
        let request = try Regex(stamp + #"(GET|POST|PATCH|PUT|DELETE) (/[^ ?]*) (\d{3}) (\d+)ms (\d+)B retry=(\d+)$"#)
        let polls = lines.compactMap { try? request.wholeMatch(in: $0) }.filter { $0.output[2].substring == "/ai-inference/instances" }
        #expect(polls.count >= 2)
        #expect(polls.contains { $0.output[3].substring == "200" && Int($0.output[5].substring ?? "") ?? 0 > 0 })
        // The simulator's 5xx, as the service answered them, and the failed poll with its reason.
        #expect(polls.contains { $0.output[3].substring?.hasPrefix("5") == true })
        #expect(lines.contains { $0.contains(" instances failed: Server error (5") })
        for line in lines {
            #expect(line.range(of: stamp, options: .regularExpression) != nil, "\(line)")
            #expect(!line.contains("Optional("), "\(line)")
            #expect(!line.contains("demo-key"), "\(line)")
        }
    }
}
