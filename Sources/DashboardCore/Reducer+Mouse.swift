import TextLayout

/// What is under the mouse on the screen last drawn. The screen that drew a
/// frame finds it (TerminalUI's `Screen.target(column:row:)`), so a click
/// lands on what the person saw, whatever the layout did to fit.
public enum ScreenTarget: Hashable, Sendable {
    case tab(Pane)
    /// A row of the pane's table, by its index in the pane's order.
    case tableRow(Int)
}

extension State {
    /// Rows one turn of the wheel moves, as in most terminal programs.
    static let wheelStep = 3

    /// The wheel scrolls what the keys would (a table, the detail, the help);
    /// a click on a tab shows that pane, on a row selects it, and a double
    /// click opens the instance's detail. A click means nothing while a
    /// question, a form or the help is open: they are answered with keys.
    mutating func respond(toMouse kind: MouseEvent.Kind, on target: ScreenTarget?) -> [Effect] {
        switch (kind, inputMode) {
        case (.wheelUp, .normal), (.wheelUp, .help), (.wheelUp, .filter):
            return (0..<Self.wheelStep).flatMap { _ in run(.move(.up)) }
        case (.wheelDown, .normal), (.wheelDown, .help), (.wheelDown, .filter):
            return (0..<Self.wheelStep).flatMap { _ in run(.move(.down)) }
        case (.click(let count), .normal):
            switch target {
            case .tab(let pane)?:
                return run(.showPane(pane))
            case .tableRow(let index)? where detailId == nil:
                select(index, in: pane)
                return count == 2 && pane == .instances ? run(.openDetail) : []
            default:
                return []
            }
        default:
            return []
        }
    }
}
