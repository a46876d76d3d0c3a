/// One change asked for every marked instance at once (Space marks; `s`,
/// `x`, `T` and `D` then act on all of them after one question).
public struct BulkAction: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case start, stop, stopTimer, delete

        /// The word the question and the footer use.
        var verb: String {
            switch self {
            case .start: "start"
            case .stop: "stop"
            case .stopTimer: "set a stop timer on"
            case .delete: "delete"
            }
        }
    }

    /// A marked instance, by id and by the name the question shows.
    public struct Target: Equatable, Sendable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A marked instance the change does not apply to, and why ("is already running").
    public struct LeftOut: Equatable, Sendable {
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public var kind: Kind
    /// The marked instances it applies to, in the table's order.
    public var targets: [Target]
    public var leftOut: [LeftOut]
    /// What was typed: the stop time (`T`), or the word that confirms a delete.
    public var typed = ""

    /// Typed to confirm deleting marked instances: no single name would do.
    public static let deleteWord = "delete"

    public init(kind: Kind, targets: [Target], leftOut: [LeftOut], typed: String = "") {
        self.kind = kind
        self.targets = targets
        self.leftOut = leftOut
        self.typed = typed
    }

    /// Answered by typing (a time, or `delete`) rather than with y.
    var isTyped: Bool { kind == .stopTimer || kind == .delete }
}
