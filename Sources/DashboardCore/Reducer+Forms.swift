/// What every form shares: submit (validate first, never in read-only) and
/// cancel (ask before throwing typed values away).
extension State {
    mutating func submitForm() -> [Effect] {
        guard var session = form, !session.submitting else { return [] }
        if session.purpose == .playgroundParameters {
            if session.form.attemptSubmit().isEmpty { applyParameters(session) } else { form = session }
            return []
        }
        defer { form = session }
        guard session.form.attemptSubmit().isEmpty else { return [] }
        guard !settings.readonly else {
            showError("read-only: nothing is sent (--readonly)")
            return []
        }
        return session.purpose.isInstance ? submitInstance(&session) : submitRegistry(&session)
    }

    mutating func cancelForm() {
        guard let session = form else { return }
        if session.form.isEdited {
            overlay = .discardForm
        } else {
            form = nil
        }
    }
}
