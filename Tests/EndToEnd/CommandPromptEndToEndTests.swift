import Foundation
import Testing

/// The `:` prompt in the real binary (panes by name, Tab completion, ↑ recall,
/// `:q`), and `y`, the selected item as JSON.
@Suite("Command prompt end to end", .serialized)
struct CommandPromptEndToEndTests {
    @Test(":regions shows Regions, :hard<Tab> completes to hardware, ↑ recalls the last command, :q quits")
    func navigation() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch()
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")
        try tmux.send(":")
        try tmux.send("regions", literal: true)
        try await tmux.waitFor(text: ":regions")
        try tmux.send("Enter")
        try await tmux.waitFor("the Regions pane") { $0.contains("[R]EGION▲") }
        try tmux.send(":")
        try tmux.send("hard", literal: true)
        try tmux.send("Tab")
        try await tmux.waitFor(text: ":hardware")
        try tmux.send("Enter")
        try await tmux.waitFor("the Hardware pane") { $0.contains("GPU [M]EM") }
        try tmux.send(":")
        try tmux.send("Up")
        try await tmux.waitFor(text: ":hardware")
        try tmux.send("Escape")
        try tmux.send(":")
        try tmux.send("q", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("y shows the selected instance as JSON with its env values masked, scrolls with j, and closes with Esc")
    func rawJSON() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch()
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")
        // The detail (with the env) comes with the poll of the selected row.
        try tmux.send("Enter")
        try await tmux.waitFor(text: "Configuration")
        try tmux.send("y")
        let page = try await tmux.waitFor(text: "as JSON — Esc or y closes")
        #expect(page.contains("\"hardwareId\" : "))
        #expect(page.contains("lines 1-"))
        try tmux.send("G")
        let end = try await tmux.waitFor(text: "\"updatedAt\"")
        #expect(end.range(of: #""[A-Z_]+" : "(?!••••••)"#, options: .regularExpression) == nil)
        try tmux.send("Escape")
        try await tmux.waitFor("the JSON closed") { !$0.contains("as JSON") && $0.contains("Configuration") }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }
}
