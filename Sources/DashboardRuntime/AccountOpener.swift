import DashboardCore
import Ledger
import SesterceAPI

/// An account ready to use: its client, its ledger, and what the state
/// learns of it.
public struct AccountConnection: Sendable {
    public var client: SesterceClient
    /// Nil with `--no-ledger`, or when it cannot be opened (`context` says why).
    public var ledger: Ledger?
    public var context: AccountContext

    public init(client: SesterceClient, ledger: Ledger?, context: AccountContext) {
        self.client = client
        self.ledger = ledger
        self.context = context
    }
}

/// Why a profile's account could not be opened (its key missing, the file
/// unreadable, a URL refused): said in the footer, never with a key in it.
public struct AccountOpenFailure: Error, Sendable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

/// Opens the account of a credentials profile, as a launch with
/// `--profile NAME` would: the app's, which knows flags and files. It may
/// block (it reads files, and opening the ledger may wait for another
/// process's write): the runner calls it on a thread of its own.
public typealias AccountOpener = @Sendable (_ profile: String) -> Result<AccountConnection, AccountOpenFailure>
