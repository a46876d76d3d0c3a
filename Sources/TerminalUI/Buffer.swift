/// A frame of cells that screens draw into and tests read back as lines. The
/// backend compares two frames and writes only the cells that changed.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Paints every cell of `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x] = cell }
        }
    }

    /// Sets the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x].style = style }
        }
    }

    /// Writes `text` from (x, y) on one line, at most `maxWidth` columns (default:
    /// to the right edge). Text that does not fit ends in "…"; control characters
    /// are drawn as "\u{FFFD}". Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let safe = DisplayWidth.sanitized(text)
        let fits = DisplayWidth.of(safe) <= limit
        let budget = fits ? limit : limit - 1
        var column = 0
        for character in safe {
            // Combining marks are part of their base character; what is left at
            // zero width (a stray mark, a zero-width space) takes no cell.
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > budget { break }
            let cellX = x + column
            if cellX >= 0 {
                self[cellX, y] = Cell(String(character), style: style)
                if w == 2 { self[cellX + 1, y] = Cell("", style: style) }
            }
            column += w
        }
        if !fits {
            if x + column >= 0 { self[x + column, y] = Cell("…", style: style) }
            column += 1
        }
        return column
    }

    /// The text of each row, wide characters once, for tests and text captures.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }
}
