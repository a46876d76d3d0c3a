import Foundation

/// The INI format of `~/.sesterce/credentials` (as `sesterce-cli` writes it):
/// `[profile]` sections of `key = value` lines, `#` and `;` comments.
public struct INIFile: Equatable, Sendable {
    public var sections: [String: [String: String]] = [:]

    public init(parsing text: String) {
        var current = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                sections[current, default: [:]] = sections[current] ?? [:]
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            sections[current, default: [:]][key] = value
        }
    }
}
