/// What the account may spend, from the config's `budget:` (dollars; either
/// or both). The header weighs the projected month (and day) against it.
public struct Budget: Equatable, Sendable {
    public var monthly: Double?
    public var daily: Double?

    public init(monthly: Double? = nil, daily: Double? = nil) {
        self.monthly = monthly
        self.daily = daily
    }

    /// Fractions of a budget at which the header changes colour, and a
    /// crossing is recorded: 80 % warns, 100 % is over budget.
    public static let warningShare = 0.8
    public static let overShare = 1.0
}

/// How a projection stands against its budget.
public enum BudgetLevel: Int, Comparable, Equatable, Sendable {
    case within, warning, over

    public init(projected: Double, budget: Double) {
        let share = budget > 0 ? projected / budget : (projected > 0 ? .infinity : 0)
        self = share >= Budget.overShare ? .over : share >= Budget.warningShare ? .warning : .within
    }

    public static func < (a: BudgetLevel, b: BudgetLevel) -> Bool { a.rawValue < b.rawValue }

    /// The percent of the budget a crossing into this level records.
    public var percent: Int {
        switch self {
        case .within: 0
        case .warning: 80
        case .over: 100
        }
    }
}
