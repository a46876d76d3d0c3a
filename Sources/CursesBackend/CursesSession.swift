import CNCurses
import TerminalUI
import TextLayout

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncurses screen between `CursesTerminal.init` and `restore()`: every
/// ncurses call the dashboard makes, and what they need to remember (the
/// frame on screen, the colour pairs, the input timeout in force).
///
/// `CursesTerminal` keeps it behind a lock, so ncurses (which is not thread
/// safe) is never entered from two threads, e.g. the run loop and a signal.
struct CursesSession: Sendable {
    private(set) var isOpen = true
    /// The last frame drawn; nil when the screen must be redrawn in full.
    private var onScreen: Buffer?
    private var pairs: ColorPairTable
    private var inputTimeout: Int32?

    private init(pairs: ColorPairTable) {
        self.pairs = pairs
    }

    /// Takes over the terminal: alternate screen, raw mode (Ctrl-C and Ctrl-S
    /// arrive as keys, flow control off), no echo, no newline translation,
    /// keypad decoding, hidden cursor, a 25 ms wait to tell Esc from the start
    /// of an escape sequence.
    static func open(colorMode: ColorMode) throws(TerminalError) -> CursesSession {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let type = getenv("TERM").map({ String(cString: $0) }), !type.isEmpty else {
            throw .terminalTypeNotSet
        }
        selectUTF8Locale()
        // Not initscr, which exits the process on an unknown TERM.
        guard cn_newterm_stdio() != nil else { throw .unknownTerminalType(type) }
        let window = cn_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)

        if colorMode == .auto, has_colors() { start_color() }
        let depth = ColorDepth(mode: colorMode, hasColors: has_colors(), colorCount: Int(cn_colors()))
        let hasDefaultColors = depth != .none && use_default_colors() == OK
        return CursesSession(pairs: ColorPairTable(depth: depth, hasDefaultColors: hasDefaultColors,
                                                   capacity: Int(cn_color_pairs())))
    }

    /// ncurses draws wide characters only in a UTF-8 locale (otherwise every
    /// non-ASCII glyph is blank). Only the character type is taken from the
    /// environment, so number formatting stays unaffected; without a UTF-8
    /// locale there (LANG unset, as in many containers) C.UTF-8 is used.
    private static func selectUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if !isUTF8Locale { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static var isUTF8Locale: Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    var size: TerminalSize {
        TerminalSize(width: Int(cn_cols()), height: Int(cn_lines()))
    }

    /// Writes the cells of `frame` that differ from the frame on screen (all of
    /// them after a resize or a change of size), then refreshes once. Cells
    /// beyond the terminal's edge are left out.
    mutating func draw(_ frame: Buffer) {
        guard isOpen else { return }
        let window = cn_stdscr()
        let diff = FrameDiff(from: onScreen, to: frame)
        if diff.isFullRedraw { werase(window) }
        let columns = Int(cn_cols()), rows = Int(cn_lines())
        for change in diff.changes where change.x < columns && change.y < rows {
            let cell = change.cell
            if DisplayWidth.of(cell.text) == 2 {
                if change.x + 1 < columns {
                    // Blank the right half first: the glyph covers it if
                    // ncurses agrees it is wide, else no stale half remains.
                    write(" ", style: cell.style, x: change.x + 1, y: change.y)
                    write(cell.text, style: cell.style, x: change.x, y: change.y)
                } else {
                    write(" ", style: cell.style, x: change.x, y: change.y)
                }
            } else {
                write(cell.text, style: cell.style, x: change.x, y: change.y)
            }
        }
        wrefresh(window)
        onScreen = frame
    }

    private mutating func write(_ text: String, style: Style, x: Int, y: Int) {
        let pair = pairs.pair(foreground: style.foreground, background: style.background) { number, colors in
            init_pair(number, colors.foreground, colors.background)
        }
        let attributes = Self.attributes(style.attributes)
        // One spacing character and its combining marks, NUL-terminated.
        let characters = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) } + [0]
        var cell = cchar_t()
        if setcchar(&cell, characters, attributes, pair, nil) == ERR {
            setcchar(&cell, [0xFFFD, 0], attributes, pair, nil)
        }
        mvwadd_wch(cn_stdscr(), Int32(y), Int32(x), &cell)
    }

    private static func attributes(_ attributes: Attributes) -> attr_t {
        var result: attr_t = 0
        if attributes.contains(.bold) { result |= cn_a_bold() }
        if attributes.contains(.dim) { result |= cn_a_dim() }
        if attributes.contains(.reverse) { result |= cn_a_reverse() }
        if attributes.contains(.underline) { result |= cn_a_underline() }
        return result
    }

    /// Waits up to `milliseconds` (0: not at all) for one key. Nil when none
    /// came or it is one the dashboard ignores. A resize makes the next draw
    /// a full redraw.
    mutating func readKey(waitingMilliseconds milliseconds: Int32) -> KeyEvent? {
        guard isOpen else { return nil }
        let window = cn_stdscr()
        if inputTimeout != milliseconds {
            wtimeout(window, milliseconds)
            inputTimeout = milliseconds
        }
        var input: wint_t = 0
        let result = wget_wch(window, &input)
        guard result != ERR,
              let key = KeyEvent(code: Int32(bitPattern: input), isKeyCode: result == KEY_CODE_YES)
        else { return nil }
        if key == .resize {
            onScreen = nil
            clearok(window, true)
        }
        return key
    }

    /// Gives the terminal back: cursor shown, normal screen, cooked mode.
    /// Once restored, drawing and reading do nothing.
    mutating func restore() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }
}
