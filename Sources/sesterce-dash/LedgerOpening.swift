import DashCommands
import Foundation
import Ledger

/// The ledger for a run, or why there is none: the dashboard goes on
/// without one, and says so once in the footer.
struct LedgerOpening {
    var ledger: Ledger?
    var notice: String?

    /// `warn` hears why there is none (standard error at launch; the footer
    /// says it once the screen is up, with `notice`).
    static func open(
        account: AccountKey, retentionDays: Int?, environment: [String: String], warn: WarningSink = StandardError.sink
    ) -> LedgerOpening {
        let path = LedgerLocation.path(environment: environment)
        do {
            let opened = try Ledger.open(
                path: path, account: account, retentionDays: retentionDays ?? DashConfig.defaultRetentionDays, now: Date())
            return LedgerOpening(ledger: opened.ledger, notice: opened.notice)
        } catch {
            let shown = DisplayPath.abbreviating(path, home: environment["HOME"])
            warn("warning: no cost history: \(error)")
            return LedgerOpening(ledger: nil, notice: "No cost history: cannot write \(shown)")
        }
    }
}
