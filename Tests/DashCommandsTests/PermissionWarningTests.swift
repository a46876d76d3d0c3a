import DashCommands
import Foundation
import Testing

/// Like ssh: a file holding the key (or the settings) that other users can
/// read gets a warning, and a private one does not.
@Suite("Permission warnings")
struct PermissionWarningTests {
    @Test("A credentials file readable by others is warned about, with the command that fixes it")
    func credentialsTooOpen() throws {
        let home = try TemporaryHome()
        let path = try home.write(".sesterce/credentials", "[default]\nsesterce_api_key = k\n", mode: 0o644)
        let warnings = WarningLog()
        _ = try Credentials.resolve(keyFile: nil, profile: "default", environment: home.environment, warn: warnings.sink)
        #expect(warnings.messages == [
            "warning: permissions 0644 for '~/.sesterce/credentials' are too open: other users of this machine may read it. Run: chmod 600 '\(path)'",
        ])
    }

    @Test("An open credentials file is warned about even when the key comes from the environment")
    func credentialsTooOpenUnused() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", "[default]\nsesterce_api_key = k\n", mode: 0o644)
        var environment = home.environment
        environment["SESTERCE_API_KEY"] = "from-environment"
        let warnings = WarningLog()
        let found = try Credentials.resolve(keyFile: nil, profile: "default", environment: environment, warn: warnings.sink)
        #expect(found.source == "environment SESTERCE_API_KEY")
        #expect(warnings.messages.count == 1)
    }

    @Test("A private credentials file gets no warning")
    func credentialsPrivate() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", "[default]\nsesterce_api_key = k\n", mode: 0o600)
        let warnings = WarningLog()
        _ = try Credentials.resolve(keyFile: nil, profile: "default", environment: home.environment, warn: warnings.sink)
        #expect(warnings.messages.isEmpty)
    }

    @Test("A key file readable by the group is warned about")
    func keyFileTooOpen() throws {
        let home = try TemporaryHome()
        let path = try home.write("key", "k", mode: 0o640)
        let warnings = WarningLog()
        _ = try Credentials.resolve(keyFile: path, profile: "default", environment: home.environment, warn: warnings.sink)
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains("permissions 0640 for '\(path)' are too open") == true)
    }

    @Test("A config file readable by others is warned about; a private one is not")
    func configTooOpen() throws {
        let home = try TemporaryHome()
        try home.write(".config/sesterce-dash/config.yaml", "theme: light\n", mode: 0o604)
        let warnings = WarningLog()
        let loaded = try ConfigFile.load(environment: home.environment, warn: warnings.sink)
        #expect(loaded.config.theme == .light)
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains("permissions 0604 for '~/.config/sesterce-dash/config.yaml' are too open") == true)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: loaded.path)
        let quiet = WarningLog()
        _ = try ConfigFile.load(environment: home.environment, warn: quiet.sink)
        #expect(quiet.messages.isEmpty)
    }
}
