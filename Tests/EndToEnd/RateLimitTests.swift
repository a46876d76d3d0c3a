import Foundation
import Testing

/// A service that allows one request a second, as a new user would meet it:
/// every pane must fill, and once the first 429 has been answered the
/// dashboard keeps under the limit.
@Suite("Rate limit", .serialized)
struct RateLimitTests {
    /// What each pane shows once its data came.
    static let panes: [(key: String, shows: String)] = [
        ("1", "chat-prod"), ("2", "Dallas (US)"), ("3", "NVIDIA-A100"), ("4", "bge-m3"), ("5", "dockerhub-team"),
    ]

    @Test("At one request a second every pane fills within 30 s, and the service refuses nothing after the first burst")
    func everyPaneFills() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch("--refresh 5", simulator: ["--rate-limit", "1"])
        defer { tmux.close(); _ = simulator }
        let clock = ContinuousClock()
        let started = clock.now
        for pane in Self.panes {
            try tmux.send(pane.key)
            try await tmux.waitFor("pane \(pane.key) filled", timeout: .seconds(30)) { $0.contains(pane.shows) }
        }
        let filled = clock.now - started
        print("rate limit 1/s: every pane filled in \(filled)")
        #expect(filled < .seconds(30))

        let refusedAtFirst = try Self.refused(try await simulator.faults())
        // The first burst met the limit (how much of it was refused depends on
        // how soon the first 429 came back); nothing after it may be.
        #expect((1...6).contains(refusedAtFirst))
        // A refresh asks for everything again at once: the pace holds.
        try tmux.send("r")
        // Two more polls of the instances (each ages the header, then resets
        // it): by then every request of the refresh has gone out.
        for poll in 1...2 {
            try await tmux.waitFor("poll \(poll) aged", timeout: .seconds(30)) { $0.contains("updated 2s ago") }
            try await tmux.waitFor("poll \(poll) done", timeout: .seconds(30)) { $0.contains("updated 0s ago") }
        }
        #expect(try Self.refused(try await simulator.faults()) == refusedAtFirst)
        try tmux.send("q")
    }

    /// `rateLimited` of the simulator's `GET /_sim/faults`.
    static func refused(_ faults: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(faults.utf8)) as? [String: Any]
        return try #require(object?["rateLimited"] as? Int)
    }
}
