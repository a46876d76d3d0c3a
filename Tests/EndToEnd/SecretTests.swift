import Foundation
import Testing

@testable import sesterce_dash

/// The API key can spend money: it must never show on screen, in the
/// `--log-file`, in error text or on the command line. And it must not cross
/// the network in the clear: plain `http://` is for this machine only unless
/// `--insecure-http` says otherwise.
@Suite("Secrets and transport", .serialized)
struct SecretTests {
    /// A key nobody would type by chance, so that any trace of it is found.
    static func distinctiveKey() -> String {
        "sk-e2e-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") + "-zq"
    }

    /// A private folder with the key file and the log, removed afterwards.
    struct Workspace {
        let folder: URL
        var keyFile: URL { folder.appendingPathComponent("key") }
        var logFile: URL { folder.appendingPathComponent("dash.log") }

        init(key: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-secret-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (key + "\n").write(to: keyFile, atomically: true, encoding: .utf8)
        }

        func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("the key is on no screen, in no log line and in no error text, nor in the dashboard's command line")
    func keyNeverShown() async throws {
        let key = Self.distinctiveKey()
        let simulator = try SimulatorProcess(arguments: ["--api-key", key])
        let workspace = try Workspace(key: key)
        defer { workspace.remove() }
        let tmux = try TmuxSession(
            command: "'\(Products.url(of: "sesterce-dash").path)' --api-url \(simulator.url) --refresh 1 "
                + "--api-key-file '\(workspace.keyFile.path)' --log-file '\(workspace.logFile.path)'; echo exit=$?")
        defer { tmux.close(); _ = simulator }
        var screens: [String] = []
        screens.append(try await tmux.waitFor("the instances") { $0.contains("chat-prod") && $0.contains("ACTIVE") })

        let pid = try #require(try tmux.programPid(named: "sesterce-dash"))
        let commandLine = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        #expect(!commandLine.isEmpty)
        #expect(!String(decoding: commandLine, as: UTF8.self).contains(key))

        // Every pane, an instance's detail (env values), the help.
        for (keyName, text) in [("2", "Singapore"), ("3", "NVIDIA-L40S"), ("4", "stable-diffusion"), ("5", "dockerhub-team"), ("1", "chat-prod")] {
            try tmux.send(keyName)
            screens.append(try await tmux.waitFor(text: text))
        }
        try tmux.send("Enter")
        screens.append(try await tmux.waitFor(text: "Configuration"))
        try tmux.send("Escape")
        try tmux.send("?")
        screens.append(try await tmux.waitFor(text: "Esc or ? closes"))
        try tmux.send("?")

        // Errors from the service: every request now fails with 5xx.
        try await simulator.setFaults(#"{"errorRate":1}"#)
        screens.append(try await tmux.waitFor(text: "Refresh failed"))
        try await simulator.setFaults(#"{"errorRate":0}"#)

        try tmux.send("q")
        screens.append(try await tmux.waitFor(text: "exit=0"))
        for screen in screens { #expect(!screen.contains(key)) }
        let log = workspace.log()
        #expect(log.contains("GET /ai-inference/instances 200 "))
        #expect(log.contains("failed"))
        #expect(!log.contains(key))
    }

    @Test("a rejected key is not repeated in the error shown or logged")
    func rejectedKeyNotRepeated() async throws {
        let simulator = try SimulatorProcess(arguments: ["--api-key", Self.distinctiveKey()])
        let wrongKey = Self.distinctiveKey()
        let workspace = try Workspace(key: wrongKey)
        defer { workspace.remove() }
        let tmux = try TmuxSession(
            command: "'\(Products.url(of: "sesterce-dash").path)' --api-url \(simulator.url) --refresh 1 "
                + "--api-key-file '\(workspace.keyFile.path)' --log-file '\(workspace.logFile.path)'; echo exit=$?")
        defer { tmux.close(); _ = simulator }
        let rejected = try await tmux.waitFor(text: "API key rejected")
        #expect(!rejected.contains(wrongKey))
        try tmux.send("q")
        let after = try await tmux.waitFor(text: "exit=0")
        #expect(!after.contains(wrongKey))
        let log = workspace.log()
        #expect(log.contains("API key rejected"))
        #expect(!log.contains(wrongKey))
    }

    // MARK: Plain http

    @Test(
        "plain http:// stays on this machine without --insecure-http",
        arguments: [
            ("http://127.0.0.1:8080", true), ("http://127.255.3.4", true), ("http://localhost:3000", true),
            ("http://LOCALHOST", true), ("http://[::1]:8080", true), ("http://[0:0:0:0:0:0:0:1]", true),
            ("https://api.cloud.sesterce.com", true), ("https://10.0.0.8", true),
            ("http://api.cloud.sesterce.com", false), ("http://10.0.0.8:8080", false), ("http://128.0.0.1", false),
            ("http://[::2]", false), ("http://localhost.example.com", false), ("http://127.0.0.1.nip.io", false),
            ("http://[::ffff:10.0.0.1]", false),
        ])
    func plainHTTPRule(url: String, allowed: Bool) throws {
        let parsed = try #require(URL(string: url))
        let refusal = ConnectionOptions.plainHTTPRefusal(parsed, insecureHTTPAllowed: false)
        #expect((refusal == nil) == allowed)
        #expect(ConnectionOptions.plainHTTPRefusal(parsed, insecureHTTPAllowed: true) == nil)
    }

    @Test("the refusal names the host and the way out")
    func refusalMessage() throws {
        let refusal = try #require(ConnectionOptions.plainHTTPRefusal(URL(string: "http://api.example.com/x")!, insecureHTTPAllowed: false))
        #expect(refusal.contains("api.example.com"))
        #expect(refusal.contains("--insecure-http"))
        #expect(refusal.contains("https://"))
    }

    @Test("sesterce-dash refuses http:// to another host with exit 2 and says why, before any request")
    func refusedByTheProgram() throws {
        let workspace = try Workspace(key: Self.distinctiveKey())
        defer { workspace.remove() }
        let run = try Run(Products.url(of: "sesterce-dash"), [
            "--api-url", "http://api.sesterce.invalid", "--api-key-file", workspace.keyFile.path,
        ])
        #expect(run.status == 2)
        #expect(run.errorText.contains("Refusing plain http:// to api.sesterce.invalid"))
        #expect(run.errorText.contains("--insecure-http"))
        let fromEnvironment = try Run(
            Products.url(of: "sesterce-dash"), ["--api-key-file", workspace.keyFile.path],
            environment: ["SESTERCE_API_URL": "http://api.sesterce.invalid"])
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.errorText.contains("Refusing plain http://"))
    }

    /// A program run to its end without a terminal: exit status and standard error.
    struct Run {
        var status: Int32
        var errorText: String

        init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            var variables = ProcessInfo.processInfo.environment
            for name in ["SESTERCE_API_URL", "SESTERCE_CLOUD_API_URL", "SESTERCE_API_KEY"] { variables[name] = nil }
            process.environment = variables.merging(environment) { $1 }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            status = process.terminationStatus
            errorText = String(decoding: data, as: UTF8.self)
        }
    }
}
