import DashboardCore

/// What the dashboard runs with once flags, environment, config file and
/// defaults have been weighed, first found wins in that order.
public struct DashboardPreferences: Equatable, Sendable {
    public var refresh: Double
    public var theme: ThemeChoice
    public var keymap: Keymap
    public var mouse: Bool

    public static let defaultRefresh: Double = 5

    /// - Parameters:
    ///   - refreshFlag: `--refresh`, nil when not given.
    ///   - noColorFlag: `--no-color`; it and `NO_COLOR` mean the mono theme.
    ///   - noMouseFlag: `--no-mouse`; else the config's `mouse`, on by default.
    public init(refreshFlag: Double?, noColorFlag: Bool, noMouseFlag: Bool = false, environment: [String: String],
                config: DashConfig) {
        refresh = refreshFlag ?? config.refresh ?? Self.defaultRefresh
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        theme = noColor ? .mono : config.theme ?? .dark
        keymap = config.keymap
        mouse = !noMouseFlag && config.mouse ?? true
    }

    /// The credentials profile: `--profile` when given, else the config's, else `default`.
    public static func profile(flag: String?, config: DashConfig) -> String {
        flag ?? config.profile ?? Credentials.defaultProfile
    }
}
