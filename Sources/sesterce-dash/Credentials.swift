import Foundation

/// Where the API key comes from, first found wins: `--api-key-file`, then
/// `SESTERCE_API_KEY`, then the profile of `~/.sesterce/credentials`. The key
/// goes to the client and nowhere else; only its source is ever shown.
struct Credentials {
    var key: String
    /// `file /path`, `environment SESTERCE_API_KEY`, `profile default of ~/.sesterce/credentials`.
    var source: String

    static let environmentVariable = "SESTERCE_API_KEY"
    static let profileKey = "sesterce_api_key"

    struct NotFound: Error, CustomStringConvertible {
        var looked: [String]
        var description: String {
            "No API key found. Looked in:\n" + looked.map { "  - \($0)" }.joined(separator: "\n")
                + "\nPass --api-key-file PATH, set \(Credentials.environmentVariable), or add `\(Credentials.profileKey) = ...` to a profile of ~/.sesterce/credentials. Try --demo to run on the built-in simulator."
        }
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func credentialsFile(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".sesterce/credentials")
    }

    static func resolve(keyFile: String?, profile: String, environment: [String: String]) throws -> Credentials {
        var looked: [String] = []
        if let keyFile {
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8) else {
                throw Unreadable(description: "Cannot read the API key file \(keyFile).")
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw Unreadable(description: "The API key file \(keyFile) is empty.") }
            return Credentials(key: key, source: "file \(keyFile)")
        }
        looked.append("--api-key-file (not given)")
        if let key = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return Credentials(key: key, source: "environment \(environmentVariable)")
        }
        looked.append("environment variable \(environmentVariable) (not set)")
        let path = credentialsFile(environment: environment)
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let file = INIFile(parsing: text)
            if let key = file.sections[profile]?[profileKey], !key.isEmpty {
                return Credentials(key: key, source: "profile \(profile) of \(path)")
            }
            let known = file.sections.keys.sorted().joined(separator: ", ")
            looked.append("profile [\(profile)] of \(path) (no \(profileKey); profiles: \(known.isEmpty ? "none" : known))")
        } else {
            looked.append("\(path) (no such file)")
        }
        throw NotFound(looked: looked)
    }
}
