import DashboardCore
import Synchronization

/// Which account's results reach the reducer. Each account the runner talks
/// to has a number; a result is delivered only while its account is the one
/// answered for. Switching (`answer(_:first:)`) and delivering hold the same
/// lock, so the switch's own action comes after every result of the old
/// account and before any of the new: a reply of the old account still in
/// flight can never land in the new one's state.
final class AccountGate: Sendable {
    private let answering = Mutex(0)
    private let send: @Sendable (Action) -> Void

    init(send: @escaping @Sendable (Action) -> Void) {
        self.send = send
    }

    func deliver(_ action: Action, from account: Int) {
        answering.withLock { if $0 == account { send(action) } }
    }

    /// From now on only `account`'s results are delivered, `first` first.
    func answer(_ account: Int, first: Action) {
        answering.withLock {
            $0 = account
            send(first)
        }
    }

    /// A sender for `account`'s results (its ledger worker's).
    func sender(for account: Int) -> @Sendable (Action) -> Void {
        { [self] action in deliver(action, from: account) }
    }
}
