import TextLayout

/// Columns for a terminal: a header, then one line per row, each column as
/// wide as its widest cell (in terminal columns), two spaces apart. Control
/// characters in the data (a hostile instance name: escape sequences, bidi
/// overrides) are made harmless as on the dashboard's screen.
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
        let lines = ([headers] + rows).map { $0.map(DisplayWidth.sanitized) }
        let widths = headers.indices.map { column in lines.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return lines.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesTrimmed
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
