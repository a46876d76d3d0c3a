import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGINT for the headless watcher: the handler only notes the
/// signal and wakes the loop through its inbox (async-signal-safe), and the
/// loop then finishes what it is writing and returns.
enum StopSignal {
    nonisolated(unsafe) private static var inbox: ActionInbox?
    private static let received = Atomic<Bool>(false)

    /// Call on the loop's thread: the signals are unblocked there, whatever
    /// mask the process inherited (a parent may have blocked them), so that
    /// they reach the process at all.
    static func forward(to inbox: ActionInbox) {
        Self.inbox = inbox
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in StopSignal.handle() }
        #else
        action.__sigaction_u.__sa_handler = { _ in StopSignal.handle() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
    }

    static var wasReceived: Bool { received.load(ordering: .relaxed) }

    private static func handle() {
        received.store(true, ordering: .relaxed)
        inbox?.wake()
    }
}
