import ArgumentParser
import DashCommands
import Foundation
import TerminalUI

/// What every command does before and after its work: read the config, apply
/// its profile, connect, and turn failures into the documented exit codes.
enum CommandSetup {
    static let apiFailure: Int32 = 1
    static let usageError: Int32 = 2

    /// The config file, or exit 2 with `file:line: field: problem`.
    static func loadConfig(environment: [String: String]) throws -> ConfigFile {
        do {
            return try ConfigFile.load(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(usageError)
        }
    }

    static func refuseIfReadonly(_ readonly: Bool, _ action: String, _ id: String) throws {
        guard readonly else { return }
        FileHandle.standardError.write(Data("sesterce-dash: --readonly: not sending \(action) for instance \(id)\n".utf8))
        throw ExitCode(usageError)
    }

    /// Runs a scriptable command: its output on standard output; an API failure
    /// on standard error with exit 1.
    static func script(
        _ options: ConnectionOptions, _ format: OutputFormat, _ work: (ScriptCommands) async throws -> String
    ) async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try loadConfig(environment: environment)
        let connection = try await options.applying(config.config).connect(environment: environment)
        let outcome: Result<String, any Error>
        do {
            outcome = .success(try await work(ScriptCommands(client: connection.client, format: format)))
        } catch {
            outcome = .failure(error)
        }
        await connection.simulator?.stop()
        switch outcome {
        case .success(let text):
            print(text, terminator: "")
        case .failure(let error):
            FileHandle.standardError.write(Data("sesterce-dash: \(error)\n".utf8))
            throw ExitCode(error is CommandRefusal ? usageError : apiFailure)
        }
    }
}

extension ConnectionOptions {
    /// These options with the config file's profile when `--profile` was not given.
    func applying(_ config: DashConfig) -> ConnectionOptions {
        var options = self
        options.profile = DashboardPreferences.profile(flag: profile, config: config)
        return options
    }
}

extension Theme {
    init(_ choice: ThemeChoice) {
        switch choice {
        case .dark: self = .dark
        case .light: self = .light
        case .mono: self = .mono
        }
    }
}
