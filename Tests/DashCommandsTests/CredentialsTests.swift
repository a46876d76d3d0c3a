import DashCommands
import Foundation
import Testing

/// Which API key a command uses: `--api-key-file`, then `SESTERCE_API_KEY`,
/// then a profile of `~/.sesterce/credentials` (`--profile`, else the
/// config's, else `default`).
@Suite("Credentials")
struct CredentialsTests {
    static let credentials = """
        [default]
        sesterce_api_key = key-from-default

        [work]
        sesterce_api_key = key-from-work
        """

    @Test("The key file wins over the environment and the profile")
    func keyFileFirst() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", Self.credentials)
        let keyFile = try home.write("key.txt", "  key-from-file\n")
        var environment = home.environment
        environment["SESTERCE_API_KEY"] = "key-from-environment"
        let found = try Credentials.resolve(keyFile: keyFile, profile: "default", environment: environment)
        #expect(found.key == "key-from-file")
        #expect(found.source == "file \(keyFile)")
    }

    @Test("The environment wins over the profile")
    func environmentSecond() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", Self.credentials)
        var environment = home.environment
        environment["SESTERCE_API_KEY"] = "key-from-environment"
        let found = try Credentials.resolve(keyFile: nil, profile: "work", environment: environment)
        #expect(found.key == "key-from-environment")
        #expect(found.source == "environment SESTERCE_API_KEY")
    }

    @Test("The profile named by --profile, else the config's, else default")
    func profileOrder() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", Self.credentials)
        let config = try DashConfig(yaml: "profile: work", file: "config.yaml")

        let fromConfig = DashboardPreferences.profile(flag: nil, config: config)
        let fromFlag = DashboardPreferences.profile(flag: "default", config: config)
        let fallback = DashboardPreferences.profile(flag: nil, config: DashConfig())
        #expect(fromConfig == "work")
        #expect(fromFlag == "default")
        #expect(fallback == "default")

        let found = try Credentials.resolve(keyFile: nil, profile: fromConfig, environment: home.environment)
        #expect(found.key == "key-from-work")
        #expect(found.source == "profile work of ~/.sesterce/credentials")
    }

    @Test("No key anywhere lists every place looked in, and the profiles there are")
    func notFound() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", Self.credentials)
        var message = ""
        do {
            _ = try Credentials.resolve(keyFile: nil, profile: "staging", environment: home.environment)
        } catch {
            message = String(describing: error)
        }
        #expect(message.contains("No API key found"))
        #expect(message.contains("profile [staging] of ~/.sesterce/credentials (no sesterce_api_key; profiles: default, work)"))
        #expect(message.contains("SESTERCE_API_KEY (not set)"))
    }

    @Test("A missing key file is an error, not a fall-through to the next source")
    func unreadableKeyFile() throws {
        let home = try TemporaryHome()
        var environment = home.environment
        environment["SESTERCE_API_KEY"] = "key-from-environment"
        var failure: (any Error)?
        do {
            _ = try Credentials.resolve(keyFile: home.path + "/missing", profile: "default", environment: environment)
        } catch {
            failure = error
        }
        #expect(failure is Credentials.Unreadable)
    }

    @Test("Printing the credentials shows the source and never the key")
    func descriptionHidesKey() {
        let credentials = Credentials(key: "sk-very-secret", source: "environment SESTERCE_API_KEY")
        let shown = [String(describing: credentials), String(reflecting: credentials), "\(credentials)"]
        let leaking = shown.filter { $0.contains("sk-very-secret") }
        let naming = shown.filter { $0.contains("environment SESTERCE_API_KEY") }
        #expect(leaking.isEmpty)
        #expect(naming.count == shown.count)
    }
}
