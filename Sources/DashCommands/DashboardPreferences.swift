import DashboardCore

/// What the dashboard runs with once flags, environment, config file and
/// defaults have been weighed, first found wins in that order.
public struct DashboardPreferences: Equatable, Sendable {
    public var refresh: Double
    public var theme: ThemeChoice
    public var keymap: Keymap

    public static let defaultRefresh: Double = 5

    /// - Parameters:
    ///   - refreshFlag: `--refresh`, nil when not given.
    ///   - noColorFlag: `--no-color`; it and `NO_COLOR` mean the mono theme.
    public init(refreshFlag: Double?, noColorFlag: Bool, environment: [String: String], config: DashConfig) {
        refresh = refreshFlag ?? config.refresh ?? Self.defaultRefresh
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        theme = noColor ? .mono : config.theme ?? .dark
        keymap = config.keymap
    }

    /// The credentials profile: `--profile` when given, else the config's, else `default`.
    public static func profile(flag: String?, config: DashConfig) -> String {
        flag ?? config.profile ?? Credentials.defaultProfile
    }
}
