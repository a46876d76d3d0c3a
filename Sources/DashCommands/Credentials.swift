import Foundation

/// Where the API key comes from, first found wins: `--api-key-file`, then
/// `SESTERCE_API_KEY`, then the profile of `~/.sesterce/credentials`. The key
/// goes to the client and nowhere else; only its source is ever shown, and
/// this value's descriptions leave the key out.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var key: String
    /// `file /path`, `environment SESTERCE_API_KEY`, `profile default of ~/.sesterce/credentials`.
    public var source: String

    public static let environmentVariable = "SESTERCE_API_KEY"
    public static let profileKey = "sesterce_api_key"
    public static let defaultProfile = "default"

    public init(key: String, source: String) {
        self.key = key
        self.source = source
    }

    public var description: String { "Credentials(source: \(source), key: •••)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source, "key": "•••"]) }

    public struct NotFound: Error, CustomStringConvertible {
        public var looked: [String]
        public var description: String {
            "No API key found. Looked in:\n" + looked.map { "  - \($0)" }.joined(separator: "\n")
                + "\nPass --api-key-file PATH, set \(Credentials.environmentVariable), or add `\(Credentials.profileKey) = ...` to a profile of ~/.sesterce/credentials. Try --demo to run on the built-in simulator."
        }
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    public static func credentialsFile(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".sesterce/credentials")
    }

    /// The key and where it came from. The key file, and the credentials file
    /// whenever it exists (it holds keys even when this run takes its key from
    /// elsewhere), get a warning through `warn` when other users can read them.
    public static func resolve(
        keyFile: String?, profile: String, environment: [String: String], warn: WarningSink = StandardError.sink
    ) throws -> Credentials {
        let home = environment["HOME"]
        let path = credentialsFile(environment: environment)
        let shown = DisplayPath.abbreviating(path, home: home)
        if let warning = FilePermissions.readableSecretWarning(path: path, shownAs: shown) { warn(warning) }
        var looked: [String] = []
        if let keyFile {
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8) else {
                throw Unreadable(description: "Cannot read the API key file \(keyFile).")
            }
            if let warning = FilePermissions.readableSecretWarning(path: keyFile, shownAs: keyFile) { warn(warning) }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw Unreadable(description: "The API key file \(keyFile) is empty.") }
            return Credentials(key: key, source: "file \(keyFile)")
        }
        looked.append("--api-key-file (not given)")
        if let key = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return Credentials(key: key, source: "environment \(environmentVariable)")
        }
        looked.append("environment variable \(environmentVariable) (not set)")
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let file = INIFile(parsing: text)
            if let key = file.sections[profile]?[profileKey], !key.isEmpty {
                return Credentials(key: key, source: "profile \(profile) of \(shown)")
            }
            let known = file.sections.keys.sorted().joined(separator: ", ")
            looked.append("profile [\(profile)] of \(shown) (no \(profileKey); profiles: \(known.isEmpty ? "none" : known))")
        } else {
            looked.append("\(shown) (no such file)")
        }
        throw NotFound(looked: looked)
    }
}
