/// What is under the mouse on the screen last drawn. The screen that drew a
/// frame finds it (TerminalUI's `Screen.target(column:row:)`), so a click
/// lands on what the person saw, whatever the layout did to fit.
public enum ScreenTarget: Hashable, Sendable {
    case tab(Pane)
    /// A row of the pane's table, by its index in the pane's order.
    case tableRow(Int)
    /// A line of a form's field: the field's id, and which of its lines (an
    /// option of a multi-select, a line of a key=value list; 0 for the others).
    case formField(id: String, line: Int)
    /// An option of the open select's list, by its place among the options
    /// the filter keeps.
    case formOption(Int)
    /// The form's Submit button ("Deploy", "Save", "Apply").
    case formSubmit
    /// The form's Cancel button: Esc's twin, so it asks before losing what was typed.
    case formCancel
    /// One of the answers a question shows on its last line ("y confirm").
    case answer(QuestionAnswer)
}

/// How a question is answered: what `y` (or Enter, where a name or a time is
/// typed) and `n`/Esc do.
public enum QuestionAnswer: Hashable, Sendable {
    case yes, no
}
