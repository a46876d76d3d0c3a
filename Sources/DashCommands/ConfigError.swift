/// A problem in the config file, told as `file:line: field: problem` (the
/// form compilers use) so that a person, or an editor, goes straight to it.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as shown to the person (`~/.config/...`).
    public var file: String
    /// 1-based; nil when the problem is the file itself (unreadable).
    public var line: Int?
    /// The setting at fault, `keys.quit` for one entry of a section.
    public var field: String?
    public var problem: String

    public init(file: String, line: Int?, field: String?, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        [file + (line.map { ":\($0)" } ?? ""), field, problem].compactMap { $0 }.joined(separator: ": ")
    }
}
