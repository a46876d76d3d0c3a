import TextLayout

extension KeyEvent {
    /// Decodes one result of ncurses' `wget_wch`: `code` is the key code when
    /// `isKeyCode` (it returned `KEY_CODE_YES`), else a Unicode scalar value.
    /// Returns nil for input the dashboard has no use for (mouse events,
    /// Insert, shifted arrows, C1 controls, invalid scalars).
    public init?(code: Int32, isKeyCode: Bool) {
        if isKeyCode {
            guard let key = Self.keyCode(code) else { return nil }
            self = key
        } else {
            guard let key = Self.character(code) else { return nil }
            self = key
        }
    }

    private static func keyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case CursesKeyCode.up: .up
        case CursesKeyCode.down: .down
        case CursesKeyCode.left: .left
        case CursesKeyCode.right: .right
        case CursesKeyCode.home, CursesKeyCode.keypadA1, CursesKeyCode.find: .home
        case CursesKeyCode.end, CursesKeyCode.keypadC1, CursesKeyCode.select: .end
        case CursesKeyCode.previousPage, CursesKeyCode.keypadA3: .pageUp
        case CursesKeyCode.nextPage, CursesKeyCode.keypadC3: .pageDown
        case CursesKeyCode.backspace: .backspace
        case CursesKeyCode.deleteCharacter: .delete
        case CursesKeyCode.enter: .enter
        case CursesKeyCode.backTab: .backTab
        case CursesKeyCode.resize: .resize
        case (CursesKeyCode.functionBase + 1)...(CursesKeyCode.functionBase + 12):
            .function(Int(code - CursesKeyCode.functionBase))
        default: nil
        }
    }

    private static func character(_ code: Int32) -> KeyEvent? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0...31:
            // Ctrl-A is 1, ... Ctrl-Z is 26: the chord's character is code + 64.
            let chord = Character(Unicode.Scalar(UInt8(code) + 0x40))
            return .ctrl(Character(chord.lowercased()))
        case 0x80...0x9F:
            return nil
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
