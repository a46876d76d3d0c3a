import Foundation
import SesterceSimulator
import Testing

/// Signals from outside (Ctrl-C from another shell, `kill`, a closed
/// terminal) and a terminal resized over and over: the person must get their
/// terminal back as it was, and the screen must never be left garbled.
@Suite("Signals and terminal", .serialized)
struct SignalTests {
    static let dashboard = Products.url(of: "sesterce-dash").path

    /// The dashboard in tmux; after it exits the pane shows its status and `stty -a`.
    static func launch(_ simulator: SimulatorProcess, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(
            command: "'\(dashboard)' --api-url \(simulator.url) --refresh 1; echo exit=$?; stty -a",
            width: width, height: height, environment: ["SESTERCE_API_KEY": "demo-key"])
    }

    @Test(
        "SIGINT, SIGTERM and SIGHUP restore echo, canonical mode, the cursor and the main screen",
        arguments: [("SIGINT", SIGINT), ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)])
    func signalRestoresTerminal(name: String, signal: Int32) async throws {
        let simulator = try SimulatorProcess()
        let tmux = try Self.launch(simulator)
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor("the instances") { $0.contains("chat-prod") && $0.contains("ACTIVE") }
        let pid = try #require(try tmux.programPid(named: "sesterce-dash"))
        let before = try tmux.cursorAndScreen()
        #expect(before.alternateScreen)

        kill(pid, signal)
        let after = try await tmux.waitFor("the shell back after \(name)") { $0.contains("exit=") && $0.contains("icanon") }
        let words = TmuxSession.words(after)
        #expect(words.contains("exit=\(128 + signal)"))
        #expect(words.contains("icanon"))
        #expect(words.contains("echo"))
        #expect(!after.contains("chat-prod"))
        let (cursorVisible, alternateScreen) = try tmux.cursorAndScreen()
        #expect(cursorVisible)
        #expect(!alternateScreen)
    }

    /// A screen with every digit made `0`: two dashboards polled a second
    /// apart differ in ages and counters, not in layout.
    static func layout(_ screen: String) -> String {
        String(screen.map { $0.isNumber ? "0" : $0 })
    }

    @Test("a storm of resizes neither crashes nor leaves artefacts: the screen equals a fresh render at the final size")
    func resizeStorm() async throws {
        // Deployments crawl so that both dashboards see the same statuses.
        let simulator = try SimulatorProcess(arguments: ["--speed", "0.0001"])
        let final = (width: 100, height: 30)
        let stormed = try Self.launch(simulator)
        let fresh = try Self.launch(simulator, width: final.width, height: final.height)
        defer { stormed.close(); fresh.close(); _ = simulator }
        try await stormed.waitFor("the instances") { $0.contains("chat-prod") }
        try await fresh.waitFor("the instances at the final size") { $0.contains("chat-prod") }
        let pid = try #require(try stormed.programPid(named: "sesterce-dash"))

        let seed: UInt64 = 0x5E57_E2CE
        var generator = SeededGenerator(seed: seed)
        for step in 0..<150 {
            // Now and then too small (the dashboard says so and waits), else anything up to 250x80.
            let tiny = step % 10 == 3
            let width = tiny ? Int.random(in: 10...79, using: &generator) : Int.random(in: 80...250, using: &generator)
            let height = tiny ? Int.random(in: 3...23, using: &generator) : Int.random(in: 24...80, using: &generator)
            try stormed.resize(width: width, height: height)
        }
        try stormed.resize(width: final.width, height: final.height)

        let settled = try await stormed.waitFor("the stormed screen equal to a fresh one (seed \(seed))", timeout: .seconds(15)) { screen in
            Self.layout(screen) == Self.layout((try? fresh.screen()) ?? "")
        }
        #expect(ProcessInfoReader.isRunning(pid))
        #expect(try stormed.format("#{pane_width}x#{pane_height}") == "\(final.width)x\(final.height)")
        let lines = settled.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("127.0.0.1") == true)
        #expect(settled.contains("Instances (8)"))
        #expect(settled.contains("[N]AME"))
        try stormed.send("q")
        try await stormed.waitFor(text: "exit=0")
    }
}

