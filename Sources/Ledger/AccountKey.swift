import Crypto
import Foundation

/// Which account a ledger's rows belong to: the API host and a one-way
/// fingerprint of the key. One file serves every account; the key itself is
/// never stored, and cannot be recovered from the fingerprint.
public struct AccountKey: Hashable, Sendable {
    public let host: String
    /// Hex SHA-256 of the key.
    public let fingerprint: String

    public init(host: String, apiKey: String) {
        self.host = host
        fingerprint = SHA256.hash(data: Data(apiKey.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
