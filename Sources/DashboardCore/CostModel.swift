import Foundation
import SesterceModels

/// The Cost pane: the burn rate over the chosen window, spend today and this
/// month (observed and estimated apart), the month projected to its end, and
/// the instances that cost most this month.
public struct CostModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        public var value: String
        public var detail: String
    }

    public struct TopInstance: Equatable, Sendable {
        public var name: String
        public var spend: String
        /// Spend per day of the month so far.
        public var daily: [Double]
    }

    /// Every window's title, and which is shown.
    public var windows: [String]
    public var activeWindow: Int
    /// $/h per bucket, oldest first.
    public var burn: [Double]
    /// The chart's scale: the highest $/h of the window (at least $1).
    public var peak: Double
    public var peakLabel: String
    public var rows: [Row]
    public var top: [TopInstance]
    /// Why there is nothing to show, if there is not.
    public var message: String?

    init(_ state: State) {
        windows = CostWindow.allCases.map(\.title)
        activeWindow = state.ledger.window.rawValue
        let history = state.ledger.history
        burn = history?.burn[state.ledger.window] ?? []
        peak = max(1, burn.max() ?? 0)
        peakLabel = Formatting.money(peak) + "/h"
        if !state.settings.ledger {
            message = "No ledger: started with --no-ledger, or it could not be opened (see the message at launch)."
        } else if history == nil {
            message = "Reading the ledger: the first poll is on its way…"
        }
        rows = history.map { Self.rows($0, state) } ?? []
        top = (history?.topInstances ?? []).map {
            TopInstance(name: $0.name, spend: Formatting.money($0.month.total), daily: $0.daily)
        }
    }

    private static func rows(_ history: CostHistory, _ state: State) -> [Row] {
        func split(_ spend: CostHistory.Spend) -> String {
            "observed \(Formatting.money(spend.observed)) · estimated \(Formatting.money(spend.estimated))"
        }
        let rate = state.cost.rate?.perHour ?? 0
        let monthLeft = max(0, UTCCalendar.nextMonth(after: state.now).timeIntervalSince(state.now))
        let projected = history.month.total + rate * monthLeft / 3600
        var rows = [
            Row(label: "Today (UTC)", value: Formatting.money(history.today.total), detail: split(history.today)),
            Row(label: "This month", value: Formatting.money(history.month.total), detail: split(history.month)),
            Row(label: "Month end", value: Formatting.money(projected),
                detail: "projected: this month + \(Formatting.money(rate))/h until the 1st"),
        ]
        for projection in BudgetProjection.all(state) {
            let label = projection.period == .monthly ? "Monthly budget" : "Daily budget"
            let share = Int((projection.projected / projection.budget * 100).rounded())
            let words = projection.level == .over ? ": over budget" : ""
            rows.append(Row(label: label, value: Formatting.money(projection.budget), detail: "projected \(share) %\(words)"))
        }
        return rows
    }
}
