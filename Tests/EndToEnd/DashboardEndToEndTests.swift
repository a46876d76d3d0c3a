import Foundation
import Testing

/// The real `sesterce-dash` binary in tmux against a real `sesterce-sim`
/// process: what a person sees and can do, keys in and screen text out.
@Suite("Dashboard end to end", .serialized)
struct DashboardEndToEndTests {
    /// Runs the dashboard against a fresh simulator; after it exits, the pane
    /// shows its exit status and the terminal settings.
    static func launch(
        _ flags: String = "", size: (Int, Int) = (120, 40), simulator arguments: [String] = []
    ) throws -> (TmuxSession, SimulatorProcess) {
        let simulator = try SimulatorProcess(arguments: arguments)
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

    /// The status in the table row of the instance named `name` (rows start with the name).
    static func status(of name: String, in screen: String) -> String? {
        let row = screen.split(separator: "\n").first { $0.hasPrefix(name + " ") }
        return row?.split(separator: " ").dropFirst().first.map(String.init)
    }

    @Test("Deploys an instance through the form and sees it go ACTIVE, edits its max, clones it, deletes the clone")
    func instances() async throws {
        // At speed 2 a pod takes 2 s and a deletion 3 s: long enough for the
        // test to see DEPLOYING and DELETING even when it looks late.
        let (tmux, simulator) = try Self.launch(simulator: ["--speed", "2", "--partial-deploy-rate", "0"])
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")

        try tmux.send("n")
        try await tmux.waitFor(text: "New instance")
        try await tmux.waitFor("the price before submitting") { $0.contains("Price at max (1 pod): $") }
        try tmux.send("e2e-endpoint", literal: true)
        try tmux.send("C-s")
        try await tmux.waitFor("the new instance deploying") { Self.status(of: "e2e-endpoint", in: $0) == "DEPLOYING" }
        try await tmux.waitFor("the new instance active") { Self.status(of: "e2e-endpoint", in: $0) == "ACTIVE" }

        try tmux.send("e")
        try await tmux.waitFor(text: "Edit e2e-endpoint")
        // From Description: Source, Model, port, env, API keys, lifetime, Hardware, Regions, Same limits, Min, Max.
        for _ in 0..<11 { try tmux.send("Tab") }
        try await tmux.waitFor(text: "› Max pods")
        try tmux.send("BSpace")
        try tmux.send("3", literal: true)
        try await tmux.waitFor("the price at 3 pods") { $0.contains("Price at max (3 pods): $") && !$0.contains("updating") }
        try tmux.send("C-s")
        try await tmux.waitFor(text: "Saved e2e-endpoint")
        try tmux.send("Enter")
        try await tmux.waitFor("the new limits in the detail") { $0.contains("min 1 · max 3 · cooldown 300s") }
        try tmux.send("Escape")

        try tmux.send("c")
        try await tmux.waitFor(text: "Clone e2e-endpoint")
        try await tmux.waitFor(text: "e2e-endpoint-copy")
        try tmux.send("C-s")
        try await tmux.waitFor("the clone deploying") { Self.status(of: "e2e-endpoint-copy", in: $0) != nil }

        try tmux.send("D")
        try await tmux.waitFor(text: "Type its name")
        try tmux.send("e2e-endpoint-copy", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the clone deleting") { Self.status(of: "e2e-endpoint-copy", in: $0) == "DELETING" }
        let gone = try await tmux.waitFor("the clone gone") { Self.status(of: "e2e-endpoint-copy", in: $0) == nil }
        #expect(Self.status(of: "e2e-endpoint", in: gone) == "ACTIVE")

        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("--readonly: every change key flashes read-only and no change is ever sent")
    func readonly() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("readonly-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let (tmux, simulator) = try Self.launch("--readonly --log-file '\(log.path)'")
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")
        for key in ["n", "e", "c", "D", "s", "x"] {
            try tmux.send(key)
            try await tmux.waitFor("read-only after \(key)") { $0.contains("read-only") }
            try tmux.send("r")
            try await tmux.waitFor("the flash replaced") { !$0.contains("read-only") }
        }
        // Marking changes nothing; what acts on the marks says read-only.
        try tmux.send("Space")
        try tmux.send("Space")
        try await tmux.waitFor(text: "Instances (8, 2 marked)")
        for key in ["s", "x", "T", "D"] {
            try tmux.send(key)
            try await tmux.waitFor("read-only after \(key) on marks") { $0.contains("read-only: marked instances") }
            try tmux.send("r")
            try await tmux.waitFor("the flash replaced") { !$0.contains("read-only") }
        }
        try tmux.send("5")
        try await tmux.waitFor(text: "dockerhub-team")
        for key in ["n", "e", "D"] {
            try tmux.send(key)
            try await tmux.waitFor("read-only after \(key) on registries") { $0.contains("read-only") }
            try tmux.send("r")
            try await tmux.waitFor("the flash replaced") { !$0.contains("read-only") }
        }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
        // One line per HTTP exchange: reads, and price previews (a POST that changes nothing).
        let requests = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains(" /ai-inference/") }
        #expect(!requests.isEmpty)
        let changes = requests.filter { line in
            [" POST ", " PATCH ", " PUT ", " DELETE "].contains { line.contains($0) } && !line.contains("/instances/pricing ")
        }
        #expect(changes.isEmpty, "\(changes)")
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
        let settings = TmuxSession.words(after)
        #expect(settings.contains("icanon"))
        #expect(settings.contains("echo"))
    }
}
