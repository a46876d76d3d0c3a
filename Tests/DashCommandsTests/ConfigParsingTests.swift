import DashCommands
import DashboardCore
import Testing

/// `config.yaml` as a person writes it, and every mistake named by file, line and field.
@Suite("Config file parsing")
struct ConfigParsingTests {
    static let file = "~/.config/sesterce-dash/config.yaml"

    static func parse(_ text: String) throws(ConfigError) -> DashConfig {
        try DashConfig(yaml: text, file: file)
    }

    /// The error a text gives, as the person reads it; nil when it parses.
    static func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("Reads every setting, with comments and quoting")
    func everySetting() throws {
        let config = try Self.parse("""
            # sesterce-dash settings
            refresh: 10
            theme: light   # for a white terminal
            profile: work
            mouse: false
            keys:
              quit: Q
              refresh: [R, F5]
              help: "?"
            """)
        #expect(config.refresh == 10)
        #expect(config.theme == .light)
        #expect(config.profile == "work")
        #expect(config.mouse == false)
        #expect(config.keymap.keys(for: .quit) == [.character("Q"), .ctrl("c")])
        #expect(config.keymap.keys(for: .refresh) == [.character("R"), .function(5)])
        #expect(config.keymap.keys(for: .help) == [.character("?")])
    }

    @Test("Budget and ledger retention are read; a bad one names its line and field")
    func budgetAndLedger() throws {
        let config = try Self.parse("budget: {monthly: 2000, daily: 100}\nledger:\n  retentionDays: 30\n")
        #expect(config.budget == Budget(monthly: 2000, daily: 100))
        #expect(config.retentionDays == 30)
        #expect(try Self.parse("budget:\n  daily: 12.5\n").budget == Budget(daily: 12.5))
        #expect(Self.error("budget: {monthly: lots}")
            == "~/.config/sesterce-dash/config.yaml:1: budget.monthly: expected dollars above 0, got \"lots\"")
        #expect(Self.error("budget:\n  weekly: 5\n")
            == "~/.config/sesterce-dash/config.yaml:2: budget.weekly: unknown setting; known: monthly, daily")
        #expect(Self.error("ledger: {retentionDays: 0}")
            == "~/.config/sesterce-dash/config.yaml:1: ledger.retentionDays: expected days from 1 to 3650, got \"0\"")
    }

    @Test("An empty file, or one of comments only, changes nothing")
    func empty() throws {
        #expect(try Self.parse("") == DashConfig())
        #expect(try Self.parse("# nothing yet\n") == DashConfig())
    }

    @Test("mouse is true or false, nothing else")
    func mouseSetting() throws {
        #expect(try Self.parse("mouse: true\n").mouse == true)
        #expect(Self.error("mouse: off\n")
            == "~/.config/sesterce-dash/config.yaml:1: mouse: expected true or false, got \"off\"")
    }

    @Test("A fractional refresh is kept")
    func fractionalRefresh() throws {
        #expect(try Self.parse("refresh: 2.5").refresh == 2.5)
    }

    @Test("A bad theme names the file, line and field, and what would do")
    func badTheme() {
        #expect(Self.error("refresh: 5\n\ntheme: blue\n")
            == "~/.config/sesterce-dash/config.yaml:3: theme: expected dark, light or mono, got \"blue\"")
    }

    @Test("Refresh must be a number of seconds from 1 to 3600", arguments: ["0", "0.5", "3601", "soon", "-5", "''"])
    func badRefresh(value: String) {
        let error = Self.error("refresh: \(value)")
        #expect(error?.hasPrefix("~/.config/sesterce-dash/config.yaml:1: refresh: expected seconds from 1 to 3600, got ") == true)
    }

    @Test("An unknown setting is an error, not silently ignored")
    func unknownSetting() {
        #expect(Self.error("theme: dark\nrefesh: 10\n")
            == "~/.config/sesterce-dash/config.yaml:2: refesh: unknown setting; known: refresh, theme, keys, profile, mouse, budget, ledger, alerts, detailRate")
    }

    @Test("A list where one value belongs is an error")
    func listForScalar() {
        #expect(Self.error("theme:\n  - dark\n  - light\n")
            == "~/.config/sesterce-dash/config.yaml:2: theme: expected a single value")
    }

    @Test("A profile name must be one word")
    func badProfile() {
        #expect(Self.error("profile: my work\n")
            == "~/.config/sesterce-dash/config.yaml:1: profile: expected a profile name of ~/.sesterce/credentials, got \"my work\"")
    }

    @Test("An unknown command under keys names the entry and lists the known ones")
    func unknownCommand() throws {
        let error = try #require(Self.error("keys:\n  quit: Q\n  exit: x\n"))
        #expect(error.hasPrefix("~/.config/sesterce-dash/config.yaml:3: keys.exit: unknown command; known: show-instances, "))
        #expect(error.contains("refresh, help, messages, prompt, json, quit"))
    }

    @Test("An unknown key label names the entry's line")
    func unknownKey() throws {
        let error = try #require(Self.error("keys:\n  refresh:\n    - R\n    - Hyper-R\n"))
        #expect(error.hasPrefix("~/.config/sesterce-dash/config.yaml:4: keys.refresh: unknown key \"Hyper-R\""))
    }

    @Test("Two commands on one key is an error on the line of the second")
    func conflict() {
        #expect(Self.error("keys:\n  help: H\n  refresh: q\n")
            == "~/.config/sesterce-dash/config.yaml:3: keys.refresh: q is already the key of quit; map quit to another key too")
        #expect(Self.error("keys:\n  start: x\n")
            == "~/.config/sesterce-dash/config.yaml:2: keys.start: x is already the key of stop; map stop to another key too")
    }

    @Test("Ctrl-C cannot be taken from quit")
    func ctrlCAlwaysQuits() {
        #expect(Self.error("keys:\n  quit: Q\n  refresh: Ctrl-C\n")
            == "~/.config/sesterce-dash/config.yaml:3: keys.refresh: Ctrl-C always quits")
    }

    @Test("A key freed by remapping its command can be taken by another")
    func freedKey() throws {
        let keymap = try Self.parse("keys:\n  quit: Q\n  refresh: q\n").keymap
        #expect(keymap.bindings[.character("q")] == .refresh)
        #expect(keymap.bindings[.character("Q")] == .quit)
    }

    @Test("Swapping two commands' keys is allowed")
    func swap() throws {
        let keymap = try Self.parse("keys:\n  start: x\n  stop: s\n").keymap
        #expect(keymap.keys(for: .start) == [.character("x")])
        #expect(keymap.keys(for: .stop) == [.character("s")])
    }

    @Test("keys must be a section of command: key lines")
    func keysNotAMapping() {
        #expect(Self.error("keys: Q\n")
            == "~/.config/sesterce-dash/config.yaml:1: keys: expected `command: key` lines below it")
    }

    @Test("A setting given twice is an error")
    func duplicate() throws {
        let error = try #require(Self.error("theme: dark\ntheme: light\n"))
        #expect(error.hasPrefix("~/.config/sesterce-dash/config.yaml:"))
        #expect(error.hasSuffix("theme: set more than once"))
    }

    @Test("Broken YAML gives the line of the problem")
    func syntax() throws {
        let error = try #require(Self.error("refresh: 5\ntheme: [dark\nprofile: x\n"))
        #expect(error.hasPrefix("~/.config/sesterce-dash/config.yaml:"))
        #expect(error.contains("not valid YAML"))
        #expect(!error.hasPrefix("~/.config/sesterce-dash/config.yaml:1:"))
    }

    @Test("A file that is not a mapping says what it should hold")
    func notAMapping() {
        #expect(Self.error("- refresh\n- theme\n")
            == "~/.config/sesterce-dash/config.yaml:1: expected settings as `name: value` lines (refresh, theme, keys, profile, mouse, budget, ledger, alerts, detailRate)")
    }
}

