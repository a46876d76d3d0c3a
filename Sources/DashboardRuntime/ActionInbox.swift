import DashboardCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where actions from other threads (the effect runner's results and timers)
/// wait for the session loop, and the one way to wake it: a pipe whose read
/// end the loop watches with `poll(2)` beside the terminal. A byte is written
/// only when the inbox goes from empty to not empty, so a burst of results
/// wakes the loop once.
public final class ActionInbox: Sendable {
    private let actions = Mutex<[Action]>([])
    /// The pipe's two ends, both non-blocking.
    private let readEnd: Int32, writeEnd: Int32

    public init() throws(RuntimeError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .wakeChannel(errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// What the loop polls: readable when there is something to take.
    public var descriptor: Int32 { readEnd }

    /// Queues `action` and wakes the loop. Safe from any thread.
    public func post(_ action: Action) {
        let wasEmpty = actions.withLock { actions in
            defer { actions.append(action) }
            return actions.isEmpty
        }
        if wasEmpty { wake() }
    }

    /// Wakes the loop with nothing queued (a resize, say). Async-signal-safe.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything queued, oldest first; empties the pipe too.
    public func take() -> [Action] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return actions.withLock { actions in
            defer { actions.removeAll(keepingCapacity: true) }
            return actions
        }
    }
}

/// Why the runtime could not start.
public enum RuntimeError: Error, CustomStringConvertible {
    case wakeChannel(errno: Int32)

    public var description: String {
        switch self {
        case .wakeChannel(let code): "could not create the loop's wake-up pipe: \(String(cString: strerror(code)))"
        }
    }
}
