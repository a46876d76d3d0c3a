import DashboardCore
import Foundation

/// What `config.yaml` sets. Every field is optional: a missing one falls back
/// to the default, and a flag or the environment overrides a present one.
public struct DashConfig: Equatable, Sendable {
    /// Seconds between refreshes of the instance list.
    public var refresh: Double?
    public var theme: ThemeChoice?
    /// The standard keymap with the file's `keys:` applied (standard when none).
    public var keymap: Keymap = .standard
    /// The profile of the credentials file to use when `--profile` is not given.
    public var profile: String?
    /// Clicks and the wheel (`false` leaves the terminal's own selection alone).
    public var mouse: Bool?
    /// `budget: {monthly: 2000, daily: 100}`, dollars; nil when not set.
    public var budget: Budget?
    /// `ledger: {retentionDays: 400}`: how long the ledger keeps what it recorded.
    public var retentionDays: Int?
    /// `alerts:`: which events alert and how; the webhook's URL apart (it is checked when used).
    public var alerts = AlertSettings()
    public var webhook: URL?
    /// `detailRate:`: details of rows on screen asked at most this many a second.
    public var detailRate: Double?

    public init(
        refresh: Double? = nil, theme: ThemeChoice? = nil, keymap: Keymap = .standard, profile: String? = nil,
        mouse: Bool? = nil, budget: Budget? = nil, retentionDays: Int? = nil
    ) {
        self.refresh = refresh
        self.theme = theme
        self.keymap = keymap
        self.profile = profile
        self.mouse = mouse
        self.budget = budget
        self.retentionDays = retentionDays
    }

    /// The same bounds as `--refresh`.
    public static let refreshRange: ClosedRange<Double> = 1...3600
    public static let settings = ["refresh", "theme", "keys", "profile", "mouse", "budget", "ledger", "alerts", "detailRate"]
    public static let detailRateRange: ClosedRange<Double> = 0.1...50
    /// Details a second when `detailRate` is not set: the dashboard asks those
    /// of the 35 or so rows a screen shows, and is done within seconds.
    public static let dashboardDetailRate = 4.0
    /// `watch` asks those of every instance, around the clock, on the same
    /// account (and rate limit) as its users' dashboards: over a large account
    /// its sweep never rests, so it asks a quarter as often.
    public static let watchDetailRate = 1.0
    public static let defaultRetentionDays = 400
    /// A day to ten years.
    public static let retentionRange: ClosedRange<Int> = 1...3650
}
