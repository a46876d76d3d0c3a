import TextLayout

/// Why a request to an instance's endpoint failed, in words a person can act
/// on. Never holds the endpoint secret: no header is ever put in one.
public enum EndpointError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 401 or 403: the endpoint secret is wrong (or missing).
    case secretRefused(status: Int)
    /// 503: the instance is not serving (stopped, starting, scaling).
    case unavailable(message: String)
    /// Another status than 200.
    case http(status: Int, message: String)
    case timedOut
    case unreachable(String)
    /// A 200 whose body is not an event stream.
    case notAStream(String)
    /// An error object in the middle of the stream, or an event that is not a chunk.
    case stream(String)
    /// The stream ended before `data: [DONE]`.
    case incomplete
    /// Plain `http://` to a host other than this machine without `--insecure-http`.
    case insecureHTTP(host: String)
    case badAddress(String)
    case cancelled

    public var description: String {
        switch self {
        case .secretRefused(let status):
            "Endpoint secret refused (\(status)): check --endpoint-key-file, SESTERCE_ENDPOINT_KEY or endpoint_key"
        case .unavailable(let message):
            "Endpoint unavailable (503)\(message.isEmpty ? "" : ": \(message)")"
        case .http(let status, let message):
            "Endpoint answered \(status)\(message.isEmpty ? "" : ": \(message)")"
        case .timedOut:
            "Endpoint timed out"
        case .unreachable(let detail):
            "Endpoint unreachable: \(detail)"
        case .notAStream(let head):
            "The endpoint did not stream (not text/event-stream)\(head.isEmpty ? "" : ": \(head)")"
        case .stream(let message):
            "The endpoint failed mid-stream: \(message)"
        case .incomplete:
            "The stream ended before [DONE]"
        case .insecureHTTP(let host):
            "Refusing plain http:// to \(host): the endpoint secret would cross the network unencrypted "
                + "(use https://, or --insecure-http)"
        case .badAddress(let address):
            "Not an http(s) address: \(DisplayWidth.truncated(DisplayWidth.sanitized(address), to: 80))"
        case .cancelled:
            "Cancelled"
        }
    }

    /// The probe's name for this kind of failure (`errors` in its JSON).
    public var kind: String {
        switch self {
        case .secretRefused(let status), .http(let status, _): "http\(status)"
        case .unavailable: "http503"
        case .timedOut: "timeout"
        case .unreachable: "connection"
        case .notAStream: "notAStream"
        case .stream: "stream"
        case .incomplete: "incomplete"
        case .insecureHTTP: "insecureHTTP"
        case .badAddress: "badAddress"
        case .cancelled: "cancelled"
        }
    }
}
