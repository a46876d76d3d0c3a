import Foundation
import SesterceModels

/// What the dashboard holds of the ledger: the last history it read, the
/// chart's window, and the budget levels already recorded.
public struct LedgerView: Equatable, Sendable {
    public var history: CostHistory?
    public var window: CostWindow = .day
    /// The highest level each budget period reached this session (a crossing
    /// is recorded once, going up).
    public var budgetLevels: [BudgetPeriod: BudgetLevel] = [:]
    /// A ledger failure was shown; later ones are not repeated.
    public var failureShown = false

    public init() {}

    /// Instances listed on the Cost pane.
    public static let topInstances = 8
}

/// The two budgets of the config.
public enum BudgetPeriod: String, Hashable, Sendable, CaseIterable {
    case monthly, daily
}

/// A budget's threshold crossed: what the ledger records.
public struct BudgetCrossing: Equatable, Sendable {
    public var period: BudgetPeriod
    public var level: BudgetLevel
    public var projected: Double
    public var budget: Double
    public var at: Date

    public init(period: BudgetPeriod, level: BudgetLevel, projected: Double, budget: Double, at: Date) {
        self.period = period
        self.level = level
        self.projected = projected
        self.budget = budget
        self.at = at
    }
}

/// A budget period's projection at `now`: what was spent so far in the
/// period (the ledger's, observed and estimated) plus the current burn rate
/// until the period ends (UTC).
public struct BudgetProjection: Equatable, Sendable {
    public var period: BudgetPeriod
    public var projected: Double
    public var budget: Double
    public var level: BudgetLevel { BudgetLevel(projected: projected, budget: budget) }

    /// Each budget set, once the ledger has answered.
    public static func all(_ state: State) -> [BudgetProjection] {
        guard let budget = state.settings.budget, let history = state.ledger.history else { return [] }
        let rate = state.cost.rate?.perHour ?? 0
        var result: [BudgetProjection] = []
        if let monthly = budget.monthly {
            let left = max(0, UTCCalendar.nextMonth(after: state.now).timeIntervalSince(state.now))
            result.append(BudgetProjection(period: .monthly, projected: history.month.total + rate * left / 3600, budget: monthly))
        }
        if let daily = budget.daily {
            let left = max(0, UTCCalendar.nextDay(after: state.now).timeIntervalSince(state.now))
            result.append(BudgetProjection(period: .daily, projected: history.today.total + rate * left / 3600, budget: daily))
        }
        return result
    }
}

/// Month and day boundaries, in UTC as the ledger keeps them.
enum UTCCalendar {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func monthStart(_ time: Date) -> Date {
        calendar.date(from: calendar.dateComponents([.year, .month], from: time))!
    }

    static func nextMonth(after time: Date) -> Date {
        calendar.date(byAdding: .month, value: 1, to: monthStart(time))!
    }

    static func nextDay(after time: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: time))!
    }
}
