#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGWINCH may be delivered to any thread, so it does not reliably interrupt
/// the loop's `poll(2)`. This handler wakes the loop through its inbox, then
/// hands the signal to the handler that was there before (ncurses', which
/// notes the new size and reports `.resize` on the next key read). Both do
/// only async-signal-safe work.
enum ResizeSignal {
    nonisolated(unsafe) private static var inbox: ActionInbox?
    nonisolated(unsafe) private static var previous = sigaction()

    nonisolated(unsafe) private static var installed = false

    /// Starts forwarding to `inbox` (kept alive until the next call). The
    /// handler is installed once: installed again, it would find itself as
    /// the handler before and call itself for ever.
    static func forward(to inbox: ActionInbox) {
        Self.inbox = inbox
        guard !installed else { return }
        installed = true
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { signalNumber in ResizeSignal.handle(signalNumber) }
        #else
        action.__sigaction_u.__sa_handler = { signalNumber in ResizeSignal.handle(signalNumber) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &action, &previous)
    }

    private static func handle(_ signalNumber: Int32) {
        inbox?.wake()
        #if canImport(Glibc)
        let handler = previous.__sigaction_handler.sa_handler
        #else
        let handler = previous.__sigaction_u.__sa_handler
        #endif
        if let handler, unsafeBitCast(handler, to: Int.self) > 1 { handler(signalNumber) }
    }
}
