import SesterceModels

/// How an instance status reads at a glance (and which colour it gets).
public enum StatusClass: Hashable, Sendable {
    case ok, progress, stopped, failed, unknown

    public init(_ status: InstanceStatus) {
        switch status {
        case .active: self = .ok
        case .new, .pending, .deploying, .deleting, .partiallyDeployed: self = .progress
        case .disabled, .deleted: self = .stopped
        case .error, .failed: self = .failed
        case .other(let raw) where raw == Transition.starting || raw == Transition.stopping: self = .progress
        case .other: self = .unknown
        }
    }
}

/// Statuses shown locally between a start/stop request and the poll that settles it.
public enum Transition {
    public static let starting = "STARTING"
    public static let stopping = "STOPPING"
    public static let deleting = "DELETING"
}
