import Foundation
import Testing

/// `scripts/install.sh` as a newcomer runs it: into a PREFIX of its own, then
/// the installed binary run with an empty environment and no Swift toolchain
/// on PATH.
@Suite("Install end to end")
struct InstallTests {
    /// The package's root, where the script lives.
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `command` with `/bin/sh`, its output (both streams) in a file.
    static func shell(_ command: String) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-install-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(filePath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    @Test("Installs static binaries, completions and a man page under PREFIX; they run with an empty environment; --uninstall removes them")
    func install() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        // At low priority: the release build must not starve the timing of
        // the tests that run beside it.
        let installed = try Self.shell("PREFIX='\(prefix.path)' nice -n 15 scripts/install.sh")
        try #require(installed.status == 0, "install.sh failed:\n\(installed.output.suffix(3000))")
        let files = [
            "bin/sesterce-dash", "bin/sesterce-sim", "share/bash-completion/completions/sesterce-dash",
            "share/zsh/site-functions/_sesterce-dash", "share/fish/vendor_completions.d/sesterce-dash.fish",
            "share/man/man1/sesterce-dash.1",
        ]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) missing")
        }
        let dash = prefix.appendingPathComponent("bin/sesterce-dash").path

        // No Swift runtime library is loaded from outside the binary.
        let libraries = try Self.shell("ldd '\(dash)'")
        #expect(libraries.status == 0)
        #expect(!libraries.output.contains("libswift"), "dynamic Swift libraries:\n\(libraries.output)")
        #expect(!libraries.output.contains("not found"), "\(libraries.output)")

        let version = try Self.shell("env -i '\(dash)' --version")
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}(-dirty)?\)\n$"#, options: .regularExpression) != nil,
                "\(version.output)")
        let list = try Self.shell("env -i HOME='\(prefix.path)' '\(dash)' --demo list instances --output json")
        #expect(list.status == 0, "\(list.output)")
        #expect(list.output.contains("\"chat-prod\""))

        // The man page and completions come from the command definitions: every subcommand is there.
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/sesterce-dash.1"), encoding: .utf8)
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/sesterce-dash"), encoding: .utf8)
        for word in ["list", "start", "stop", "price", "config", "--no-mouse", "--demo"] {
            // mdoc writes an option as `Fl -no-mouse` (shown as --no-mouse).
            let inManual = word.hasPrefix("--") ? "Fl " + word.dropFirst() : word
            #expect(manual.contains(inManual), "man page lacks \(word)")
            #expect(bash.contains(word), "bash completion lacks \(word)")
        }
        let completes = try Self.shell(
            "bash -c 'source \"\(prefix.path)/share/bash-completion/completions/sesterce-dash\" && complete -p sesterce-dash'")
        #expect(completes.status == 0, "\(completes.output)")

        let removed = try Self.shell("PREFIX='\(prefix.path)' scripts/install.sh --uninstall")
        #expect(removed.status == 0)
        for file in files {
            #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) left behind")
        }
    }
}
