#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP — a Swift trap)
/// runs no atexit handler, so the terminal would stay raw and on the alternate
/// screen. The handler below makes only async-signal-safe calls: it puts back
/// the settings saved before ncurses changed them, leaves the alternate
/// screen, shows the cursor, and then dies of the same signal.
enum CrashRestore {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false

    static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Saves the terminal settings; call before ncurses starts.
    static func install() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { signalNumber in CrashRestore.restore(signalNumber) }
        #else
        action.__sigaction_u.__sa_handler = { signalNumber in CrashRestore.restore(signalNumber) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)  // 0x80000000 does not fit an Int32
        for signalNumber in signals { sigaction(signalNumber, &action, nil) }
    }

    private static func restore(_ signalNumber: Int32) {
        if hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        // Mouse reports off (as MouseReports.off), attributes reset, cursor shown, normal screen.
        let reset: StaticString = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }
}
