/// A key and what it does, in the user's words ("s", "start"): the one shape
/// shared by footer hints and the help overlay so both always agree.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var description: String

    public init(_ key: String, _ description: String) {
        self.key = key
        self.description = description
    }
}
