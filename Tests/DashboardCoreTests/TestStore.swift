import DashboardCore
import Testing

/// The reducer under an exhaustive test, in the spirit of The Composable
/// Architecture's `TestStore`: each action is sent with the whole change it
/// must make to the state and every effect it must return, in order. A change
/// not stated, or an effect not listed, fails the test, so that a new effect
/// (a timer, a request) cannot slip in unnoticed.
struct TestStore {
    private(set) var state: State

    init(_ state: State) {
        self.state = state
    }

    /// Sends `action`; `update` turns the state before into the state expected
    /// after, and `effects` is everything the reducer must return.
    mutating func send(
        _ action: Action, effects expected: [Effect] = [],
        sourceLocation: SourceLocation = #_sourceLocation, _ update: (inout State) -> Void = { _ in }
    ) {
        var expectedState = state
        update(&expectedState)
        let effects = reduce(&state, action)
        if effects != expected {
            Issue.record("""
                \(action) returned effects that were not asserted:
                expected \(expected)
                returned \(effects)
                """, sourceLocation: sourceLocation)
        }
        if state != expectedState {
            Issue.record("\(action) changed the state otherwise than stated:\n\(Self.difference(expectedState, state))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The lines of the two states' dumps that differ, expected (−) and actual (+).
    static func difference(_ expected: State, _ actual: State) -> String {
        func lines(_ state: State) -> [String] {
            var text = ""
            dump(state, to: &text)
            return text.split(separator: "\n").map(String.init)
        }
        let (before, after) = (lines(expected), lines(actual))
        return before.difference(from: after).map { change in
            switch change {
            case .insert(_, let line, _): "− \(line)"
            case .remove(_, let line, _): "+ \(line)"
            }
        }.joined(separator: "\n")
    }
}
