import Foundation
import Testing

/// The real `sesterce-dash` binary in tmux against a real `sesterce-sim`
/// process: what a person sees and can do, keys in and screen text out.
@Suite("Dashboard end to end", .serialized)
struct DashboardEndToEndTests {
    /// Runs the dashboard against a fresh simulator; after it exits, the pane
    /// shows its exit status and the terminal settings.
    static func launch(_ flags: String = "", size: (Int, Int) = (120, 40)) throws -> (TmuxSession, SimulatorProcess) {
        let simulator = try SimulatorProcess()
        let dash = Products.url(of: "sesterce-dash").path
        let session = try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url) --refresh 1 \(flags); echo exit=$?; stty -a",
            width: size.0, height: size.1, environment: ["SESTERCE_API_KEY": "demo-key"])
        return (session, simulator)
    }

    /// The rows of the table that mention `text`.
    static func rows(_ screen: String, containing text: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    @Test("Creates a registry through the form and deletes it again")
    func registries() async throws {
        let (tmux, simulator) = try Self.launch()
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")
        try tmux.send("5")
        try await tmux.waitFor(text: "dockerhub-team")
        try tmux.send("n")
        try await tmux.waitFor(text: "New registry")
        try tmux.send("e2e-registry", literal: true)
        try tmux.send("Tab")
        try tmux.send("docker.io/acme/e2e:1", literal: true)
        try tmux.send("Tab")
        try tmux.send("robot", literal: true)
        try tmux.send("Tab")
        try tmux.send("pa55word", literal: true)
        let typed = try await tmux.waitFor(text: "••••")
        #expect(!typed.contains("pa55word"))
        try tmux.send("C-s")
        let created = try await tmux.waitFor("the new registry in the list") { $0.contains("Registry e2e-registry created") && $0.contains("docker.io/acme/e2e:1") }
        #expect(!created.contains("pa55word"))
        try tmux.send("/")
        try tmux.send("e2e", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "(1 of 3)")
        try tmux.send("D")
        try await tmux.waitFor(text: "Delete registry e2e-registry?")
        try tmux.send("y")
        try await tmux.waitFor(text: "Registry e2e-registry deleted")
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("Shows the instances, switches panes, filters, opens a detail, stops an instance and quits cleanly")
    func tour() async throws {
        let (tmux, simulator) = try Self.launch()
        defer { tmux.close(); _ = simulator }
        let first = try await tmux.waitFor("instances with their status") { $0.contains("chat-prod") && $0.contains("ACTIVE") }
        #expect(first.contains("1 Instances"))
        #expect(first.contains("/h"))

        try tmux.send("2")
        try await tmux.waitFor(text: "Singapore (SG)")
        try tmux.send("3")
        try await tmux.waitFor(text: "NVIDIA-L40S")
        try tmux.send("4")
        try await tmux.waitFor(text: "stable-diffusion-xl")
        try tmux.send("5")
        try await tmux.waitFor(text: "dockerhub-team")
        try tmux.send("1")
        try await tmux.waitFor(text: "chat-prod")

        try tmux.send("/")
        try tmux.send("llama70b", literal: true)
        try tmux.send("Enter")
        let filtered = try await tmux.waitFor("the filtered table") { $0.contains("(1 of 8)") }
        #expect(Self.rows(filtered, containing: "chat-prod").isEmpty)
        try tmux.send("Enter")
        let detail = try await tmux.waitFor("the detail with its error") { $0.contains("Unexpected error occurred") }
        #expect(detail.contains("Regions"))
        #expect(detail.contains("Paris"))
        try tmux.send("Escape")
        try tmux.send("Escape")
        try await tmux.waitFor("the whole list again") { $0.contains("Instances (8)") }

        try tmux.send("/")
        try tmux.send("chat-prod", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "(1 of 8)")
        try tmux.send("x")
        try await tmux.waitFor(text: "Stop chat-prod?")
        try tmux.send("y")
        try await tmux.waitFor("chat-prod stopped") { screen in
            Self.rows(screen, containing: "chat-prod").contains { $0.contains("DISABLED") }
        }

        try tmux.send("q")
        let after = try await tmux.waitFor("exit status and terminal settings") { $0.contains("exit=0") && $0.contains("icanon") }
        let settings = after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(settings.contains("icanon"))
        #expect(settings.contains("echo"))
    }
}
