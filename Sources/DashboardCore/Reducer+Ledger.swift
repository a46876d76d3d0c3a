import Foundation
import SesterceModels

extension State {
    /// What a successful poll asks of the ledger: record it, then read the
    /// history back (the Cost pane's top instances only while it is shown).
    func recordPoll(_ instances: [Instance], at time: Date) -> [Effect] {
        guard settings.ledger else { return [] }
        return [.recordPoll(instances, at: time, maxGap: maxLedgerGap), loadCostHistory(at: time)]
    }

    /// Longer than this between two polls and nobody was watching: three
    /// refresh intervals (a failed poll or two is not a gap), at least a minute.
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
            effects.append(.recordBudgetCrossing(BudgetCrossing(
                period: projection.period, level: projection.level, projected: projection.projected,
                budget: projection.budget, at: history.at)))
        }
        return effects
    }

    mutating func ledgerFailed(_ message: String) {
        guard !ledger.failureShown else { return }
        ledger.failureShown = true
        showError("Ledger: \(message) (cost history is not being recorded)")
    }
}
