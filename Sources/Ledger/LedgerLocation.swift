/// Where the ledger lives: `$XDG_STATE_HOME/sesterce-dash/ledger.sqlite`, by
/// default `~/.local/state/sesterce-dash/ledger.sqlite` (state, not config:
/// it is written by the program, and can be deleted without losing a setting).
public enum LedgerLocation {
    public static func path(environment: [String: String]) -> String {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else {
            base = (environment["HOME"] ?? "/tmp") + "/.local/state"
        }
        return base + "/sesterce-dash/ledger.sqlite"
    }
}
