import TerminalUI
import TextLayout

/// The cells to write to turn the frame on screen into the next one, so that
/// a refresh costs what changed rather than the whole screen.
///
/// Cells are compared as they will be drawn: the right half of a wide
/// character is never written (the wide character covers it), a right half
/// whose wide character was overwritten is drawn as a blank, and a wide
/// character without its right half (overwritten, or cut at the right edge)
/// is drawn as a blank, so no half glyph is ever left behind on screen.
struct FrameDiff: Sendable {
    /// One cell to write at column `x`, row `y`.
    struct Change: Hashable, Sendable {
        let x: Int
        let y: Int
        let cell: Cell
    }

    /// True when every cell is written: there was no frame before, or its size
    /// differs (the screen has to be cleared first).
    let isFullRedraw: Bool
    /// In row order, left to right, as they should be written.
    let changes: [Change]

    init(from previous: Buffer?, to next: Buffer) {
        let comparable = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        isFullRedraw = comparable == nil
        var changes: [Change] = []
        for y in 0..<next.height {
            let row = (y * next.width)..<((y + 1) * next.width)
            // Whether a cell draws depends only on its own row.
            if let comparable, comparable.cells[row] == next.cells[row] { continue }
            for x in 0..<next.width {
                guard let cell = Self.drawn(next, x: x, y: y) else { continue }
                if let comparable, Self.drawn(comparable, x: x, y: y) == cell { continue }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
        self.changes = changes
    }

    /// The cell written at (x, y), or nil for the right half of a wide
    /// character, which that character draws.
    static func drawn(_ buffer: Buffer, x: Int, y: Int) -> Cell? {
        let cell = buffer[x, y]
        if cell.isContinuation {
            if x > 0, isWide(buffer[x - 1, y]) { return nil }
            return Cell(" ", style: cell.style)
        }
        if isWide(cell), x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation {
            return Cell(" ", style: cell.style)
        }
        return cell
    }

    private static func isWide(_ cell: Cell) -> Bool {
        DisplayWidth.of(cell.text) == 2
    }
}
