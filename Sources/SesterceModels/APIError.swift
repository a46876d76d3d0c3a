import Foundation

/// Why a request failed, in terms a person can act on. Messages come from the
/// server or from the transport; the API key is redacted from all of them.
public enum APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 401, or 403 with a JSON body: the key is wrong, revoked or lacks rights.
    case keyRejected(status: Int, message: String)
    /// 403 that is not JSON: Cloudflare refused the request (e.g. "error code: 1010").
    case blockedAtEdge(status: Int, detail: String)
    case notFound(message: String)
    /// 400: every problem the server listed.
    case validation(messages: [String])
    /// 429; `retryAfter` in seconds when the server said.
    case rateLimited(retryAfter: Double?, message: String)
    /// Another 4xx the service answered with.
    case refused(status: Int, message: String)
    /// 5xx.
    case server(status: Int, message: String)
    case unreachable(detail: String)
    case timedOut
    /// A response that did not have the expected shape.
    case undecodable(what: String, detail: String)

    public var description: String {
        switch self {
        case .keyRejected(let status, let message):
            "API key rejected (\(status)): \(message)"
        case .blockedAtEdge(let status, let detail):
            "Blocked by the service's firewall (\(status)\(detail.isEmpty ? "" : ", \(detail)")); check User-Agent and network"
        case .notFound(let message):
            "Not found: \(message)"
        case .validation(let messages):
            "Rejected: " + messages.joined(separator: "; ")
        case .rateLimited(let retryAfter, let message):
            "Rate limited\(retryAfter.map { ", retry in \(Self.wholeSeconds($0))" } ?? ""): \(message)"
        case .refused(let status, let message):
            "Refused (\(status)): \(message)"
        case .server(let status, let message):
            "Server error (\(status)): \(message)"
        case .unreachable(let detail):
            "Service unreachable: \(detail)"
        case .timedOut:
            "Request timed out"
        case .undecodable(let what, let detail):
            "Unexpected response for \(what): \(detail)"
        }
    }

    /// `12s` for a Retry-After; a value no server means (infinite, NaN, or
    /// beyond a year) is said in words rather than trapping in `Int(_:)`.
    static func wholeSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "an unknown time" }
        guard seconds <= 365 * 86_400 else { return "over a year" }
        return "\(Int(seconds.rounded(.up)))s"
    }

    /// Worth sending the same GET again: the failure is likely to pass.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .timedOut: true
        case .server(let status, _): [502, 503, 504].contains(status)
        default: false
        }
    }

    /// This error with every occurrence of `secret` in its text replaced, so that a
    /// server echoing the key back cannot put it on screen or in a log.
    package func redacting(_ secret: String) -> APIError {
        guard !secret.isEmpty else { return self }
        func r(_ text: String) -> String { text.replacingOccurrences(of: secret, with: "[redacted]") }
        return switch self {
        case .keyRejected(let status, let message): .keyRejected(status: status, message: r(message))
        case .blockedAtEdge(let status, let detail): .blockedAtEdge(status: status, detail: r(detail))
        case .notFound(let message): .notFound(message: r(message))
        case .validation(let messages): .validation(messages: messages.map(r))
        case .rateLimited(let retryAfter, let message): .rateLimited(retryAfter: retryAfter, message: r(message))
        case .refused(let status, let message): .refused(status: status, message: r(message))
        case .server(let status, let message): .server(status: status, message: r(message))
        case .unreachable(let detail): .unreachable(detail: r(detail))
        case .timedOut: .timedOut
        case .undecodable(let what, let detail): .undecodable(what: what, detail: r(detail))
        }
    }
}
