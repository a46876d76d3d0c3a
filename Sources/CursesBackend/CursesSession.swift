import CNCurses
import TerminalUI
import TextLayout

#if canImport(Glibc)
import Glibc
/// write(2), which `CursesSession.write` hides by name.
private let unistdWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let unistdWrite = Darwin.write
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
    /// Whether the terminal was asked for mouse reports.
    private let mouse: Bool
    /// The last click, to tell a double click: where and when.
    private var lastClick: (column: Int, row: Int, at: ContinuousClock.Instant)?
    /// Two clicks on one cell this close together are a double click.
    private static let doubleClickWithin: Duration = .milliseconds(400)

    private init(pairs: ColorPairTable, mouse: Bool) {
        self.pairs = pairs
        self.mouse = mouse
    }

    /// Takes over the terminal: alternate screen, raw mode (Ctrl-C and Ctrl-S
    /// arrive as keys, flow control off), no echo, no newline translation,
    /// keypad decoding, hidden cursor, a 25 ms wait to tell Esc from the start
    /// of an escape sequence; with `mouse`, the terminal's mouse reports.
    static func open(colorMode: ColorMode, mouse: Bool) throws(TerminalError) -> CursesSession {
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
        // Frames are drawn after the keys waiting are read: no need for
        // ncurses to look for more keys in the middle of drawing one.
        typeahead(-1)
        // Until the screen has once been left and taken again, ncurses
        // flushes its output after every cursor move: a frame went out in
        // as many writes as it had jumps, each waking the terminal (tmux).
        // Leaving and taking it now, before anything is drawn, makes it one.
        endwin()
        doupdate()

        if colorMode == .auto, has_colors() { start_color() }
        let depth = ColorDepth(mode: colorMode, hasColors: has_colors(), colorCount: Int(cn_colors()))
        let hasDefaultColors = depth != .none && use_default_colors() == OK
        if mouse { writeToTerminal(MouseReports.on) }
        return CursesSession(pairs: ColorPairTable(depth: depth, hasDefaultColors: hasDefaultColors,
                                                   capacity: Int(cn_color_pairs())), mouse: mouse)
    }

    /// Writes an escape sequence ncurses does not know of straight to the
    /// terminal. Mouse modes, the bell and notifications are independent of
    /// what ncurses has buffered, so the order against its output does not
    /// matter.
    private static func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = unistdWrite(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Writes `sequence` straight to the terminal while the screen is open;
    /// ncurses has flushed its output at the end of the last `draw`.
    func writeOutOfBand(_ sequence: String) {
        guard isOpen else { return }
        Self.writeToTerminal(sequence)
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
    /// came. Input the dashboard ignores (a mouse button's release, Insert)
    /// is skipped, and what follows it is read without waiting: ncurses may
    /// already have taken it off the terminal, where `poll(2)` would not see
    /// it. A resize makes the next draw a full redraw; Ctrl-Z suspends.
    mutating func readKey(waitingMilliseconds milliseconds: Int32) -> KeyEvent? {
        guard isOpen else { return nil }
        let window = cn_stdscr()
        var wait = milliseconds
        while true {
            if inputTimeout != wait {
                wtimeout(window, wait)
                inputTimeout = wait
            }
            var input: wint_t = 0
            let result = wget_wch(window, &input)
            guard result != ERR else { return nil }
            if let key = decode(Int32(bitPattern: input), isKeyCode: result == KEY_CODE_YES, window: window) {
                return key
            }
            wait = 0
        }
    }

    /// One input of `wget_wch` as a key: nil when it is one the dashboard ignores.
    private mutating func decode(_ code: Int32, isKeyCode: Bool, window: UnsafeMutablePointer<WINDOW>?) -> KeyEvent? {
        if isKeyCode, code == CursesKeyCode.mouse {
            // ncurses matched the report's start (`kmous`); the rest follows.
            if case .event(let event) = readMouseReport(window, prefix: "") { return .mouse(event) }
            return nil
        }
        if !isKeyCode, code == 27, mouse {
            switch readMouseReport(window, prefix: "[<") {
            case .event(let event): return .mouse(event)
            case .ignored: return nil
            case .notAReport: return .escape
            }
        }
        guard let key = KeyEvent(code: code, isKeyCode: isKeyCode) else { return nil }
        if key == .resize {
            onScreen = nil
            clearok(window, true)
        }
        if key == .ctrl("z") {
            suspend()
            return .resize
        }
        return key
    }

    private enum MouseReport {
        case event(MouseEvent)
        /// A report the dashboard has no use for: a release, another button.
        case ignored
        /// No report follows: what was read has been put back.
        case notAReport
    }

    /// After an Esc (or `kmous`): a mouse report, if `prefix` and its
    /// parameters follow at once. Otherwise what was read is put back, and an
    /// Esc stays an Esc.
    private mutating func readMouseReport(_ window: UnsafeMutablePointer<WINDOW>?, prefix: String) -> MouseReport {
        wtimeout(window, 0)
        defer { wtimeout(window, inputTimeout ?? -1) }
        var read: [wint_t] = []
        var text = ""
        while read.count < 32 {
            var input: wint_t = 0
            guard wget_wch(window, &input) == OK, let scalar = Unicode.Scalar(UInt32(input)) else { break }
            read.append(input)
            text.unicodeScalars.append(scalar)
            if text.count <= prefix.count {
                guard prefix.hasPrefix(text) else { break }
                continue
            }
            if scalar == "M" || scalar == "m" {
                guard var event = MouseReports.event(fromParameters: String(text.dropFirst(prefix.count))) else {
                    return .ignored
                }
                countClicks(&event)
                return .event(event)
            }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { break }
        }
        for input in read.reversed() { unget_wch(wchar_t(bitPattern: input)) }
        return .notAReport
    }

    /// Makes the second click on a cell soon after the first a double click.
    private mutating func countClicks(_ event: inout MouseEvent) {
        guard case .click = event.kind else { return }
        let now = ContinuousClock.now
        if let last = lastClick, last.column == event.column, last.row == event.row,
           now - last.at < Self.doubleClickWithin {
            event.kind = .click(count: 2)
            lastClick = nil
        } else {
            lastClick = (event.column, event.row, now)
        }
    }

    /// Ctrl-Z, as a shell expects it: the terminal given back as it was, the
    /// process group stopped (the shell shows its prompt), and on `fg` the
    /// screen taken again and redrawn in full at the size the terminal has
    /// then. Raw mode turns Ctrl-Z into a key, so the stop is sent here, with
    /// the default action in place for it (ncurses may have its own handler).
    /// It is raised on this thread, where it is taken before `raise` returns:
    /// sent to the process (`kill`), it could be taken by another thread
    /// after ncurses' handler was back, which then ran beside this thread's
    /// drawing (a hidden cursor at the prompt, now and then a crash).
    private mutating func suspend() {
        curs_set(1)
        endwin()
        if mouse { Self.writeToTerminal(MouseReports.off) }
        var stop = sigaction(), previous = sigaction()
        #if canImport(Glibc)
        stop.__sigaction_handler.sa_handler = SIG_DFL
        #else
        stop.__sigaction_u.__sa_handler = SIG_DFL
        #endif
        sigemptyset(&stop.sa_mask)
        sigaction(SIGTSTP, &stop, &previous)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &previous, nil)
        // Resumed.
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        curs_set(0)
        if mouse { Self.writeToTerminal(MouseReports.on) }
        onScreen = nil
        clearok(cn_stdscr(), true)
    }

    /// Gives the terminal back: cursor shown, normal screen, cooked mode.
    /// Once restored, drawing and reading do nothing.
    mutating func restore() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        if mouse { Self.writeToTerminal(MouseReports.off) }
    }
}
