import Foundation
import Testing

/// `:ctx` in the real binary: a credentials file of two profiles, each with
/// its own key and `sesterce_api_url`, pointing at two `sesterce-sim`
/// processes on loopback.
@Suite("Switching profiles end to end", .serialized)
struct ProfileSwitchEndToEndTests {
    /// A home with `.sesterce/credentials` (mode 600) holding `profiles`.
    static func home(_ profiles: [(name: String, key: String, url: String)]) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-ctx-\(UUID().uuidString)")
        let directory = home.appendingPathComponent(".sesterce")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("credentials")
        let text = profiles.map { "[\($0.name)]\nsesterce_api_key = \($0.key)\nsesterce_api_url = \($0.url)\n" }.joined(separator: "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return home
    }

    static func names(_ screen: String) -> Set<String> {
        Set(["chat-prod", "sdxl-render", "b-endpoint"].filter(screen.contains))
    }

    /// `:` then `text`, Enter.
    static func prompt(_ tmux: TmuxSession, _ text: String) throws {
        try tmux.send(":")
        try tmux.send(text, literal: true)
        try tmux.send("Enter")
    }

    @Test("A's instances, then :ctx b shows only B's (one created there), :ctx lists both, :ctx a is A again")
    func switches() async throws {
        // A: chat-prod and sdxl-render. B: none but the one created below.
        let a = try SimulatorProcess(arguments: ["--instances", "2"])
        let b = try SimulatorProcess(arguments: ["--instances", "0", "--api-key", "key-of-b", "--speed", "5"])
        let home = try Self.home([("a", "demo-key", a.url), ("b", "key-of-b", b.url)])
        defer { try? FileManager.default.removeItem(at: home) }
        let dash = Products.url(of: "sesterce-dash").path
        let tmux = try TmuxSession(
            command: "env -u SESTERCE_API_KEY -u SESTERCE_API_URL -u SESTERCE_CLOUD_API_URL '\(dash)' --profile a --refresh 1; echo exit=$?",
            environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path])
        defer { tmux.close(); _ = (a, b) }
        let hostA = String(a.url.dropFirst("http://".count)), hostB = String(b.url.dropFirst("http://".count))

        try await tmux.waitFor("A's instances") { Self.names($0) == ["chat-prod", "sdxl-render"] && $0.contains("\(hostA) [a]") }

        try Self.prompt(tmux, "ctx b")
        try await tmux.waitFor("B, empty") { $0.contains("\(hostB) [b]") && Self.names($0).isEmpty && $0.contains("Instances (0)") }
        try tmux.send("n")
        try await tmux.waitFor("the price before submitting") { $0.contains("Price at max (1 pod): $") }
        try tmux.send("b-endpoint", literal: true)
        try tmux.send("C-s")
        // In the table (not only in the form), and settled: no alert of its
        // deployment will cover the footer's next message.
        try await tmux.waitFor("B's new instance, active") {
            DashboardEndToEndTests.status(of: "b-endpoint", in: $0) == "ACTIVE" && Self.names($0) == ["b-endpoint"]
        }

        try Self.prompt(tmux, "ctx")
        try await tmux.waitFor(text: "profiles: a, b (in use); :ctx NAME switches")

        try Self.prompt(tmux, "ctx a")
        try await tmux.waitFor("A again") { Self.names($0) == ["chat-prod", "sdxl-render"] && $0.contains("\(hostA) [a]") }
        try Self.prompt(tmux, "ctx b")
        try await tmux.waitFor("B again") { Self.names($0) == ["b-endpoint"] && $0.contains("\(hostB) [b]") }

        try Self.prompt(tmux, "ctx nope")
        let refused = try await tmux.waitFor(text: "No profile nope in the credentials file")
        #expect(Self.names(refused) == ["b-endpoint"])
        #expect(!refused.contains("demo-key") && !refused.contains("key-of-b"))
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }
}
