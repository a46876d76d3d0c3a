import Foundation
import Testing

/// The real `sesterce-dash` binary as a script runs it: its standard output,
/// standard error and exit status.
@Suite("Scriptable commands end to end")
struct ScriptableCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary with `arguments` in a home of its own (no config, no
    /// credentials) and only the environment given, plus PATH.
    static func dash(
        _ arguments: [String], environment: [String: String] = [:], config: String? = nil, configMode: Int = 0o600
    ) throws -> Run {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-e2e-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        if let config {
            let folder = home.appendingPathComponent(".config/sesterce-dash")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("config.yaml")
            try config.write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: configMode], ofItemAtPath: file.path)
        }
        let stdout = home.appendingPathComponent("stdout")
        let stderr = home.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = Products.url(of: "sesterce-dash")
        process.arguments = arguments
        process.environment = environment.merging(
            ["HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { given, _ in given }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: try String(contentsOf: stdout, encoding: .utf8),
            errors: try String(contentsOf: stderr, encoding: .utf8))
    }

    @Test("list instances --demo --output json prints a JSON array and exits 0")
    func listInstancesJSON() throws {
        let run = try Self.dash(["list", "instances", "--demo", "--output", "json"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        let instances = try #require(parsed as? [[String: Any]])
        #expect(instances.count == 8)
        let names = instances.compactMap { $0["name"] as? String }
        #expect(names.contains("chat-prod"))
    }

    @Test("A request the API refuses exits 1 with its message on stderr")
    func apiFailure() throws {
        let run = try Self.dash(["stop", "whisper-batch", "--demo"])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("already stopped"))
    }

    @Test("An unknown instance name exits 2, nothing sent; a name is taken like an id")
    func instanceByName() throws {
        let unknown = try Self.dash(["start", "no-such-instance", "--demo"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("No instance named or with id 'no-such-instance'"))
        let started = try Self.dash(["start", "whisper-batch", "--demo"])
        #expect(started.status == 0)
        #expect(started.output.hasPrefix("Start requested for instance whisper-batch ("))
    }

    @Test("price refuses a region that is not ACTIVE (exit 2, naming it) unless --force")
    func priceRefusal() throws {
        let listed = try Self.dash(["list", "regions", "--demo", "--output", "json"])
        let regions = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let closed = try #require(regions.first { $0["state"] as? String != "ACTIVE" })
        let name = try #require(closed["name"] as? String)
        let refused = try Self.dash(["price", "--hardware", "1xL40S", "--region", name, "--max", "1", "--demo"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("Region \(name) ("))
        #expect(refused.errors.contains("not ACTIVE"))
        let forced = try Self.dash(["price", "--hardware", "1xL40S", "--region", name, "--max", "1", "--demo", "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("PER HOUR"))
    }

    @Test("No API key exits 2 and says where it looked")
    func noKey() throws {
        let run = try Self.dash(["list", "instances"], environment: ["SESTERCE_API_URL": "http://127.0.0.1:9"])
        #expect(run.status == 2)
        #expect(run.errors.contains("No API key found"))
    }

    @Test("A bad config file exits 2 naming the file, line and field")
    func badConfig() throws {
        let run = try Self.dash(["list", "instances", "--demo"], config: "refresh: 5\ntheme: blue\n")
        #expect(run.status == 2)
        #expect(run.errors.contains("~/.config/sesterce-dash/config.yaml:2: theme: expected dark, light or mono, got \"blue\""))
    }

    @Test("A config file others can change gets a warning on stderr, one they can only read none; the command still runs")
    func openConfig() throws {
        let run = try Self.dash(["list", "models", "--demo"], config: "theme: light\n", configMode: 0o664)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("NAME"))
        #expect(run.errors.contains("warning: permissions 0664 for '~/.config/sesterce-dash/config.yaml' are too open"))
        let readable = try Self.dash(["list", "models", "--demo"], config: "theme: light\n", configMode: 0o644)
        #expect(readable.status == 0)
        #expect(!readable.errors.contains("warning"))
    }

    @Test("A usage error exits 2")
    func usage() throws {
        let run = try Self.dash(["list", "everything", "--demo"])
        #expect(run.status == 2)
        #expect(run.errors.contains("everything"))
    }

    @Test("--readonly refuses stop without sending it, exit 2")
    func readonly() throws {
        let run = try Self.dash(["stop", "000000000000000000000000", "--demo", "--readonly"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--readonly"))
    }

    @Test("config names the key's source and never the key")
    func config() throws {
        let run = try Self.dash(["config"], environment: ["SESTERCE_API_KEY": "sk-e2e-secret"])
        #expect(run.status == 0)
        #expect(run.output.contains("API key:           from environment SESTERCE_API_KEY"))
        #expect(run.output.contains("Base URL:          https://api.cloud.sesterce.com"))
        #expect(!run.output.contains("sk-e2e-secret"))
        #expect(!run.errors.contains("sk-e2e-secret"))
    }

    @Test("config with a base URL it refuses exits 2, like every command")
    func configRefusedURL() throws {
        let run = try Self.dash(["config", "--api-url", "http://api.example.com"], environment: ["SESTERCE_API_KEY": "sk-e2e-secret"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--insecure-http"))
        #expect(!run.errors.contains("sk-e2e-secret"))
    }

    @Test("An explicit --profile default wins over the config's profile")
    func explicitDefaultProfile() throws {
        let fromConfig = try Self.dash(["config", "--demo"], config: "profile: work\n")
        #expect(fromConfig.output.contains("Profile:           work (config)"))
        let explicit = try Self.dash(["config", "--demo", "--profile", "default"], config: "profile: work\n")
        #expect(explicit.output.contains("Profile:           default (--profile)"))
    }
}
