import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back on the ways out that skip the app's own cleanup:
/// `exit()` called from anywhere (an `atexit` handler), and SIGINT, SIGTERM,
/// SIGHUP (restore, then exit with 128 + the signal number, as a shell
/// reports a death by signal). SIGWINCH is left to ncurses, which turns it
/// into a `.resize` key.
///
/// A C signal handler may only run async-signal-safe code, which endwin is
/// not. So the signals are ignored at the C level (`SIG_IGN`) and observed
/// with dispatch signal sources, whose handlers run as ordinary code. Those
/// run on a queue of their own, not the main queue, because the run loop
/// may block the main thread in `readKey` and a main-queue handler would
/// then never run.
enum ExitRestore {
    private struct Registration {
        var terminal: CursesTerminal?
        /// Kept so the sources live as long as the process.
        var signalSources: [any DispatchSourceSignal] = []
    }

    private static let registration = Mutex(Registration())

    /// Makes `terminal` the one restored on exit; installs the handlers the
    /// first time.
    static func register(_ terminal: CursesTerminal) {
        registration.withLock { registration in
            registration.terminal = terminal
            guard registration.signalSources.isEmpty else { return }
            atexit { ExitRestore.restoreTerminal() }
            let queue = DispatchQueue(label: "sesterce-dash.terminal-signals")
            registration.signalSources = [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler {
                    ExitRestore.restoreTerminal()
                    exit(128 + signalNumber)
                }
                source.resume()
                return source
            }
        }
    }

    private static func restoreTerminal() {
        registration.withLock { $0.terminal }?.restore()
    }
}
