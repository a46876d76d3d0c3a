import Foundation
import SesterceModels

/// Where the endpoint secret comes from, first found wins: `--endpoint-key-file`,
/// then `SESTERCE_ENDPOINT_KEY`, then `endpoint_key` in the profile of
/// `~/.sesterce/credentials`. It is the endpoint's own secret (shown on the
/// instance's page in the console), never the account's API key, which the
/// management API does not return and which must never reach an endpoint.
public struct EndpointCredentials: Sendable, CustomStringConvertible {
    public var secret: EndpointSecret
    /// `file /path`, `environment SESTERCE_ENDPOINT_KEY`, `profile default of ~/.sesterce/credentials`.
    public var source: String

    public static let environmentVariable = "SESTERCE_ENDPOINT_KEY"
    public static let profileKey = "endpoint_key"

    public init(secret: EndpointSecret, source: String) {
        self.secret = secret
        self.source = source
    }

    public var description: String { "EndpointCredentials(source: \(source), secret: •••)" }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The secret and its source, or nil when none of the three places has one
    /// (the dashboard then asks for it; `probe` stops). A key file that cannot
    /// be read, or is empty, is an error rather than a silent fall-through.
    public static func resolve(
        keyFile: String?, profile: String, environment: [String: String], warn: WarningSink = StandardError.sink
    ) throws(Unreadable) -> EndpointCredentials? {
        if let keyFile {
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8) else {
                throw Unreadable(description: "Cannot read the endpoint key file \(keyFile).")
            }
            if let warning = FilePermissions.readableSecretWarning(path: keyFile, shownAs: keyFile) { warn(warning) }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw Unreadable(description: "The endpoint key file \(keyFile) is empty.") }
            return EndpointCredentials(secret: EndpointSecret(key), source: "file \(keyFile)")
        }
        if let key = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return EndpointCredentials(secret: EndpointSecret(key), source: "environment \(environmentVariable)")
        }
        let path = Credentials.credentialsFile(environment: environment)
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
            let key = INIFile(parsing: text).sections[profile]?[profileKey], !key.isEmpty
        {
            let shown = DisplayPath.abbreviating(path, home: environment["HOME"])
            return EndpointCredentials(secret: EndpointSecret(key), source: "profile \(profile) of \(shown)")
        }
        return nil
    }

    public static let notFoundMessage =
        "No endpoint secret found: pass --endpoint-key-file PATH, set \(environmentVariable), or add "
        + "`\(profileKey) = ...` to a profile of ~/.sesterce/credentials (it is the secret shown on the instance's "
        + "page in the console, not the account's API key)."
}
