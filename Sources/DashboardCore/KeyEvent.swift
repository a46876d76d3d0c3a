/// A key press, decoded by the terminal backend and mapped to an `Action` by the
/// `Keymap`. Plain text arrives one character at a time (pastes too).
public enum KeyEvent: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter, lowercase ("c" for Ctrl-C, "s" for Ctrl-S).
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case resize
}
