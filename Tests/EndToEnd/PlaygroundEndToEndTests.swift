import Foundation
import Testing

/// The playground in the real binary, in tmux, against a real `sesterce-sim`
/// serving endpoints: the secret asked once and never drawn, a reply
/// streaming in, Esc stopping one, the probe with its histogram, and curl.
@Suite("Playground end to end", .serialized)
struct PlaygroundEndToEndTests {
    static let secret = "tmux-endpoint-secret-913"

    @Test("p: secret (masked), a streamed reply with TTFT and tok/s, Esc stops one, b probes, u shows curl")
    func playground() async throws {
        let simulator = try SimulatorProcess(arguments: ["--endpoint-timing", "200ms,80ms", "--endpoint-key", Self.secret])
        let dash = Products.url(of: "sesterce-dash").path
        let tmux = try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url); echo exit=$?",
            environment: ["SESTERCE_API_KEY": "demo-key"])
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")

        try tmux.send("p")
        try await tmux.waitFor(text: "Endpoint secret")
        try tmux.send(Self.secret, literal: true)
        let masked = try await tmux.waitFor("the secret as dots") { $0.contains(String(repeating: "•", count: Self.secret.count)) }
        #expect(!masked.contains(Self.secret))
        try tmux.send("Enter")
        try await tmux.waitFor(text: "Playground · chat-prod · llama-3.1-8b-instruct")

        try tmux.send("Tell me about GPUs", literal: true)
        try tmux.send("Enter")
        // Mid-reply: the reply grows on screen, with the streaming cursor.
        let first = try await tmux.waitFor("a reply streaming") { $0.contains("▌") && $0.contains("Streaming") }
        let later = try await tmux.waitFor("the reply growing") { screen in
            screen.contains("▌") && Self.replyLength(screen) > Self.replyLength(first) + 10
        }
        #expect(Self.replyLength(later) > Self.replyLength(first))
        let done = try await tmux.waitFor("the figures under the reply") { $0.contains("tok/s") && !$0.contains("▌") }
        let figures = try #require(done.split(separator: "\n").first { $0.contains("TTFT") && $0.contains("tok/s") })
        #expect(figures.contains("tokens"))

        // Esc mid-stream stops it.
        try tmux.send("And more please", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the second reply streaming") { $0.contains("▌") }
        try tmux.send("Escape")
        try await tmux.waitFor(text: "stopped")

        // Esc leaves the prompt; b probes.
        try tmux.send("Escape")
        try await tmux.waitFor(text: "b: probe")
        try tmux.send("b")
        try await tmux.waitFor(text: "running… Esc stops")
        let probed = try await tmux.waitFor("the probe result", timeout: .seconds(120)) { $0.contains("TTFT histogram") }
        #expect(probed.contains("20 ok, 0 failed"))
        #expect(probed.contains("TTFT p50/p95"))

        try tmux.send("u")
        let curl = try await tmux.waitFor("the curl command") { $0.contains("curl -N") }
        #expect(curl.contains("$SESTERCE_ENDPOINT_KEY"))
        #expect(!curl.contains(Self.secret))

        // Esc clears the probe, then closes; q quits.
        try tmux.send("Escape")
        try tmux.send("Escape")
        try await tmux.waitFor("the instances again") { !$0.contains("Playground") && $0.contains("chat-prod") }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("an instance that is not ACTIVE: the playground says so and sends nothing")
    func notActive() async throws {
        let simulator = try SimulatorProcess(arguments: ["--endpoint-key", Self.secret])
        let dash = Products.url(of: "sesterce-dash").path
        let tmux = try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url); echo exit=$?",
            environment: ["SESTERCE_API_KEY": "demo-key", "SESTERCE_ENDPOINT_KEY": Self.secret])
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "support-bot-stag")  // cut at 120 columns
        try tmux.send("/")
        try tmux.send("support-bot", literal: true)
        try tmux.send("Enter")
        try tmux.send("p")
        // Both the panel and the footer: a capture may come between the two.
        try await tmux.waitFor("the playground refusing") {
            $0.contains("not ACTIVE: nothing is sent") && $0.contains("nothing can be sent")
        }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    /// Characters of the reply on screen: the main panel's lines (the side
    /// panel's 36 columns cut off) after the model's name, up to the figures or the rule.
    static func replyLength(_ screen: String) -> Int {
        let main = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.prefix(120 - 36)).replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces)
        }
        guard let start = main.lastIndex(where: { $0 == "llama-3.1-8b-instruct" }) else { return 0 }
        return main[(start + 1)...].prefix { !$0.hasPrefix("─") && !$0.contains("TTFT") }.map(\.count).reduce(0, +)
    }
}
