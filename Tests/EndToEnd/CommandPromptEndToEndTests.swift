import Foundation
import Testing

/// The `:` prompt in the real binary: panes by name, Tab completion, ↑ recall, `:q`.
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
        try await tmux.waitFor("the Regions pane") { $0.contains("REGION▲") }
        try tmux.send(":")
        try tmux.send("hard", literal: true)
        try tmux.send("Tab")
        try await tmux.waitFor(text: ":hardware")
        try tmux.send("Enter")
        try await tmux.waitFor("the Hardware pane") { $0.contains("GPU MEM") }
        try tmux.send(":")
        try tmux.send("Up")
        try await tmux.waitFor(text: ":hardware")
        try tmux.send("Escape")
        try tmux.send(":")
        try tmux.send("q", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "exit=0")
    }
}
