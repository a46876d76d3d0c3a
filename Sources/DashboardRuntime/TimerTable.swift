import DashboardCore
import Foundation
import Synchronization

/// The armed timers, by id: when each is due and what it sends. Arming an id
/// that is armed replaces it; nothing fires twice. The session loop drives
/// it from its own `poll(2)` timeout, so a timer costs the process one
/// wake-up and no other thread; without a loop the `EffectRunner` drives it
/// with one task that sleeps until the next deadline.
public final class TimerTable: Sendable {
    private struct Timer {
        var deadline: ContinuousClock.Instant
        var action: Action
    }

    private let timers = Mutex<[TimerID: Timer]>([:])

    public init() {}

    public func arm(_ id: TimerID, after seconds: Double, _ action: Action) {
        let deadline = ContinuousClock.now + .seconds(max(0, seconds))
        timers.withLock { $0[id] = Timer(deadline: deadline, action: action) }
    }

    public func cancel(_ id: TimerID) {
        timers.withLock { _ = $0.removeValue(forKey: id) }
    }

    public func cancelAll() {
        timers.withLock { $0.removeAll() }
    }

    public var count: Int { timers.withLock { $0.count } }

    /// When the earliest timer is due; nil when none is armed.
    public var nextDeadline: ContinuousClock.Instant? {
        timers.withLock { $0.values.lazy.map(\.deadline).min() }
    }

    /// Takes the timers due by now, earliest first, and returns what they
    /// send; a `.tick` says when it fired.
    public func takeDue() -> [Action] {
        let now = ContinuousClock.now
        let due = timers.withLock { timers in
            // Most wake-ups are a result, with no timer due: nothing built then.
            guard timers.values.contains(where: { $0.deadline <= now }) else { return [Timer]() }
            let due = timers.filter { $0.value.deadline <= now }
            for id in due.keys { timers[id] = nil }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        let firedAt = Date()
        return due.map { $0.action.firedAt(firedAt) }
    }
}

extension TimerTable {
    /// `poll(2)`'s timeout: milliseconds until the next timer, rounded up so
    /// that it is due on waking; -1 (no limit) when none is armed.
    var pollTimeout: Int32 {
        guard let deadline = nextDeadline else { return -1 }
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return 0 }
        return Int32(min(left / .milliseconds(1), Double(Int32.max - 1)).rounded(.up))
    }
}

extension Action {
    /// This action as a timer sends it at `time`: a `.tick`, stop timers
    /// falling due and the detail sweep say when they fired.
    func firedAt(_ time: Date) -> Action {
        if case .tick = self { return .tick(time) }
        if case .stopTimersDue = self { return .stopTimersDue(time) }
        if case .detailSweepDue = self { return .detailSweepDue(time) }
        return self
    }
}
