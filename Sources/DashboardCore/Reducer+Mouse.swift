import TextLayout

extension State {
    /// Rows one turn of the wheel moves, as in most terminal programs.
    static let wheelStep = 3

    /// The wheel scrolls what the keys would: a table, the detail, the help,
    /// the message log and the JSON view, a form, the playground's transcript.
    /// A click on a tab shows that pane, on a row selects it, and a double
    /// click opens the instance's detail; in a form it focuses a field or
    /// presses a button; on a question's answer it answers as the answer's
    /// key would, no more.
    mutating func respond(toMouse kind: MouseEvent.Kind, on target: ScreenTarget?) -> [Effect] {
        switch inputMode {
        case .normal, .help, .filter, .page:
            switch kind {
            case .wheelUp: return (0..<Self.wheelStep).flatMap { _ in run(.move(.up)) }
            case .wheelDown: return (0..<Self.wheelStep).flatMap { _ in run(.move(.down)) }
            case .click(let count) where inputMode == .normal: return click(count: count, on: target)
            case .click: return []
            }
        case .form:
            return formMouse(kind, on: target)
        case .playground:
            guard var shown = playground else { return [] }
            let key: KeyEvent
            switch kind {
            case .wheelUp: key = .up
            case .wheelDown: key = .down
            case .click: return []
            }
            for _ in 0..<Self.wheelStep { scrollTranscript(key, &shown) }
            playground = shown
            return []
        case .confirm, .typedConfirm:
            guard case .click = kind, case .answer(let answer)? = target else { return [] }
            return answerQuestion(answer)
        case .prompt:
            return []
        }
    }

    private mutating func click(count: Int, on target: ScreenTarget?) -> [Effect] {
        switch target {
        case .tab(let pane)?:
            return run(.showPane(pane))
        case .tableRow(let index)? where detailId == nil:
            select(index, in: pane)
            return count == 2 && pane == .instances ? run(.openDetail) : []
        default:
            return []
        }
    }

    /// Fields and buttons of the open form; its Submit button submits as
    /// Ctrl-S does (checked first, never in read-only), its Cancel button
    /// asks before losing typed values as Esc does.
    private mutating func formMouse(_ kind: MouseEvent.Kind, on target: ScreenTarget?) -> [Effect] {
        guard let previous = form?.form else { return [] }
        switch (kind, target) {
        case (.wheelUp, _):
            form?.form.scroll(by: -Self.wheelStep)
            return []
        case (.wheelDown, _):
            form?.form.scroll(by: Self.wheelStep)
            return []
        case (.click, .formField(let id, let line)?): form?.form.click(field: id, line: line)
        case (.click, .formOption(let index)?): form?.form.pick(optionAt: index)
        case (.click, .formSubmit?): return submitForm()
        case (.click, .formCancel?):
            cancelForm()
            return []
        case (.click, _): return []
        }
        return syncInstanceForm(previous: previous)
    }
}
