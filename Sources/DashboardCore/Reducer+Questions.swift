/// The answer to the question on screen, by key (y, Enter, n, Esc) or by a
/// click on the answer drawn in its last line: both go through here, so a
/// click can do no more than the key it stands for.
extension State {
    mutating func answerQuestion(_ answer: QuestionAnswer) -> [Effect] {
        guard answer == .yes else {
            overlay = nil
            return []
        }
        if case .deleteInstance = overlay { return confirmDelete() }
        if case .stopTimer = overlay { return confirmStopTimer() }
        if case .bulk = overlay { return confirmBulk() }
        if overlay == .discardForm {
            overlay = nil
            form = nil
            return []
        }
        guard case .confirm(let mutation) = overlay, !startAwaitsPrice else { return [] }
        overlay = nil
        guard !settings.readonly else {
            showError("read-only: no changes can be made")
            return []
        }
        if let id = mutation.instanceId {
            let label = if case .start = mutation { Transition.starting } else { Transition.stopping }
            transitions[id] = PendingTransition(status: label)
            reorder(.instances)
        }
        return [.perform(mutation)]
    }
}
