import Foundation
import Testing

/// Stop timers, events and the headless watcher, as a person and a script
/// use them: the real binaries against `sesterce-sim`, one ledger file.
@Suite("Watching end to end")
struct WatchingEndToEndTests {
    typealias Script = ScriptableCommandTests

    /// A state directory of its own: the ledger these runs share.
    final class StateDirectory {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-state-\(UUID().uuidString)").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func environment(_ state: StateDirectory, _ simulator: SimulatorProcess) -> [String: String] {
        ["XDG_STATE_HOME": state.path, "SESTERCE_API_KEY": "demo-key", "SESTERCE_API_URL": simulator.url]
    }

    /// `sesterce-dash watch` started in the background with stdin on /dev/null.
    final class Watcher {
        let process = Process()
        let output: URL

        init(_ arguments: [String], environment: [String: String]) throws {
            output = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-watch-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.executableURL = Products.url(of: "sesterce-dash")
            process.arguments = ["watch"] + arguments
            process.environment = environment.merging(["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]) { a, _ in a }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        var lines: [String] { ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }

        /// Waits (at most `timeout`) until a line says `text`.
        func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> String? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let line = lines.first(where: { $0.contains(text) }) { return line }
                try await Task.sleep(for: .milliseconds(100))
            }
            return nil
        }

        /// SIGTERM, then the seconds it took to exit and its status.
        func terminate() -> (seconds: Double, status: Int32) {
            let started = ContinuousClock.now
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return ((ContinuousClock.now - started) / .seconds(1), process.terminationStatus)
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(at: output)
        }
    }

    @Test("timer set by name, list, cancel; events lists them; a wrong name, --readonly and a watch --detail-rate out of range exit 2")
    func timerCommands() throws {
        let simulator = try SimulatorProcess(), state = StateDirectory()
        let environment = Self.environment(state, simulator)
        let set = try Script.dash(["timer", "set", "chat-prod", "--in", "2h"], environment: environment)
        #expect(set.status == 0, "\(set.errors)")
        #expect(set.output.contains("chat-prod (") && set.output.contains("in 2h"))
        let list = try Script.dash(["timer", "list", "--output", "json"], environment: environment)
        let timers = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(timers.count == 1 && timers.first?["instanceName"] as? String == "chat-prod")
        #expect((timers.first?["secondsLeft"] as? Int).map { (7100...7200).contains($0) } == true)
        #expect(try Script.dash(["timer", "set", "no-such-instance", "--in", "1h"], environment: environment).status == 2)
        #expect(try Script.dash(["timer", "set", "chat-prod", "--at", "25:00"], environment: environment).status == 2)
        #expect(try Script.dash(["--readonly", "timer", "cancel", "chat-prod"], environment: environment).status == 2)
        let rate = try Script.dash(["watch", "--detail-rate", "0"], environment: environment)
        #expect(rate.status == 2 && rate.errors.contains("--detail-rate must be between 0.1 and 50"), "\(rate.errors)")
        let cancel = try Script.dash(["timer", "cancel", "chat-prod"], environment: environment)
        #expect(cancel.status == 0 && cancel.output.contains("cancelled"))
        #expect(try Script.dash(["timer", "list"], environment: environment).output == "No stop timers.\n")
        let events = try Script.dash(["events", "--output", "json"], environment: environment)
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(events.output.utf8)) as? [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds == ["timerCancelled", "timerSet"])
    }

    @Test("watch: headless, one JSON line per event, a due timer fired exactly once by two watchers, SIGTERM ends it with 0 within 5 s")
    func watchers() async throws {
        let simulator = try SimulatorProcess(), state = StateDirectory()
        let environment = Self.environment(state, simulator)
        #expect(try Script.dash(["timer", "set", "coder-assist", "--in", "4s"], environment: environment).status == 0)
        let first = try Watcher(["--refresh", "1", "--output", "json"], environment: environment)
        let second = try Watcher(["--refresh", "1"], environment: environment)
        // The two share the ledger: the timer fires once, and each change is
        // reported by the one that recorded it first, once.
        func firings() -> Int {
            first.lines.filter { $0.contains("timerFired") }.count + second.lines.filter { $0.contains("stop timer fired") }.count
        }
        func stops() -> Int {
            first.lines.filter { $0.contains("coder-assist") && $0.contains("\"new\":\"DISABLED\"") }.count
                + second.lines.filter { $0.contains("coder-assist: ") && $0.contains("→ DISABLED") }.count
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while stops() == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .seconds(2))  // a second firing or report would show by now
        #expect(firings() == 1)
        #expect(stops() == 1)
        for line in first.lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["kind"] is String && object?["text"] is String, "\(line)")
        }
        for watcher in [first, second] {
            let (seconds, status) = watcher.terminate()
            #expect(status == 0)
            #expect(seconds < 5)
        }
        let events = try Script.dash(["events", "--output", "json"], environment: environment)
        let kept = try #require(try JSONSerialization.jsonObject(with: Data(events.output.utf8)) as? [[String: Any]])
        #expect(kept.filter { $0["kind"] as? String == "timerFired" }.count == 1)
        #expect(kept.filter { $0["kind"] as? String == "status" && $0["new"] as? String == "DISABLED"
            && $0["instanceName"] as? String == "coder-assist" }.count == 1)
    }
}
