import SesterceModels

/// An instance as a person names it on the command line: its id, or its name
/// when no id matches. A name several instances share is refused with the
/// list of them (exit 2), rather than guessed.
public enum InstanceReference {
    public static func resolve(_ text: String, in instances: [Instance]) throws(InstanceReferenceError) -> Instance {
        if let byId = instances.first(where: { $0.id == text }) { return byId }
        let named = instances.filter { $0.name == text }
        switch named.count {
        case 1: return named[0]
        case 0: throw .notFound(text)
        default: throw .ambiguous(text, named.map { "\($0.id) (\($0.status.rawValue))" })
        }
    }
}

public enum InstanceReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case ambiguous(String, [String])

    public var description: String {
        switch self {
        case .notFound(let text): "no instance has the id or name \(text) (see `list instances`)"
        case .ambiguous(let name, let matches): "\(matches.count) instances are named \(name); give the id of one: \(matches.joined(separator: ", "))"
        }
    }
}
