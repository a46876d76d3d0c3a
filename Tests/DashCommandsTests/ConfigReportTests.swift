import DashCommands
import DashboardCore
import Testing

/// `sesterce-dash config`: what is in use, where it came from, never the key.
@Suite("Config report")
struct ConfigReportTests {
    static func report(_ keySource: ConfigReport.KeySource, config: DashConfig = DashConfig(), exists: Bool = false) -> ConfigReport {
        ConfigReport(
            configFile: ConfigFile(path: "/home/ann/.config/sesterce-dash/config.yaml", shownPath: "~/.config/sesterce-dash/config.yaml", exists: exists, config: config),
            credentialsFile: "~/.sesterce/credentials", profile: "work", profileOrigin: "config",
            keySource: keySource, baseURL: "https://api.cloud.sesterce.com",
            preferences: DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: [:], config: config))
    }

    @Test("Names the files, the profile and its origin, the key source and the base URL")
    func found() throws {
        let config = try DashConfig(yaml: "refresh: 10\ntheme: light\nprofile: work\nkeys:\n  quit: Q\n", file: "config.yaml")
        let text = Self.report(.found("profile work of ~/.sesterce/credentials"), config: config, exists: true).render()
        #expect(text == """
            Config file:       ~/.config/sesterce-dash/config.yaml
            Credentials file:  ~/.sesterce/credentials
            Profile:           work (config)
            API key:           from profile work of ~/.sesterce/credentials
            Base URL:          https://api.cloud.sesterce.com
            Refresh:           10 s
            Theme:             light
            Keys:              quit=Q,Ctrl-C

            """)
    }

    @Test("Says when there is no config file, and when no key was found")
    func missing() {
        let report = Self.report(.missing("No API key found. Looked in:\n  - --api-key-file (not given)"))
        let text = report.render()
        #expect(!report.hasKey)
        #expect(text.contains("~/.config/sesterce-dash/config.yaml (not found: defaults in use)"))
        #expect(text.contains("API key:           none found\n    No API key found. Looked in:\n      - --api-key-file (not given)"))
        #expect(text.contains("Keys:              standard"))
    }
}
