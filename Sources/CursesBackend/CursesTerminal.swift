import Synchronization
import TerminalUI
import TextLayout

/// The terminal while the dashboard runs: the one object that draws frames
/// and reads keys, through ncurses.
///
/// Opening it also arranges for the terminal to be given back on every way
/// out: SIGINT, SIGTERM and SIGHUP restore it and exit with 128 + the signal
/// number, and `exit()` from anywhere restores it (see `ExitRestore`). The
/// app still calls `restore()` itself before printing anything after the
/// dashboard, on every path; it is idempotent.
///
/// All ncurses calls go through one lock, so the signal handler (on its own
/// queue) never enters ncurses while the run loop is inside it.
public final class CursesTerminal: Sendable {
    private let session: Mutex<CursesSession>

    /// The longest a `readKey` call holds the lock in one go, which bounds how
    /// long a signal waits to restore the terminal.
    private static let longestWait: Duration = .milliseconds(100)

    /// Takes over the terminal. Throws, without having changed it, when
    /// standard input or output is not a terminal or `TERM` is unset or
    /// unknown. `colorMode: .none` draws attributes only; `mouse` asks the
    /// terminal for clicks and the wheel (and is switched off whenever the
    /// terminal is handed back).
    public init(colorMode: ColorMode, mouse: Bool = true) throws(TerminalError) {
        // Before ncurses touches the settings: a crash puts these back.
        CrashRestore.install()
        session = Mutex(try CursesSession.open(colorMode: colorMode, mouse: mouse))
        ExitRestore.register(self)
    }

    /// The size now; after `.resize` the new one.
    public var size: TerminalSize {
        session.withLock { $0.size }
    }

    /// Shows `frame`, writing only the cells that changed since the last one
    /// (everything after a resize). Does nothing once restored.
    public func draw(_ frame: Buffer) {
        session.withLock { $0.draw(frame) }
    }

    /// Writes a sequence ncurses does not know of (the bell, a desktop
    /// notification: `DesktopNotification`, a copy to the clipboard:
    /// `ClipboardCopy`) straight to the terminal, between
    /// two frames, never in the middle of one. Does nothing once restored.
    public func alert(_ sequence: String) {
        session.withLock { $0.writeOutOfBand(sequence) }
    }

    /// The next key, waiting at most `timeout` (nil: until a key comes, zero:
    /// not at all). Nil when the time ran out, and at once when the terminal
    /// has been restored. Keys the dashboard has no use for are skipped.
    public func readKey(timeout: Duration?) -> KeyEvent? {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        while true {
            let wait = deadline.map { min(Self.longestWait, max(.zero, $0 - clock.now)) } ?? Self.longestWait
            let milliseconds = Int32(wait / .milliseconds(1))
            let (key, isOpen) = session.withLock { ($0.readKey(waitingMilliseconds: milliseconds), $0.isOpen) }
            if let key { return key }
            if !isOpen { return nil }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    /// Gives the terminal back (normal screen, cursor visible, cooked mode).
    /// Safe to call more than once and from any thread.
    public func restore() {
        session.withLock { $0.restore() }
    }
}
