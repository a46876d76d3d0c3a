/// Columns for a terminal: a header, then one line per row, each column as
/// wide as its widest cell, two spaces apart. Control characters in the data
/// (a hostile instance name) are shown as `�` so they cannot drive the terminal.
public struct TextTable: Equatable, Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns of numbers and money, aligned on the right.
    public var rightAligned: Set<Int>

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public func render() -> String {
        let lines = ([headers] + rows).map { $0.map(Self.printable) }
        let widths = headers.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesTrimmed
        }.joined(separator: "\n") + "\n"
    }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control ? "\u{FFFD}" : Character(scalar)
        })
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
