/// The secret of an instance's endpoint (sent as `x-api-key` to the endpoint,
/// never the account's API key). Opaque: printing, interpolating or dumping it
/// shows `<redacted>`, so it can sit in `State` and in errors' neighbourhood
/// without ever reaching a screen, a log line or a message. Only the endpoint
/// client reads `revealed`, to put it in the one header it belongs to.
public struct EndpointSecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself, for the request header only.
    public var revealed: String { value }

    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "EndpointSecret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
