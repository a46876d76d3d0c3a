import DashboardCore

/// What `sesterce-dash config` prints: which files, profile, key source and
/// base URL a command would use, and the dashboard settings they add up to.
/// It names where the key comes from, never the key.
public struct ConfigReport: Sendable {
    /// Where the API key would come from.
    public enum KeySource: Sendable {
        /// `--demo`: the built-in simulator, no key needed.
        case demo
        /// `Credentials.source`: `file PATH`, `environment SESTERCE_API_KEY`, `profile NAME of FILE`.
        case found(String)
        /// Why no key could be had (every place looked in).
        case missing(String)
    }

    public var configFile: ConfigFile
    public var credentialsFile: String
    public var profile: String
    /// `--profile`, `config` or `default`.
    public var profileOrigin: String
    public var keySource: KeySource
    public var baseURL: String
    public var preferences: DashboardPreferences

    public init(
        configFile: ConfigFile, credentialsFile: String, profile: String, profileOrigin: String,
        keySource: KeySource, baseURL: String, preferences: DashboardPreferences
    ) {
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        self.profile = profile
        self.profileOrigin = profileOrigin
        self.keySource = keySource
        self.baseURL = baseURL
        self.preferences = preferences
    }

    /// False when no key was found: the command then exits with 2.
    public var hasKey: Bool {
        if case .missing = keySource { return false }
        return true
    }

    public func render() -> String {
        let key: String
        switch keySource {
        case .demo: key = "none needed: the built-in simulator (--demo)"
        case .found(let source): key = "from \(source)"
        case .missing(let why): key = "none found\n" + why.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
        }
        let rows: [(String, String)] = [
            ("Config file", configFile.shownPath + (configFile.exists ? "" : " (not found: defaults in use)")),
            ("Credentials file", credentialsFile),
            ("Profile", "\(profile) (\(profileOrigin))"),
            ("API key", key),
            ("Base URL", baseURL),
            ("Refresh", Self.seconds(preferences.refresh)),
            ("Theme", preferences.theme.rawValue),
            ("Keys", Self.remappedKeys(preferences.keymap)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label + ":" + String(repeating: " ", count: width - label.count + 2) + value
        }.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ value: Double) -> String {
        (value.rounded() == value ? String(Int(value)) : String(value)) + " s"
    }

    /// `standard`, or each remapped command with its keys: `quit=Q,Ctrl-C refresh=R`.
    private static func remappedKeys(_ keymap: Keymap) -> String {
        let changed = Command.remappable.filter { keymap.keys(for: $0) != Keymap.standard.keys(for: $0) }
        guard !changed.isEmpty else { return "standard" }
        return changed.map { command in
            (command.configName ?? command.summary) + "=" + keymap.keys(for: command).map(Keymap.label).joined(separator: ",")
        }.joined(separator: " ")
    }
}
