/// Whether an instance's time is debited, by its status: the one billing rule
/// of the dashboard, the `list` command and the ledger.
///
/// Sesterce's documentation ("Manage your instances") says the balance is
/// debited while an instance is ACTIVE, not while it is PENDING or
/// PARTIALLYDEPLOYED, nor once it is stopped or deleted. A status this version
/// does not know is counted as billed: a cost tool errs on the side of
/// counting (such rows are marked as unknown where they are shown).
public enum Billing: String, Hashable, Sendable, CaseIterable, Codable {
    /// Debited now.
    case billed
    /// On its way up, not debited yet: what the account will cost once it is.
    case starting
    case notBilled

    public init(_ status: InstanceStatus) {
        switch status {
        case .active, .other: self = .billed
        case .new, .pending, .deploying, .partiallyDeployed: self = .starting
        case .disabled, .deleting, .deleted, .error, .failed: self = .notBilled
        }
    }

    /// The status is one this version does not know (billed to be safe).
    public static func isGuess(_ status: InstanceStatus) -> Bool {
        if case .other = status { return true }
        return false
    }
}
