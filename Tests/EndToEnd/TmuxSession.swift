import Foundation
import Testing

/// A program running in a private tmux server (its own socket), driven as a
/// person would: keys in, screen text out. Only the processes it started are
/// ended, by their socket and id.
final class TmuxSession {
    let socket: String
    private(set) var closed = false
    private var configFile: URL?

    /// Starts `command` (run by the shell) in a `width` x `height` pane that stays
    /// open after the command exits, so its last output can be read. (A shell
    /// left sleeping, not `remain-on-exit`: a dead pane loses its first line.)
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "sesterce-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color \(exports) \(command); exec sleep 600"
        // Options come from a config file read at start: setting `status off`
        // afterwards resizes the pane under the program, and tmux then loses
        // lines of the main screen when the program leaves the alternate one.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try "set -g status off\n".write(to: config, atomically: true, encoding: .utf8)
        configFile = config
        try tmux(["-f", config.path, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main", script])
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        if let configFile { try? FileManager.default.removeItem(at: configFile) }
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `j`) or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"], readOutput: true)
    }

    /// Waits (up to `timeout`) until the screen satisfies `condition`; returns the screen.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Duration = .seconds(20), _ condition: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("Timed out waiting for \(description). Screen:\n\(last)")
        throw WaitTimeout()
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    struct WaitTimeout: Error {}

    /// Runs a tmux command through the shell. Output is read only when asked:
    /// the server that `new-session` forks would keep a pipe open forever.
    /// (popen/pclose rather than Foundation's Process, whose waitUntilExit was
    /// seen to hang on a tmux client that had already exited.)
    @discardableResult
    private func tmux(_ arguments: [String], readOutput: Bool = false) throws -> String {
        let command = (["tmux", "-L", socket] + arguments).map(Self.quoted).joined(separator: " ")
            + (readOutput ? " 2>/dev/null" : " >/dev/null 2>&1")
        guard let stream = popen(command, "r") else { throw CommandFailed(command: command) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, stream)
            if count <= 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        pclose(stream)
        return String(decoding: data, as: UTF8.self)
    }

    struct CommandFailed: Error { var command: String }

    static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `sesterce-sim` started as its own process on a free port.
final class SimulatorProcess {
    let process = Process()
    let url: String

    init(arguments: [String] = []) throws {
        process.executableURL = Products.url(of: "sesterce-sim")
        process.arguments = ["--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else { throw StartFailed(output: text) }
        url = String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct StartFailed: Error { var output: String }

    deinit {
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// Where `swift build` put the executables: beside the test bundle.
enum Products {
    static func url(of name: String) -> URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }
}
