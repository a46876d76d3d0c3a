import TextLayout

/// A frame of cells that screens draw into and tests read back as lines. The
/// backend compares two frames and writes only the cells that changed.
///
/// Every write keeps the frame drawable: no control character ever lands in a
/// cell, and a wide character is either whole or gone (a half that loses its
/// other half, at the right edge or under a later write, becomes a blank).
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Buffer.narrow(fill), count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Reading outside the buffer is a programming error; writing outside is
    /// ignored. Writing a wide character also takes the next cell; writing a
    /// continuation ("") only restyles the right half of a wide character.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            if newValue.isContinuation {
                if cells[y * width + x].isContinuation {
                    cells[y * width + x].style = newValue.style
                } else {
                    place(" ", columns: 1, x: x, y: y, style: newValue.style)
                }
                return
            }
            let glyph = DisplayWidth.firstGlyph(of: newValue.text) ?? (" ", 1)
            place(glyph.glyph, columns: glyph.width, x: x, y: y, style: newValue.style)
        }
    }

    /// Paints every cell of `rect` (clipped to the buffer) with `cell`; a wide or
    /// continuation `cell` paints blanks in its style.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let cell = Buffer.narrow(cell)
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let row = y * width
            detachWide(at: x0, row: row)
            detachWide(at: x1 - 1, row: row)
            for x in x0..<x1 { cells[row + x] = cell }
        }
    }

    /// Sets the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x].style = style }
        }
    }

    /// Writes `text` on row `y` in the field that starts at `x` and is `maxWidth`
    /// columns wide (default: to the right edge), aligned in that field. Text that
    /// does not fit ends in "…"; control characters are made harmless (see
    /// `DisplayWidth.sanitized`). A negative `x` clips the start of the text at
    /// the left edge. Returns the number of columns the text takes.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int? = nil, alignment: TextAlignment = .left) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let field = min(maxWidth ?? (width - x), width - x)
        guard field > 0 else { return 0 }
        let glyphs = DisplayWidth.layout(text, columns: field)
        let used = glyphs.reduce(0) { $0 + $1.width }
        var column = switch alignment {
        case .left: x
        case .right: x + field - used
        case .center: x + (field - used) / 2
        }
        for (glyph, columns) in glyphs {
            if column >= 0 {
                place(glyph, columns: columns, x: column, y: y, style: style)
            } else if column + columns > 0 {
                place(" ", columns: 1, x: 0, y: y, style: style)  // right half of a wide character cut by the left edge
            }
            column += columns
        }
        return used
    }

    /// The text of each row, wide characters once, for tests and text captures.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// Stores one safe glyph of `columns` (1 or 2) columns at (x, y), which must be
    /// inside the buffer. A wide glyph that would cross the right edge becomes a blank.
    private mutating func place(_ glyph: String, columns: Int, x: Int, y: Int, style: Style) {
        let row = y * width
        detachWide(at: x, row: row)
        guard columns == 2 else {
            cells[row + x] = Cell(glyph, style: style)
            return
        }
        guard x + 1 < width else {
            cells[row + x] = Cell(" ", style: style)
            return
        }
        detachWide(at: x + 1, row: row)
        cells[row + x] = Cell(glyph, style: style)
        cells[row + x + 1] = Cell("", style: style)
    }

    /// Blanks both halves of the wide character covering column `x` of the row
    /// starting at `row`, if any, before one of its halves is overwritten.
    private mutating func detachWide(at x: Int, row: Int) {
        if cells[row + x].isContinuation {
            cells[row + x].text = " "
            if x > 0 { cells[row + x - 1].text = " " }
        } else if x + 1 < width, cells[row + x + 1].isContinuation {
            cells[row + x + 1].text = " "
        }
    }

    /// `cell` as a one-column cell: its glyph if that is safe and narrow, else a blank.
    private static func narrow(_ cell: Cell) -> Cell {
        guard let glyph = DisplayWidth.firstGlyph(of: cell.text), glyph.width == 1 else {
            return Cell(" ", style: cell.style)
        }
        return Cell(glyph.glyph, style: cell.style)
    }
}
