import Foundation
import SesterceModels

extension State {
    /// What a successful poll asks of the ledger: record it, then read the
    /// history back (the Cost pane's top instances only while it is shown).
    /// Events are found by the ledger; stop timers set by another process
    /// (the `timer` command, a watcher) are picked up here too, and, while
    /// the Events pane is shown, the events other processes recorded.
    func recordPoll(_ instances: [Instance], at time: Date) -> [Effect] {
        guard settings.ledger else { return [] }
        return [.recordPoll(instances, readiness: readiness, at: time, maxGap: maxLedgerGap), loadCostHistory(at: time), .loadStopTimers]
            + (pane == .events ? [.loadEvents] : [])
    }

    /// Longer than this between two polls and nobody was watching: three
    /// refresh intervals (a failed poll or two is not a gap), at least a
    /// minute. The ledger and the header's "spent" count no such time.
    var maxLedgerGap: Double { max(60, 3 * settings.refreshInterval) }

    func loadCostHistory(at time: Date) -> Effect {
        .loadCostHistory(at: time, instances: pane == .cost ? LedgerView.topInstances : 0)
    }

    /// The history came back: keep it, and record each budget threshold
    /// crossed upwards since the session began.
    mutating func receiveCostHistory(_ history: CostHistory) -> [Effect] {
        var effects: [Effect] = []
        let previous = ledger.history
        ledger.history = history
        if pane != .cost, let previous { ledger.history?.topInstances = previous.topInstances }
        for projection in BudgetProjection.all(self) {
            let reached = ledger.budgetLevels[projection.period] ?? .within
            guard projection.level > reached else { continue }
            ledger.budgetLevels[projection.period] = projection.level
            effects += note(BudgetCrossing(
                period: projection.period, level: projection.level, projected: projection.projected,
                budget: projection.budget, at: history.at).event)
        }
        return effects
    }

    mutating func ledgerFailed(_ message: String) {
        guard !ledger.failureShown else { return }
        ledger.failureShown = true
        showError("Ledger: \(message) (cost history is not being recorded)")
    }
}
