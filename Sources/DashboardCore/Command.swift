/// Something a person asks for with a key in the normal mode. The keymap binds
/// keys to commands (and can be remapped); the help overlay lists them.
public enum Command: Hashable, Sendable {
    case showPane(Pane)
    case nextPane, previousPane
    case move(Movement)
    case openDetail, back
    case beginFilter
    case cycleSort, reverseSort
    /// Shift and a letter: sort by the column whose header marks that letter
    /// (`[N]AME`); the same letter again reverses. Never bound in the table:
    /// the keymap sends it for an upper-case letter no command holds.
    case sortBy(Character)
    /// Space: mark or unmark the selected instance, and move down.
    case mark
    /// Ctrl-Space or `\`: unmark every instance.
    case clearMarks
    case start, stop
    case new, edit, clone, delete
    case refresh
    /// On the Cost pane: the chart's next window (hour, 24 h, 7 days, 30 days).
    case nextCostWindow
    case playground
    /// Stop timer of the selected instance: set, change or cancel.
    case stopTimer
    case help
    /// The message log: every footer message of the session, in full.
    case messages
    /// The `:` prompt: a pane or command by name.
    case beginPrompt
    /// The selected item as JSON.
    case rawJSON
    /// The selected instance's address to the terminal's clipboard.
    case copyAddress
    case quit

    public var summary: String {
        switch self {
        case .showPane(let pane): "show \(pane.title)"
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .move(let movement): movement.summary
        case .openDetail: "open the instance's detail"
        case .back: "back / close / clear filter"
        case .beginFilter: "filter rows (Enter keeps, Esc clears)"
        case .cycleSort: "sort by the next column"
        case .reverseSort: "reverse the sort"
        case .sortBy: "sort by the column whose letter is bracketed ([N]AME); again: reverse"
        case .mark: "mark the instance, move down: s x T D then act on all marked"
        case .clearMarks: "unmark every instance"
        case .start: "start the selected (or marked) instances (confirm with y)"
        case .stop: "stop the selected (or marked) instances (confirm with y)"
        case .new: "new instance (in Registries: new registry)"
        case .edit: "edit the selected instance or registry"
        case .clone: "clone the selected instance"
        case .delete: "delete: an instance by typing its name (marked ones: \"delete\"), a registry with y"
        case .refresh: "refresh now"
        case .nextCostWindow: "Cost pane: next chart window"
        case .playground: "chat with the endpoint in a playground (b: probe)"
        case .stopTimer: "stop timer: in 2h, at 19:00 (again: change); on marked ones too"
        case .help: "this help"
        case .messages: "the message log: the last 200 messages in full, with their time"
        case .beginPrompt: "a command, as in k9s (:cost, :ctx PROFILE, :q; Tab completes, ↑ recalls)"
        case .rawJSON: "the selected row (or open detail) as JSON, env values masked"
        case .copyAddress: "copy the instance's address to the clipboard (also over ssh and tmux)"
        case .quit: "quit"
        }
    }
}

/// Moving the selection in a list (or scrolling the detail).
public enum Movement: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom

    public var summary: String {
        switch self {
        case .up: "move up"
        case .down: "move down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .top: "go to the first row"
        case .bottom: "go to the last row"
        }
    }
}
