import Foundation

/// The top two rows: where the data comes from, how fresh it is, what it costs,
/// and the pane tabs.
public struct HeaderModel: Equatable, Sendable {
    public struct Tab: Equatable, Sendable {
        public var number: Int
        public var title: String
        public var active: Bool
    }

    public var host: String
    public var tabs: [Tab]
    /// `every 5s`.
    public var refresh: String
    /// `updated 3s ago`, `stale 2m`, `loading…`.
    public var freshness: String
    public var freshnessTone: Tone
    public var burn: BurnModel
    public var readonly: Bool

    init(_ state: State) {
        host = state.settings.host
        tabs = Pane.allCases.map { Tab(number: $0.rawValue, title: $0.title, active: $0 == state.pane) }
        refresh = "every \(Formatting.duration(state.settings.refreshInterval))"
        let poll = state.poll(.instances)
        if let last = poll.lastSuccess {
            let age = Formatting.age(since: last, now: state.now)
            let stale = poll.failures > 0 || state.now.timeIntervalSince(last) > 2 * state.settings.refreshInterval + 1
            freshness = stale ? "stale: updated \(age) ago" : "updated \(age) ago"
            freshnessTone = stale ? .warning : .muted
        } else if poll.failures > 0 {
            freshness = "no data yet"
            freshnessTone = .error
        } else {
            freshness = "loading…"
            freshnessTone = .muted
        }
        burn = BurnModel(state)
        readonly = state.settings.readonly
    }
}

/// The account's burn rate as the header shows it.
public struct BurnModel: Equatable, Sendable {
    public var perHour: String
    public var perDay: String
    public var perMonth: String
    public var spent: String
    /// Nothing is known yet (no successful poll).
    public var known: Bool

    init(_ state: State) {
        let rate = state.cost.rate ?? BurnRate(perHour: 0)
        known = state.cost.rate != nil
        perHour = Formatting.money(rate.perHour)
        perDay = Formatting.money(rate.perDay)
        perMonth = Formatting.money(rate.perMonth)
        spent = Formatting.money(state.cost.spent(at: state.now))
    }
}
