import TerminalUI
import TextLayout

/// A scalar that must never reach the terminal: C0, DEL, C1, bidi controls.
func isControlScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}

/// True when no cell of `buffer` holds a control character.
func isControlFree(_ buffer: Buffer) -> Bool {
    buffer.cells.allSatisfy { !$0.text.unicodeScalars.contains(where: isControlScalar) }
}

/// True when every wide character is whole: followed by exactly one
/// continuation, and every continuation follows a wide character.
func wideCharactersAreWhole(_ buffer: Buffer) -> Bool {
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            let cell = buffer[x, y]
            let wide = !cell.isContinuation && DisplayWidth.of(cell.text) == 2
            let nextIsContinuation = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
            if wide != nextIsContinuation { return false }
            if cell.isContinuation && (x == 0 || DisplayWidth.of(buffer[x - 1, y].text) != 2) { return false }
        }
    }
    return true
}

/// A buffer filled with `pattern` so that tests can see what a widget cleared.
func backdrop(width: Int, height: Int, pattern: String = ".") -> Buffer {
    Buffer(width: width, height: height, fill: Cell(pattern))
}

/// `text` followed by spaces up to `width` display columns.
func padded(_ text: String, _ width: Int, with pad: Character = " ") -> String {
    text + String(repeating: pad, count: max(0, width - DisplayWidth.of(text)))
}

func repeated(_ text: String, _ count: Int) -> String {
    String(repeating: text, count: max(0, count))
}

/// The display column where `needle` starts in `line`, or nil.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.firstRange(of: needle) else { return nil }
    return DisplayWidth.of(line[..<range.lowerBound])
}
