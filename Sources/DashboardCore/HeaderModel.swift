import Foundation

/// The top two rows: where the data comes from, how fresh it is, what it costs,
/// and the pane tabs.
public struct HeaderModel: Equatable, Sendable {
    public struct Tab: Equatable, Sendable {
        public var number: Int
        public var title: String
        public var active: Bool
    }

    /// Host of the API, and the credentials profile (`api.cloud.sesterce.com [prod]`).
    public var host: String
    public var tabs: [Tab]
    /// `every 5s`.
    public var refresh: String
    /// `updated 3s ago`, `stale 2m`, `loading…`.
    public var freshness: String
    public var freshnessTone: Tone
    public var burn: BurnModel
    /// The projection against the budget (the worse of month and day), when one is set.
    public var budget: BudgetBadge?
    public var readonly: Bool

    init(_ state: State) {
        // The profile in use, when there are others to tell it from: `host [b]`.
        host = state.settings.host + (state.settings.profiles.shown.map { " [\($0)]" } ?? "")
        tabs = Pane.allCases.map { Tab(number: $0.rawValue, title: $0.title, active: $0 == state.pane) }
        refresh = "every \(Formatting.duration(state.settings.refreshInterval))"
        let poll = state.poll(.instances)
        let stale = Self.isStale(state)
        if let last = poll.lastSuccess {
            let age = Formatting.age(since: last, now: state.now)
            freshness = stale ? "stale: updated \(age) ago" : "updated \(age) ago"
            freshnessTone = stale ? .warning : .muted
        } else if poll.failures > 0 {
            freshness = "no data yet"
            freshnessTone = .error
        } else {
            freshness = "loading…"
            freshnessTone = .muted
        }
        burn = BurnModel(state, stale: stale)
        budget = BudgetBadge(state)
        readonly = state.settings.readonly
    }

    /// The last poll failed, or none has answered for two intervals: what
    /// the header shows is as of the last answer.
    static func isStale(_ state: State) -> Bool {
        let poll = state.poll(.instances)
        guard let last = poll.lastSuccess else { return false }
        return poll.failures > 0 || state.now.timeIntervalSince(last) > 2 * state.settings.refreshInterval + 1
    }
}

/// The account's burn rate as the header shows it.
public struct BurnModel: Equatable, Sendable {
    public var perHour: String
    public var perDay: String
    public var perMonth: String
    public var spent: String
    /// The spend counts nothing since the last answer, which is getting
    /// old: the header marks it stale, as it does "updated …".
    public var spentStale: Bool
    /// `+$1.25/h starting`: instances on their way up, not debited yet; nil when none.
    public var starting: String?
    /// Nothing is known yet (no successful poll).
    public var known: Bool

    init(_ state: State, stale: Bool) {
        let rate = state.cost.rate ?? BurnRate(perHour: 0)
        known = state.cost.rate != nil
        perHour = Formatting.money(rate.perHour)
        perDay = Formatting.money(rate.perDay)
        perMonth = Formatting.money(rate.perMonth)
        spent = Formatting.money(state.cost.spent)
        spentStale = stale
        starting = rate.startingPerHour > 0 ? "+\(Formatting.money(rate.startingPerHour))/h starting" : nil
    }
}

/// `budget $1,800 of $2,000/mo`: yellow from 80 %, red with "over budget" from 100 %.
public struct BudgetBadge: Equatable, Sendable {
    public var text: String
    public var tone: Tone

    public init(text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }

    init?(_ state: State) {
        let projections = BudgetProjection.all(state)
        guard let worst = projections.max(by: { $0.level < $1.level }) else { return nil }
        let unit = worst.period == .monthly ? "/mo" : "/day"
        let figures = "\(Formatting.money(worst.projected)) of \(Formatting.money(worst.budget))\(unit)"
        switch worst.level {
        case .within: (text, tone) = ("budget \(figures)", .muted)
        case .warning: (text, tone) = ("budget \(figures)", .warning)
        case .over: (text, tone) = ("over budget: \(figures)", .error)
        }
    }
}
