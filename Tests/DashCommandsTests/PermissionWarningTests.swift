import DashCommands
import Foundation
import Testing

/// Like ssh, kept to what matters: a file holding a key that other users can
/// read gets a warning, a config only when others can change it.
@Suite("Permission warnings")
struct PermissionWarningTests {
    @Test("A credentials file readable by others is warned about, with the command that fixes it")
    func credentialsTooOpen() throws {
        let home = try TemporaryHome()
        let path = try home.write(".sesterce/credentials", "[default]\nsesterce_api_key = k\n", mode: 0o644)
        let warnings = WarningLog()
        _ = try Credentials.resolve(keyFile: nil, profile: "default", environment: home.environment, warn: warnings.sink)
        #expect(warnings.messages == [
            "warning: permissions 0644 for '~/.sesterce/credentials' are too open: other users of this machine may read the key in it. Run: chmod 600 '\(path)'",
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

    @Test("A key file only its owner may read, though others may run it, gets no warning")
    func keyFileExecutableByOthers() throws {
        let home = try TemporaryHome()
        let path = try home.write("key", "k", mode: 0o611)
        let warnings = WarningLog()
        _ = try Credentials.resolve(keyFile: path, profile: "default", environment: home.environment, warn: warnings.sink)
        #expect(warnings.messages.isEmpty)
    }

    @Test("A config file others can write is warned about; one they can only read (0644) is not: it holds no secret")
    func configWritableByOthers() throws {
        let home = try TemporaryHome()
        try home.write(".config/sesterce-dash/config.yaml", "theme: light\n", mode: 0o646)
        let warnings = WarningLog()
        let loaded = try ConfigFile.load(environment: home.environment, warn: warnings.sink)
        #expect(loaded.config.theme == .light)
        #expect(warnings.messages == [
            "warning: permissions 0646 for '~/.config/sesterce-dash/config.yaml' are too open: other users of this machine may change it. Run: chmod go-w '\(loaded.path)'",
        ])

        for mode in [0o644, 0o600] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: loaded.path)
            let quiet = WarningLog()
            _ = try ConfigFile.load(environment: home.environment, warn: quiet.sink)
            #expect(quiet.messages.isEmpty)
        }
    }
}
