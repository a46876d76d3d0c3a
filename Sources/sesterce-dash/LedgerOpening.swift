import DashCommands
import Foundation
import Ledger

/// The ledger for a run, or why there is none: the dashboard goes on
/// without one, and says so once in the footer.
struct LedgerOpening {
    var ledger: Ledger?
    var notice: String?

    static func open(account: AccountKey, retentionDays: Int?, environment: [String: String]) -> LedgerOpening {
        let path = LedgerLocation.path(environment: environment)
        do {
            let opened = try Ledger.open(
                path: path, account: account, retentionDays: retentionDays ?? DashConfig.defaultRetentionDays, now: Date())
            return LedgerOpening(ledger: opened.ledger, notice: opened.notice)
        } catch {
            let shown = DisplayPath.abbreviating(path, home: environment["HOME"])
            FileHandle.standardError.write(Data("sesterce-dash: warning: no cost history: \(error)\n".utf8))
            return LedgerOpening(ledger: nil, notice: "No cost history: cannot write \(shown)")
        }
    }
}
