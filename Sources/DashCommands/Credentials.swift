import Foundation

/// Where the API key comes from, first found wins: `--api-key-file`, then
/// `SESTERCE_API_KEY`, then the profile of `~/.sesterce/credentials`. The key
/// goes to the client and nowhere else; only its source is ever shown, and
/// this value's descriptions leave the key out.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var key: String
    /// `file /path`, `environment SESTERCE_API_KEY`, `profile default of ~/.sesterce/credentials`.
    public var source: String
    /// The profile the key came from; nil when it came from a file or the environment.
    public var profile: String?
    /// The profile's own API URL (`sesterce_api_url`), for a profile of
    /// another service than the default one (a simulator, a staging host).
    public var url: String?

    public static let environmentVariable = "SESTERCE_API_KEY"
    public static let profileKey = "sesterce_api_key"
    public static let profileURLKey = "sesterce_api_url"
    public static let defaultProfile = "default"

    public init(key: String, source: String, profile: String? = nil, url: String? = nil) {
        self.key = key
        self.source = source
        self.profile = profile
        self.url = url
    }

    public var description: String { "Credentials(source: \(source), key: •••)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source, "key": "•••"]) }

    /// The profiles of the credentials file that hold a key, A to Z (none
    /// when there is no file). Names only: `:ctx` lists them.
    public static func profiles(environment: [String: String]) -> [String] {
        guard let text = try? String(contentsOfFile: credentialsFile(environment: environment), encoding: .utf8) else { return [] }
        return INIFile(parsing: text).sections.filter { !($0.value[profileKey] ?? "").isEmpty }.keys.sorted()
    }

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
                let url = file.sections[profile]?[profileURLKey].flatMap { $0.isEmpty ? nil : $0 }
                return Credentials(key: key, source: "profile \(profile) of \(shown)", profile: profile, url: url)
            }
            let known = file.sections.keys.sorted().joined(separator: ", ")
            looked.append("profile [\(profile)] of \(shown) (no \(profileKey); profiles: \(known.isEmpty ? "none" : known))")
        } else {
            looked.append("\(shown) (no such file)")
        }
        throw NotFound(looked: looked)
    }
}
