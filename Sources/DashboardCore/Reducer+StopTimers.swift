import Foundation
import SesterceModels

/// Stop timers: kept in the ledger so that they outlive this process, fired
/// by whichever process of the account claims them first, exactly once.
extension State {
    /// `T` on an instance: asks when to stop it (prefilled with its timer's
    /// time left, so that Enter on an emptied line cancels it).
    mutating func askStopTimer() {
        guard pane == .instances || detailId != nil, let instance = selectedInstance else { return }
        guard settings.ledger else {
            showError("Stop timers are kept in the ledger, which is off (--no-ledger or ledger: false)")
            return
        }
        guard !settings.readonly else {
            showError("read-only: stop timers can be neither set nor fired (--readonly)")
            return
        }
        let current = stopTimers[instance.id].map { Formatting.countdown($0.dueAt.timeIntervalSince(now)) } ?? ""
        overlay = .stopTimer(id: instance.id, name: instance.name, typed: current)
    }

    /// Enter in the `T` prompt: sets the timer, or cancels it when the line is empty.
    mutating func confirmStopTimer() -> [Effect] {
        guard case .stopTimer(let id, let name, let typed) = overlay else { return [] }
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            overlay = nil
            guard stopTimers[id] != nil else { return [] }
            return cancelTimer(of: id, name: name)
        }
        switch StopTime.parse(typed, now: now, timeZone: settings.timeZone) {
        case .failure(let error):
            showError(error.description)
            return []
        case .success(let due):
            overlay = nil
            showInfo("\(name) stops in \(Formatting.countdown(due.timeIntervalSince(now)))")
            return setTimer(StopTimer(instanceId: id, instanceName: name, dueAt: due)) + armStopTimers()
        }
    }

    /// Keeps `timer` (in the ledger too) and says so as an event; the caller re-arms.
    mutating func setTimer(_ timer: StopTimer) -> [Effect] {
        stopTimers[timer.instanceId] = timer
        reorder(.instances)
        return [.setStopTimer(timer, at: now)]
            + receive([AccountEvent(
                at: now, kind: .timerSet, instanceId: timer.instanceId, instanceName: timer.instanceName,
                new: StopTimer.iso(timer.dueAt))])
    }

    /// Drops the timer of `id` (in the ledger too) and says so as an event.
    mutating func cancelTimer(of id: String, name: String) -> [Effect] {
        stopTimers[id] = nil
        reorder(.instances)
        return [.cancelStopTimer(instanceId: id, at: now)]
            + receive([AccountEvent(at: now, kind: .timerCancelled, instanceId: id, instanceName: name)])
    }

    mutating func typeInStopTimer(_ change: (inout String) -> Void) {
        guard case .stopTimer(let id, let name, var typed) = overlay else { return }
        change(&typed)
        overlay = .stopTimer(id: id, name: name, typed: typed)
    }

    mutating func loadedStopTimers(_ list: [StopTimer]) -> [Effect] {
        stopTimers = Dictionary(list.map { ($0.instanceId, $0) }) { _, last in last }
        reorder(.instances)
        return armStopTimers()
    }

    /// One timer for the soonest stop; none in read-only mode (timers are not fired there).
    mutating func armStopTimers() -> [Effect] {
        guard !settings.readonly, let soonest = stopTimers.values.map(\.dueAt).min() else { return [.cancel(.stopTimers)] }
        return [.timer(.stopTimers, after: max(0, soonest.timeIntervalSince(now)), action: .stopTimersDue(soonest))]
    }

    /// The soonest timer's time came: ask to claim every due one.
    mutating func stopTimersDue(at time: Date) -> [Effect] {
        now = max(now, time)
        guard !settings.readonly else { return [] }
        let due = stopTimers.values.filter { $0.dueAt <= now }.sorted { $0.dueAt < $1.dueAt }
        return due.map { timer in
            .claimStopTimer(timer, at: now, hourlyPrice: instances.first { $0.id == timer.instanceId }?.hourlyPrice)
        }
    }

    /// This process got the timer (it stops the instance) or another did first.
    mutating func stopTimerClaimed(_ timer: StopTimer, claimed: Bool) -> [Effect] {
        stopTimers[timer.instanceId] = nil
        reorder(.instances)
        guard claimed else { return [.loadStopTimers] }
        let price = instances.first { $0.id == timer.instanceId }?.hourlyPrice
        var effects = receive([AccountEvent(
            at: now, kind: .timerFired, instanceId: timer.instanceId, instanceName: timer.instanceName,
            new: StopTimer.iso(timer.dueAt), hourlyPrice: price)])
        let mutation = Mutation.stop(id: timer.instanceId, name: timer.instanceName)
        if instances.contains(where: { $0.id == timer.instanceId }) {
            transitions[timer.instanceId] = PendingTransition(status: Transition.stopping)
            reorder(.instances)
            effects.append(.perform(mutation))
        } else {
            effects += note(AccountEvent(
                at: now, kind: .action, instanceId: timer.instanceId, instanceName: timer.instanceName,
                detail: "stop failed: the instance is gone"))
        }
        return effects + [.loadStopTimers]
    }
}
