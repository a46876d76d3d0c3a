import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A program running in a private tmux server (its own socket), driven as a
/// person would: keys in, screen text out. Only the processes it started are
/// ended, by their socket and id.
///
/// Sendable so that `waitFor`'s conditions, run on its polling thread, may
/// look at another session or this one's paste buffer: every method only runs
/// a tmux command on the socket, and `close()` is called by the test once done.
final class TmuxSession: @unchecked Sendable {
    let socket: String
    private(set) var closed = false
    private var configFile: URL?
    /// The server's socket file, removed on `close()` (`kill-server` leaves it).
    private var socketPath: String?
    /// `XDG_STATE_HOME` of the program when the test gives none: its ledger
    /// goes to a directory of its own, removed on `close()`, never the home's.
    private var stateHome: URL?

    /// Starts `command` (run by the shell) in a `width` x `height` pane that stays
    /// open after the command exits, so its last output can be read. (A shell
    /// left sleeping, not `remain-on-exit`: a dead pane loses its first line.)
    /// `options` are more lines of the server's config (`set -g set-clipboard on`).
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:], options: [String] = []) throws {
        socket = "sesterce-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var environment = environment
        if environment["XDG_STATE_HOME"] == nil {
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state")
            environment["XDG_STATE_HOME"] = state.path
            stateHome = state
        }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color \(exports) \(command); exec sleep 600"
        // Options come from a config file read at start: setting `status off`
        // afterwards resizes the pane under the program, and tmux then loses
        // lines of the main screen when the program leaves the alternate one.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try (["set -g status off"] + options).map { $0 + "\n" }.joined().write(to: config, atomically: true, encoding: .utf8)
        configFile = config
        try tmux(["-f", config.path, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main", script])
        let path = try tmux(["display-message", "-p", "-t", "main", "#{socket_path}"], readOutput: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        socketPath = path.isEmpty ? nil : path
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        if let configFile { try? FileManager.default.removeItem(at: configFile) }
        if let socketPath { unlink(socketPath) }
        if let stateHome { try? FileManager.default.removeItem(at: stateHome) }
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `j`) or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try Self.screen(socket: socket)
    }

    private static func screen(socket: String) throws -> String {
        try tmux(socket: socket, ["capture-pane", "-p", "-t", "main"], readOutput: true)
    }

    /// Waits (up to `timeout`) until the screen satisfies `condition`; returns the screen.
    ///
    /// The screen is looked at every 100 ms by a thread of its own, not by a
    /// task: when CPU-bound tests hold every thread of the concurrency pool, a
    /// task's sleep can end seconds late, and a state the program shows only
    /// for a moment (DEPLOYING, a reply streaming) would be missed. For the
    /// same reason the screen is always looked at once more after the deadline.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Duration = .seconds(20), _ condition: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        let socket = socket
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<String, any Error>, Never>) in
            Thread {
                let clock = ContinuousClock()
                let deadline = clock.now + timeout
                while true {
                    let lookedAt = clock.now
                    let screen: String
                    do { screen = try Self.screen(socket: socket) } catch { return continuation.resume(returning: .failure(error)) }
                    if condition(screen) { return continuation.resume(returning: .success(screen)) }
                    if lookedAt >= deadline { return continuation.resume(returning: .failure(WaitTimeout(screen: screen))) }
                    usleep(100_000)
                }
            }.start()
        }
        switch outcome {
        case .success(let screen):
            return screen
        case .failure(let timeout as WaitTimeout):
            Issue.record("Timed out waiting for \(description). Screen:\n\(timeout.screen)")
            throw timeout
        case .failure(let error):
            throw error
        }
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    struct WaitTimeout: Error {
        /// The last screen looked at.
        var screen: String
    }

    /// Whole words of a screen (so that `-icanon` is not taken for `icanon`).
    static func words(_ screen: String) -> Set<String> {
        Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    /// A tmux format evaluated for the pane, e.g. `#{pane_pid}`, `#{cursor_flag}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format], readOutput: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The shell tmux started for the pane.
    func panePid() throws -> pid_t? {
        pid_t(try format("#{pane_pid}"))
    }

    /// The process called `name` (its `comm`) that the pane's shell started,
    /// directly or further down: the program under test, found without
    /// guessing from names of other processes on the machine.
    func programPid(named name: String) throws -> pid_t? {
        guard let root = try panePid() else { return nil }
        var frontier = [root]
        while let parent = frontier.popLast() {
            for child in ProcessInfoReader.children(of: parent) {
                if ProcessInfoReader.command(of: child) == name { return child }
                frontier.append(child)
            }
        }
        return nil
    }

    /// From now on, copies what the program writes to the pane into `file`:
    /// the bytes the terminal receives, escape sequences included.
    func copyOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-O", "-t", "main", "cat > " + Self.quoted(file.path)])
    }

    /// The newest tmux paste buffer (what an OSC 52 copy put there with `set-clipboard on`).
    func pasteBuffer() throws -> String {
        try tmux(["show-buffer"], readOutput: true)
    }

    /// Changes the window (and so the pane) size, as a person resizing the terminal would.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the cursor is shown and whether the alternate screen is on.
    func cursorAndScreen() throws -> (cursorVisible: Bool, alternateScreen: Bool) {
        let flags = try format("#{cursor_flag} #{alternate_on}").split(separator: " ")
        return (flags.first == "1", flags.last == "1")
    }

    /// Runs a tmux command through the shell. Output is read only when asked:
    /// the server that `new-session` forks would keep a pipe open forever.
    /// (popen/pclose rather than Foundation's Process, whose waitUntilExit was
    /// seen to hang on a tmux client that had already exited.)
    @discardableResult
    private func tmux(_ arguments: [String], readOutput: Bool = false) throws -> String {
        try Self.tmux(socket: socket, arguments, readOutput: readOutput)
    }

    @discardableResult
    private static func tmux(socket: String, _ arguments: [String], readOutput: Bool = false) throws -> String {
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

/// What /proc tells about a process: its children, its name, its memory and
/// CPU time. Linux only, like the tmux tests that use it.
enum ProcessInfoReader {
    /// Processes whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { stat(of: $0)?.parent == pid }
    }

    /// The executable's short name (`comm`, at most 15 characters).
    static func command(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Fields of /proc/PID/stat: parent, and user + system CPU time in clock ticks.
    static func stat(of pid: pid_t) -> (parent: pid_t, cpuTicks: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm) ": state ppid ... utime(14th field) stime(15th).
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let parent = pid_t(fields[1]), let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return (parent, user + system)
    }

    /// Resident memory in KiB (VmRSS of /proc/PID/status).
    static func residentKiB(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }

    /// Whether `pid` is alive (and not a zombie waiting for its parent).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return false }
        return text[text.index(after: close)...].split(separator: " ").first != "Z"
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
        // The first line names the URL; the next one the endpoint key.
        let first = text.split(separator: "\n").first.map(String.init) ?? text
        guard let range = first.range(of: "http://") else { throw StartFailed(output: text) }
        url = String(first[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct StartFailed: Error { var output: String }

    var pid: pid_t { process.processIdentifier }

    /// Changes the simulator's faults while it runs (`PUT /_sim/faults`, e.g.
    /// `{"errorRate":0}`) and returns what it answered: the faults now in force.
    @discardableResult
    func setFaults(_ json: String) async throws -> String {
        var request = URLRequest(url: URL(string: url + "/_sim/faults")!)
        request.httpMethod = "PUT"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let text = String(decoding: data, as: UTF8.self)
        guard status == 200 else { throw FaultSwitchFailed(status: status, body: text) }
        return text
    }

    /// The faults in force (`GET /_sim/faults`).
    func faults() async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url + "/_sim/faults")!)
        return String(decoding: data, as: UTF8.self)
    }

    struct FaultSwitchFailed: Error { var status: Int; var body: String }

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
