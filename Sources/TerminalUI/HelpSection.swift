/// A group of keys in the help overlay ("Navigation", "Instances"), so that a
/// long list of keys reads as a few short ones.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var keys: [KeyHint]

    public init(_ title: String, keys: [KeyHint]) {
        self.title = title
        self.keys = keys
    }
}
