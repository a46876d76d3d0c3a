import DashboardCore
import Dispatch
import Foundation
import Ledger
import SesterceModels

/// Runs the ledger's work on a serial queue of its own, off the render path:
/// writes in the order the polls came, each read after the writes before it.
/// Results and failures come back as actions.
public final class LedgerWorker: Sendable {
    private let ledger: Ledger
    private let queue = DispatchQueue(label: "sesterce-dash ledger", qos: .utility)
    private let send: @Sendable (Action) -> Void

    public init(ledger: Ledger, send: @escaping @Sendable (Action) -> Void) {
        self.ledger = ledger
        self.send = send
    }

    /// Performs a ledger effect; false for an effect that is not the ledger's.
    func perform(_ effect: Effect) -> Bool {
        switch effect {
        case .recordPoll(let instances, let time, let maxGap):
            run { try $0.record(instances, at: time, maxGap: maxGap); return nil }
        case .loadCostHistory(let time, let count):
            run { .costHistoryLoaded(try $0.history(at: time, instances: count)) }
        case .recordBudgetCrossing(let crossing):
            run {
                try $0.recordBudgetCrossing(
                    period: crossing.period.rawValue, percent: crossing.level.percent, projected: crossing.projected,
                    budget: crossing.budget, at: crossing.at)
                return nil
            }
        default:
            return false
        }
        return true
    }

    /// Waits for the work queued so far (the end of a session, tests).
    public func drain() {
        queue.sync {}
    }

    private func run(_ work: @escaping @Sendable (Ledger) throws -> Action?) {
        queue.async { [ledger, send] in
            do {
                if let action = try work(ledger) { send(action) }
            } catch {
                send(.ledgerFailed("\(error)"))
            }
        }
    }
}
