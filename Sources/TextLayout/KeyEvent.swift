/// One key press as the dashboard's keymap sees it, independent of ncurses.
///
/// Keys arrive one at a time; pasted text is simply a run of `.character`
/// (and `.enter` for its newlines). Alt-modified keys arrive as `.escape`
/// followed by the key, which a keymap may treat as two presses.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (Space included), any script.
    case character(Character)
    /// A control chord: `.ctrl("c")` for Ctrl-C, `.ctrl("s")` for Ctrl-S.
    /// Letters are lowercase; Ctrl-@ \ ] ^ _ give "@", "\\", "]", "^", "_".
    /// Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ are indistinguishable from
    /// Backspace, Tab, Enter and Esc on a terminal and arrive as those.
    case ctrl(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// F1 to F12, by number.
    case function(Int)
    /// The terminal changed size: query the size and draw a new frame.
    case resize
    /// A click or a turn of the wheel (the terminal's SGR mouse reports).
    case mouse(MouseEvent)
}

/// What the mouse did, and on which cell (0-based, from the top left).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The left button pressed; `count` 2 for the second press of a double click.
        case click(count: Int)
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var column: Int
    public var row: Int

    public init(_ kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
