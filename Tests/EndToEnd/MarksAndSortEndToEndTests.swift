import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Shift-letter sorting and marks with a bulk stop, in the real binary
/// against a real `sesterce-sim`: the order on screen, and what the
/// simulator received and holds afterwards.
@Suite("Marks and sort letters end to end", .serialized)
struct MarksAndSortEndToEndTests {
    /// The table's rows (name, status) under the header line, as shown.
    static func rows(_ screen: String) -> [(name: String, status: String)] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("[N]AME") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { line in
            // A marked row starts with the mark column: "✓ name" or "  name".
            let fields = line.split(separator: " ").map(String.init).filter { $0 != "✓" }
            return fields.count >= 2 ? (fields[0], fields[1]) : nil
        }
    }

    /// The simulator's instances by name: id and status, as the API gives them.
    static func instances(of simulator: SimulatorProcess) async throws -> [String: (id: String, status: String)] {
        var request = URLRequest(url: URL(string: simulator.url + "/ai-inference/instances")!)
        request.setValue("demo-key", forHTTPHeaderField: "x-api-key")
        request.setValue("sesterce-dash-e2e", forHTTPHeaderField: "User-Agent")
        let (data, _) = try await URLSession.shared.data(for: request)
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var result: [String: (id: String, status: String)] = [:]
        for item in list {
            if let name = item["name"] as? String, let id = item["_id"] as? String, let status = item["status"] as? String {
                result[name] = (id, status)
            }
        }
        return result
    }

    @Test("Shift-S sorts by status and S again reverses; Space marks, x asks once, y stops each marked instance once")
    func marksAndSort() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("marks-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let (tmux, simulator) = try DashboardEndToEndTests.launch("--log-file '\(log.path)'")
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor("the instances, sorted by name") { $0.contains("[N]AME▲") && $0.contains("chat-prod") }

        // Shift-S: by status, A to Z; S again: Z to A. Each screen is one frame, sorted as a whole.
        try tmux.send("S")
        let ascending = try await tmux.waitFor("sorted by status") { $0.contains("[S]TATUS▲") }
        let up = Self.rows(ascending).map(\.status)
        #expect(up.count == 8 && up == up.sorted(), "\(up)")
        #expect(up != Self.rows(ascending).sorted { $0.name < $1.name }.map(\.status), "the order changed from by name")
        try tmux.send("S")
        let descending = try await tmux.waitFor("sorted by status, reversed") { $0.contains("[S]TATUS▼") }
        let down = Self.rows(descending).map(\.status)
        #expect(down.count == 8 && down == down.sorted(by: >), "\(down)")
        try tmux.send("N")  // back to names, A to Z (N on a column not sorted by starts ascending)
        try await tmux.waitFor(text: "[N]AME▲")

        let before = try await Self.instances(of: simulator)
        let running = before.filter { $0.value.status == "ACTIVE" }.keys.sorted()
        try #require(running.count >= 2, "two ACTIVE instances to stop: \(before)")
        let stopped = try #require(before.first { $0.value.status == "DISABLED" }?.key)
        let marked = Array(running.prefix(2)) + [stopped]
        for name in marked {
            try tmux.send("/")
            try tmux.send(name, literal: true)
            try tmux.send("Enter")
            try await tmux.waitFor("only \(name)") { Self.rows($0).map(\.name) == [name] }
            try tmux.send("Space")
            try await tmux.waitFor("\(name) marked") { $0.contains("✓ \(name)") }
            try tmux.send("Escape")
            try await tmux.waitFor(text: "Instances (8,")
        }
        try await tmux.waitFor(text: "Instances (8, 3 marked)")

        try tmux.send("x")
        let question = try await tmux.waitFor(text: "Stop 2 instances")
        #expect(question.contains("Left out, already stopped: \(stopped)."))
        #expect(question.contains("Burn rate: −$"))
        try tmux.send("y")
        let after = try await tmux.waitFor("both stopped on screen") { screen in
            let statuses = Dictionary(Self.rows(screen).map { ($0.name, $0.status) }) { first, _ in first }
            return running.prefix(2).allSatisfy { statuses[$0] == "DISABLED" }
        }
        #expect(!after.contains("marked)"), "the marks go once acted on")
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")

        // The simulator: the two stopped, the one left out still stopped, no other instance stopped.
        let now = try await Self.instances(of: simulator)
        for name in running.prefix(2) { #expect(now[name]?.status == "DISABLED", "\(name)") }
        #expect(now[stopped]?.status == "DISABLED")
        for (name, instance) in before where !marked.contains(name) && instance.status != "DISABLED" {
            #expect(now[name]?.status != "DISABLED", "\(name) was not marked and must not be stopped")
        }
        // Exactly one stop request per marked instance it applies to, none for the others.
        let stops = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains(" POST ") && $0.contains("/stop ") }
        let ids = running.prefix(2).compactMap { before[$0]?.id }
        #expect(stops.count == 2, "\(stops)")
        for id in ids { #expect(stops.filter { $0.contains("/instances/\(id)/stop ") }.count == 1, "\(id): \(stops)") }
    }
}
