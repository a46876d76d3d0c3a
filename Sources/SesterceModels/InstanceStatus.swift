/// The state of an instance. The service's set of states is open: a value this
/// version does not know is kept as `.other` so that its row is still shown.
public enum InstanceStatus: Hashable, Sendable, Codable, CustomStringConvertible {
    case new, active, pending, error, disabled, deleted, deleting, deploying, failed, partiallyDeployed
    case other(String)

    public static let known: [InstanceStatus] = [
        .new, .active, .pending, .error, .disabled, .deleted, .deleting, .deploying, .failed, .partiallyDeployed,
    ]

    public init(rawValue: String) {
        self = Self.known.first { $0.rawValue == rawValue } ?? .other(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .new: "NEW"
        case .active: "ACTIVE"
        case .pending: "PENDING"
        case .error: "ERROR"
        case .disabled: "DISABLED"
        case .deleted: "DELETED"
        case .deleting: "DELETING"
        case .deploying: "DEPLOYING"
        case .failed: "FAILED"
        case .partiallyDeployed: "PARTIALLYDEPLOYED"
        case .other(let value): value
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
