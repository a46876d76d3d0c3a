import NIOCore
import NIOPosix

/// Waits on SwiftNIO's event loop instead of `Task.sleep`. On Linux
/// `Task.sleep` goes through libdispatch: its timer thread wakes, a worker
/// thread is started to resume the task, and once any worker has run, the
/// pool's monitor wakes the process every second for as long as it lives.
/// The scheduler's pacing is the only sleep an idle dashboard does, every
/// poll, so it sleeps here, where the network I/O already waits.
enum EventLoopSleep {
    /// Returns at `deadline`, or at once when the task is cancelled.
    static func until(_ deadline: ContinuousClock.Instant, clock: ContinuousClock) async {
        let delay = clock.now.duration(to: deadline)
        guard delay > .zero else { return }
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds * 1_000_000_000 + (attoseconds + 999_999_999) / 1_000_000_000
        let scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(nanoseconds)) {}
        await withTaskCancellationHandler {
            _ = try? await scheduled.futureResult.get()
        } onCancel: {
            scheduled.cancel()
        }
    }
}