/// `alerts:` and `detailRate:`.
@Suite("Config: alerts and detail rate")
struct AlertConfigTests {
    @Test("Reads which events alert, the bell, the desktop and the webhook; all on without a webhook by default")
    func alerts() throws {
        #expect(try ConfigParsingTests.parse("refresh: 5").alerts == AlertSettings())
        let config = try ConfigParsingTests.parse("""
            alerts:
              on: [error, budget, timer]
              bell: false
              desktop: true
              webhook: https://hooks.example.com/T000/B000
            detailRate: 2
            """)
        #expect(config.alerts == AlertSettings(on: [.error, .budget, .timer], bell: false, desktop: true, webhook: true))
        #expect(config.webhook?.absoluteString == "https://hooks.example.com/T000/B000")
        #expect(config.detailRate == 2)
    }

    @Test("Mistakes in alerts are named by line and field")
    func mistakes() {
        let file = ConfigParsingTests.file
        #expect(ConfigParsingTests.error("alerts:\n  on: [error, flood]\n")
            == "\(file):2: alerts.on: unknown event \"flood\"; known: error, partial, ready, stopped, deleted, budget, timer")
        #expect(ConfigParsingTests.error("alerts:\n  on: error\n")
            == "\(file):2: alerts.on: expected a list such as [error, partial, ready, stopped, deleted, budget, timer]")
        #expect(ConfigParsingTests.error("alerts:\n  bell: loud\n") == "\(file):2: alerts.bell: expected true or false, got \"loud\"")
        #expect(ConfigParsingTests.error("alerts:\n  webhook: ftp://x\n")
            == "\(file):2: alerts.webhook: expected an http(s) URL such as https://hooks.example.com/…")
        #expect(ConfigParsingTests.error("alerts:\n  sms: yes\n")?.contains("alerts.sms: unknown setting; known: on, bell, desktop, webhook") == true)
        #expect(ConfigParsingTests.error("detailRate: 500\n") == "\(file):1: detailRate: expected requests a second from 0.1 to 50, got \"500\"")
    }
}
