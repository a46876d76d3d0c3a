/// How many terminal columns text takes, and how to make untrusted text safe to
/// draw: control characters (ESC sequences included) never reach the terminal.
public enum DisplayWidth {
    /// Columns a grapheme cluster takes: 0 (combining, zero-width), 1 or 2 (wide).
    public static func of(_ character: Character) -> Int {
        // Printable ASCII, nearly every glyph drawn, needs no Unicode lookup.
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        // A cluster may open with a zero-width "prepend" scalar; its width is that
        // of the first scalar that takes room.
        guard let base = character.unicodeScalars.first(where: { !isZeroWidth($0) }) else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
        return isWide(base) ? 2 : 1
    }

    /// Columns `text` takes once drawn; measure sanitized text, as that is what is drawn.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The text with every control character (C0, DEL, C1, bidi overrides) made
    /// harmless, so that it can only ever draw as text: line breaks and tabs become
    /// a space, a whole escape sequence (CSI such as "\u{1B}[31m", OSC such as
    /// "\u{1B}]0;title\u{07}") or any other control becomes one "\u{FFFD}".
    public static func sanitized(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
        var result = String.UnicodeScalarView()
        var state = EscapeState.text
        for scalar in text.unicodeScalars {
            var pending: Unicode.Scalar? = scalar
            while let current = pending {
                pending = nil
                switch state {
                case .text:
                    state = EscapeState.opened(by: current)
                    if isSpacing(current) {
                        result.append(" ")
                    } else if state != .text || isControl(current) {
                        result.append("\u{FFFD}")
                    } else {
                        result.append(current)
                    }
                case .escape:
                    switch current.value {
                    case 0x5B: state = .controlSequence  // [
                    case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
                    case 0x20...0x2F: state = .escapeIntermediate
                    case 0x30...0x7E: state = .text
                    default: state = .text; pending = current
                    }
                case .escapeIntermediate:
                    switch current.value {
                    case 0x20...0x2F: break
                    case 0x30...0x7E: state = .text
                    default: state = .text; pending = current
                    }
                case .controlSequence:
                    switch current.value {
                    case 0x20...0x3F: break
                    case 0x40...0x7E: state = .text
                    default: state = .text; pending = current
                    }
                case .controlString:
                    switch current.value {
                    case 0x07, 0x9C: state = .text
                    case 0x1B: state = .controlStringEscape
                    default: break
                    }
                case .controlStringEscape:
                    // ESC \ ends the string; any other ESC starts a new sequence.
                    if current.value == 0x5C { state = .text } else { state = .escape; pending = current }
                }
            }
        }
        return String(result)
    }

    /// `text` sanitized and cut to at most `columns` columns, ending in "…" when it
    /// does not fit, so that a column or a title never spills into its neighbour.
    public static func truncated(_ text: some StringProtocol, to columns: Int) -> String {
        layout(text, columns: columns).reduce(into: "") { $0 += $1.glyph }
    }

    /// The glyphs `text` draws as in at most `columns` columns: sanitized, without
    /// zero-width leftovers, cut with "…" when it does not fit. Stops reading at
    /// the first glyph that overflows, so a huge string costs what fits.
    public static func layout(_ text: some StringProtocol, columns: Int) -> [(glyph: String, width: Int)] {
        guard columns > 0 else { return [] }
        var glyphs: [(glyph: String, width: Int)] = []
        var used = 0
        for character in sanitized(text) {
            let width = of(character)
            if width == 0 { continue }
            if used + width > columns {
                while used + 1 > columns, let last = glyphs.popLast() { used -= last.width }
                glyphs.append(("…", 1))
                return glyphs
            }
            glyphs.append((String(character), width))
            used += width
        }
        return glyphs
    }

    /// The first glyph `text` draws as, sanitized, or nil when it draws nothing:
    /// what one cell can hold of a string handed to it.
    public static func firstGlyph(of text: some StringProtocol) -> (glyph: String, width: Int)? {
        for character in sanitized(text) {
            let width = of(character)
            if width > 0 { return (String(character), width) }
        }
        return nil
    }

    /// Where the sanitizer is in an escape sequence it is swallowing.
    private enum EscapeState {
        case text, escape, escapeIntermediate, controlSequence, controlString, controlStringEscape

        /// The state a scalar read as text leads to: ESC and the C1 introducers open a sequence.
        static func opened(by scalar: Unicode.Scalar) -> EscapeState {
            switch scalar.value {
            case 0x1B: .escape
            case 0x9B: .controlSequence
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: .controlString
            default: .text
            }
        }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isSpacing(scalar)
    }

    /// Controls and separators that only move the cursor: drawn as a space.
    private static func isSpacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // direction marks and overrides
        default: false
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
