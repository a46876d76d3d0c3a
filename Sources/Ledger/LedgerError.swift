/// Why the ledger cannot be used. The message names the file, never a key.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The state directory or the file cannot be created or written.
    case cannotOpen(path: String, reason: String)
    case failed(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the ledger \(path): \(reason)"
        case .failed(let reason): "ledger: \(reason)"
        }
    }
}
