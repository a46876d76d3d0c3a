import DashCommands
import DashboardCore
import Testing

/// Where the config file is looked for, and what flags and the environment
/// leave of it.
@Suite("Config file and precedence")
struct ConfigFileTests {
    @Test("XDG_CONFIG_HOME decides where the file is; ~/.config otherwise")
    func location() {
        #expect(ConfigFile.path(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/etc/ann"])
            == "/etc/ann/sesterce-dash/config.yaml")
        #expect(ConfigFile.path(environment: ["HOME": "/home/ann"]) == "/home/ann/.config/sesterce-dash/config.yaml")
        // The XDG rule: a relative XDG_CONFIG_HOME is ignored.
        #expect(ConfigFile.path(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "conf"])
            == "/home/ann/.config/sesterce-dash/config.yaml")
    }

    @Test("A missing file is fine: defaults")
    func missing() throws {
        let home = try TemporaryHome()
        let loaded = try ConfigFile.load(environment: home.environment, warn: WarningLog().sink)
        #expect(!loaded.exists)
        #expect(loaded.config == DashConfig())
        #expect(loaded.shownPath == "~/.config/sesterce-dash/config.yaml")
    }

    @Test("An error in the file is reported with the path as the person knows it")
    func errorNamesShownPath() throws {
        let home = try TemporaryHome()
        try home.write(".config/sesterce-dash/config.yaml", "refresh: 5\ntheme: blue\n")
        var message = ""
        do {
            _ = try ConfigFile.load(environment: home.environment, warn: WarningLog().sink)
        } catch {
            message = error.description
        }
        #expect(message == "~/.config/sesterce-dash/config.yaml:2: theme: expected dark, light or mono, got \"blue\"")
    }

    @Test("Refresh: the flag, else the config, else 5 seconds")
    func refreshPrecedence() {
        let config = DashConfig(refresh: 30)
        let flagged = DashboardPreferences(refreshFlag: 2, noColorFlag: false, environment: [:], config: config)
        let configured = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: [:], config: config)
        let defaulted = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: [:], config: DashConfig())
        #expect(flagged.refresh == 2)
        #expect(configured.refresh == 30)
        #expect(defaulted.refresh == 5)
    }

    @Test("Mouse: on, unless --no-mouse or the config's `mouse: false`")
    func mousePrecedence() {
        func mouse(flag: Bool, config: Bool?) -> Bool {
            DashboardPreferences(refreshFlag: nil, noColorFlag: false, noMouseFlag: flag, environment: [:],
                                 config: DashConfig(mouse: config)).mouse
        }
        #expect(mouse(flag: false, config: nil))
        #expect(mouse(flag: false, config: true))
        #expect(!mouse(flag: false, config: false))
        #expect(!mouse(flag: true, config: true))
    }

    @Test("Theme: --no-color and NO_COLOR win over the config, which wins over dark")
    func themePrecedence() {
        let config = DashConfig(theme: .light)
        let flagged = DashboardPreferences(refreshFlag: nil, noColorFlag: true, environment: [:], config: config)
        let environment = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: ["NO_COLOR": "1"], config: config)
        let emptyNoColor = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: ["NO_COLOR": ""], config: config)
        let defaulted = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: [:], config: DashConfig())
        #expect(flagged.theme == .mono)
        #expect(environment.theme == .mono)
        #expect(emptyNoColor.theme == .light)
        #expect(defaulted.theme == .dark)
    }

    @Test("The config's keys reach the dashboard's keymap")
    func keymap() throws {
        let config = try DashConfig(yaml: "keys:\n  refresh: R\n", file: "config.yaml")
        let preferences = DashboardPreferences(refreshFlag: nil, noColorFlag: false, environment: [:], config: config)
        #expect(preferences.keymap.bindings[.character("R")] == .refresh)
        #expect(preferences.keymap.bindings[.character("r")] == nil)
    }
}
