import Foundation
import Testing

/// A service that answers nothing for 30 s: the dashboard must keep
/// answering keys meanwhile, quit at once when asked, and give up on each
/// request by itself (every request has a connect and a total timeout).
@Suite("Hangs and timeouts", .serialized)
struct HangTests {
    static func launchAgainstHangingService() throws -> (TmuxSession, SimulatorProcess) {
        try DashboardEndToEndTests.launch(simulator: ["--latency-ms", "30000"])
    }

    @Test("while every request hangs, help, pane switch and quit answer at once and the terminal is restored")
    func keysAnswerWhileRequestsHang() async throws {
        let (tmux, simulator) = try Self.launchAgainstHangingService()
        defer { tmux.close(); _ = simulator }
        let clock = ContinuousClock()
        try await tmux.waitFor("the empty dashboard, loading") { $0.contains("1 Instances") && $0.contains("loading") }

        var started = clock.now
        try tmux.send("?")
        try await tmux.waitFor("the help", timeout: .seconds(8)) { $0.contains("Keys") && $0.contains("Esc or ? closes") }
        let help = clock.now - started
        try tmux.send("?")
        try await tmux.waitFor("the help closed", timeout: .seconds(8)) { !$0.contains("Esc or ? closes") }

        started = clock.now
        try tmux.send("2")
        try await tmux.waitFor("the Regions pane", timeout: .seconds(8)) { $0.contains("Regions (0)") }
        let paneSwitch = clock.now - started
        try await tmux.waitFor("still loading after the switch", timeout: .seconds(8)) { $0.contains("loading") }

        started = clock.now
        try tmux.send("q")
        let after = try await tmux.waitFor("the shell back, with the terminal settings", timeout: .seconds(8)) {
            $0.contains("exit=0") && $0.contains("icanon")
        }
        let quit = clock.now - started
        print("hang: help in \(help), pane switch in \(paneSwitch), quit in \(quit) while requests hung")
        let words = TmuxSession.words(after)
        #expect(words.contains("icanon"))
        #expect(words.contains("echo"))
        let (cursorVisible, alternateScreen) = try tmux.cursorAndScreen()
        #expect(cursorVisible)
        #expect(!alternateScreen)
    }

    @Test("a request that gets no answer times out by itself and says so; data still comes when the service answers again")
    func requestsTimeOut() async throws {
        let (tmux, simulator) = try Self.launchAgainstHangingService()
        defer { tmux.close(); _ = simulator }
        // 10 s without a byte ends a request; a read is tried three times.
        // The catalog's requests may time out first: wait for the instances' own failure.
        try await tmux.waitFor("the timeout reported", timeout: .seconds(60)) {
            $0.contains("Request timed out") && $0.contains("no data yet")
        }
        try await simulator.setFaults(#"{"latencyMs":0}"#)
        try tmux.send("r")
        try await tmux.waitFor("the instances", timeout: .seconds(30)) { $0.contains("chat-prod") }
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }
}
