import Foundation

/// What the ledger remembers of the account's spend, as the Cost pane and the
/// budget need it. Plain values: the ledger fills it, the dashboard shows it.
public struct CostHistory: Equatable, Sendable {
    /// Observed spend (the dashboard was watching) and estimated spend (across
    /// a gap, where the instance was unchanged at both ends), in dollars.
    public struct Spend: Equatable, Sendable {
        public var observed: Double
        public var estimated: Double
        public var total: Double { observed + estimated }

        public init(observed: Double = 0, estimated: Double = 0) {
            self.observed = observed
            self.estimated = estimated
        }
    }

    /// One instance's spend this month, and per day of the month so far.
    public struct InstanceSpend: Equatable, Sendable {
        public var id: String
        public var name: String
        public var status: String
        public var month: Spend
        public var daily: [Double]

        public init(id: String, name: String, status: String, month: Spend, daily: [Double]) {
            self.id = id
            self.name = name
            self.status = status
            self.month = month
            self.daily = daily
        }
    }

    /// When it was read.
    public var at: Date
    /// Average $/h per bucket of each window, oldest first, the last bucket
    /// holding `at`.
    public var burn: [CostWindow: [Double]]
    /// Since 00:00 UTC, and since the 1st of the month, UTC.
    public var today: Spend
    public var month: Spend
    /// The instances that cost most this month, most first (only when asked).
    public var topInstances: [InstanceSpend]

    public init(at: Date, burn: [CostWindow: [Double]], today: Spend, month: Spend, topInstances: [InstanceSpend]) {
        self.at = at
        self.burn = burn
        self.today = today
        self.month = month
        self.topInstances = topInstances
    }
}

/// The spans the burn-rate chart shows, and how finely.
public enum CostWindow: Int, CaseIterable, Hashable, Sendable {
    case hour, day, week, month

    public var title: String {
        switch self {
        case .hour: "last hour"
        case .day: "24 h"
        case .week: "7 days"
        case .month: "30 days"
        }
    }

    /// Seconds per bucket.
    public var bucketSeconds: Int {
        switch self {
        case .hour: 60
        case .day: 900
        case .week: 3600
        case .month: 14_400
        }
    }

    public var buckets: Int {
        switch self {
        case .hour: 60
        case .day: 96
        case .week: 168
        case .month: 180
        }
    }

    public var seconds: Int { bucketSeconds * buckets }
    public var next: CostWindow { CostWindow(rawValue: (rawValue + 1) % Self.allCases.count)! }
}
