import DashboardCore
import Dispatch
import Foundation
import Ledger
import NIOPosix
import SesterceModels

/// Runs the ledger's work on a thread of its own, off the render path:
/// writes in the order the polls came, each read after the writes before it.
/// Results and failures come back as actions.
///
/// One SwiftNIO pool thread rather than a dispatch queue: the first job on a
/// dispatch queue starts libdispatch's worker pool, whose monitor then wakes
/// the process every second for good (see `EventLoopSleep`).
public final class LedgerWorker: Sendable {
    private let ledger: Ledger
    private let thread = NIOThreadPool(numberOfThreads: 1)
    private let send: @Sendable (Action) -> Void

    public init(ledger: Ledger, send: @escaping @Sendable (Action) -> Void) {
        self.ledger = ledger
        self.send = send
        thread.start()
    }

    deinit {
        thread.shutdownGracefully { _ in }
    }

    /// Performs a ledger effect; false for an effect that is not the ledger's.
    func perform(_ effect: Effect) -> Bool {
        switch effect {
        case .recordPoll(let instances, let readiness, let time, let maxGap):
            run { ledger in
                let events = try ledger.record(instances, readiness: readiness, at: time, maxGap: maxGap).events
                return events.isEmpty ? nil : .eventsDetected(events)
            }
        case .loadCostHistory(let time, let count):
            run { .costHistoryLoaded(try $0.history(at: time, instances: count)) }
        case .recordEvent(let event):
            run { try $0.record(event); return nil }
        case .loadEvents:
            run { .eventsLoaded(try $0.events(limit: State.eventsKept)) }
        case .loadStopTimers:
            run { .stopTimersLoaded(try $0.stopTimers()) }
        case .setStopTimer(let timer, let time):
            run { ledger in
                try ledger.setStopTimer(timer, at: time)
                return .stopTimersLoaded(try ledger.stopTimers())
            }
        case .cancelStopTimer(let id, let time):
            run { ledger in
                try ledger.cancelStopTimer(instanceId: id, at: time)
                return .stopTimersLoaded(try ledger.stopTimers())
            }
        case .claimStopTimer(let timer, let time, let price):
            run { .stopTimerClaimed(timer, claimed: try $0.claim(timer, at: time, hourlyPrice: price)) }
        default:
            return false
        }
        return true
    }

    /// Waits for the work queued so far (the end of a session, tests), and
    /// stops the thread: work handed over later is not done. (Stopping alone
    /// would drop what is queued: SwiftNIO's pool cancels it.)
    public func finish() {
        let done = DispatchSemaphore(value: 0)
        thread.submit { _ in done.signal() }
        done.wait()
        try? thread.syncShutdownGracefully()
    }

    private func run(_ work: @escaping @Sendable (Ledger) throws -> Action?) {
        thread.submit { [ledger, send] state in
            guard case .active = state else { return }
            do {
                if let action = try work(ledger) { send(action) }
            } catch {
                send(.ledgerFailed("\(error)"))
            }
        }
    }
}
