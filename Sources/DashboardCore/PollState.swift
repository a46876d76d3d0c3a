import Foundation
import SesterceModels

/// The health of one polled resource: whether a request is out, when data last
/// arrived, and how far the backoff has gone after failures.
public struct PollState: Equatable, Sendable {
    public var inFlight = false
    /// Number of polls sent so far; the one in flight has this number.
    public var sent = 0
    /// Generation of the armed timer; a timer firing with an older token is ignored.
    public var token = 0
    public var failures = 0
    public var lastSuccess: Date?
    public var lastError: APIError?
    /// A refresh was asked for while a request was out: poll again when it returns.
    public var refreshQueued = false

    public init() {}

    public static let maxBackoff: Double = 60

    /// Seconds until the next poll. After a success, or a failure that says
    /// nothing about load (a 5xx, a lost connection), the interval: the data
    /// comes back within one interval of the service. After a 429 or a timeout
    /// the service is overloaded, so the interval doubles per failure (at most a
    /// minute), and never comes sooner than the server's Retry-After.
    public func nextDelay(interval: Double) -> Double {
        let backoff = min(Self.maxBackoff, max(interval, 1) * pow(2, Double(failures)))
        switch lastError {
        case .rateLimited(let retryAfter, _)?: return max(backoff, retryAfter ?? 0)
        case .timedOut?: return backoff
        default: return interval
        }
    }
}
