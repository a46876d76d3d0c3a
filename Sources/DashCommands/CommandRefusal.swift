/// A command that sends nothing because what it was given does not fit:
/// an unknown or ambiguous name, a region that cannot take the request.
/// Exit code 2, like any other usage error, with `description` on stderr.
public struct CommandRefusal: Error, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
