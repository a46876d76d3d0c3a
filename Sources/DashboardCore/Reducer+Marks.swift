import SesterceModels

/// Marks, as in k9s: Space marks the selected instance and moves down; `s`,
/// `x`, `T` and `D` then change every marked instance after one question
/// that names them and says what the burn rate gains or loses. Each change
/// still leaves as its own request, through the request scheduler, and its
/// result comes back as a single action's does.
extension State {
    /// `s`, `x`, `T` and `D` act on the marks: on the Instances table (not an
    /// open detail) while some instance is marked.
    var actsOnMarks: Bool { pane == .instances && detailId == nil && !marks.isEmpty }

    mutating func markSelected() {
        guard pane == .instances, detailId == nil else {
            if detailId == nil { showInfo("Space marks instances: on the Instances pane (1)") }
            return
        }
        guard let id = listings[.instances]?.selectedId else { return }
        if marks.remove(id) == nil { marks.insert(id) }
        move(.down)
    }

    mutating func clearMarks() {
        guard !marks.isEmpty else { return }
        showInfo(marks.count == 1 ? "Unmarked 1 instance" : "Unmarked \(marks.count) instances")
        marks = []
    }

    /// Marks of instances no longer listed go with them.
    mutating func dropMarksOfGoneInstances() {
        guard !marks.isEmpty else { return }
        marks.formIntersection(instances.map(\.id))
    }

    /// The marked instances, in the table's order (then any the filter hides, by name).
    var markedInstances: [Instance] {
        let shown = (listings[.instances]?.order ?? []).map { instances[$0] }.filter { marks.contains($0.id) }
        let shownIds = Set(shown.map(\.id))
        let hidden = instances.filter { marks.contains($0.id) && !shownIds.contains($0.id) }
        return shown + hidden.sorted { $0.name < $1.name }
    }

    /// Why `kind` does not apply to `instance` (said in the question), or nil when it does.
    func reasonLeftOut(_ kind: BulkAction.Kind, _ instance: Instance) -> String? {
        let status = PaneTable.displayStatus(instance, self)
        if let transition = transitions[instance.id] {
            return kind == .delete && transition.status != Transition.deleting ? nil : "already \(transition.status.lowercased())"
        }
        let reason: String? = switch kind {
        case .start: Self.pointless(start: true, status: status)
        case .stop, .stopTimer: Self.pointless(start: false, status: status)
        case .delete: status == .deleting || status == .deleted ? "is being deleted" : nil
        }
        return reason.map { $0.hasPrefix("is ") ? String($0.dropFirst(3)) : $0 }
    }

    /// `s`, `x`, `T` or `D` with instances marked: one question for all of
    /// them. A start asks the details it lacks, to say what they will cost.
    mutating func askBulk(_ kind: BulkAction.Kind) -> [Effect] {
        guard !settings.readonly else {
            showError("read-only: marked instances cannot be changed (--readonly)")
            return []
        }
        if kind == .stopTimer, !settings.ledger {
            showError("Stop timers are kept in the ledger, which is off (--no-ledger or ledger: false)")
            return []
        }
        var targets: [BulkAction.Target] = []
        var leftOut: [BulkAction.LeftOut] = []
        for instance in markedInstances {
            if let reason = reasonLeftOut(kind, instance) {
                leftOut.append(BulkAction.LeftOut(name: instance.name, reason: reason))
            } else {
                targets.append(BulkAction.Target(id: instance.id, name: instance.name))
            }
        }
        guard !targets.isEmpty else {
            let reasons = Set(leftOut.map(\.reason)).sorted().joined(separator: " or ")
            showInfo("None of the \(leftOut.count) marked instances to \(kind.verb): \(reasons)")
            return []
        }
        overlay = .bulk(BulkAction(kind: kind, targets: targets, leftOut: leftOut))
        guard kind == .start else { return [] }
        return targets.filter { details[$0.id] == nil }.map { .fetchDetail(id: $0.id) }
    }

    /// y (start, stop) or Enter (stop timer, delete) on the question: one
    /// request per instance still there and still concerned; the marks go.
    mutating func confirmBulk() -> [Effect] {
        guard case .bulk(let action) = overlay, !startAwaitsPrice else { return [] }
        guard !settings.readonly else {
            overlay = nil
            showError("read-only: no changes can be made")
            return []
        }
        if action.kind == .delete, action.typed != BulkAction.deleteWord {
            showError("Type \(BulkAction.deleteWord) to delete the \(action.targets.count) marked instances")
            return []
        }
        if action.kind == .stopTimer { return confirmBulkStopTimer(action) }
        let still = action.targets.filter { target in
            instances.first { $0.id == target.id }.map { reasonLeftOut(action.kind, $0) == nil } ?? false
        }
        overlay = nil
        marks = []
        let changed = action.targets.count - still.count
        let note = changed == 0 ? "" : " (\(changed) changed meanwhile, left alone)"
        switch action.kind {
        case .start, .stop:
            let start = action.kind == .start
            for target in still {
                transitions[target.id] = PendingTransition(status: start ? Transition.starting : Transition.stopping)
            }
            reorder(.instances)
            showInfo("\(start ? "Starting" : "Stopping") \(Self.count(still.count))…" + note)
            return still.map { .perform(start ? .start(id: $0.id, name: $0.name) : .stop(id: $0.id, name: $0.name)) }
        case .delete:
            showInfo("Deleting \(Self.count(still.count))…" + note)
            return still.map { .perform(.deleteInstance(id: $0.id, name: $0.name)) }
        case .stopTimer:
            return []
        }
    }

    /// Enter in the stop-timer question of marked instances: sets each one's
    /// timer, or cancels those they have when the line is empty.
    private mutating func confirmBulkStopTimer(_ action: BulkAction) -> [Effect] {
        let present = action.targets.filter { target in instances.contains { $0.id == target.id } }
        if action.typed.trimmingCharacters(in: .whitespaces).isEmpty {
            overlay = nil
            marks = []
            let timed = present.filter { stopTimers[$0.id] != nil }
            guard !timed.isEmpty else { return [] }
            showInfo("Cancelled the stop timers of \(Self.count(timed.count))")
            return timed.flatMap { cancelTimer(of: $0.id, name: $0.name) } + armStopTimers()
        }
        switch StopTime.parse(action.typed, now: now, timeZone: settings.timeZone) {
        case .failure(let error):
            showError(error.description)
            return []
        case .success(let due):
            overlay = nil
            marks = []
            let left = Formatting.countdown(due.timeIntervalSince(now))
            showInfo(present.count == 1 ? "\(present[0].name) stops in \(left)" : "\(present.count) instances stop in \(left)")
            return present.flatMap { setTimer(StopTimer(instanceId: $0.id, instanceName: $0.name, dueAt: due)) }
                + armStopTimers()
        }
    }

    mutating func typeInBulk(_ change: (inout String) -> Void) {
        guard case .bulk(var action) = overlay, action.isTyped else { return }
        change(&action.typed)
        overlay = .bulk(action)
    }

    /// "1 instance", "3 instances".
    static func count(_ instances: Int) -> String { instances == 1 ? "1 instance" : "\(instances) instances" }
}
