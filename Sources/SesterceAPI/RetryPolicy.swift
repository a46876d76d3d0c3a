import Foundation

/// How reads are retried after a transient failure (unreachable, timeout, 502,
/// 503, 504): capped exponential backoff with full jitter. Mutations are never
/// retried, because the first attempt may have taken effect.
public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxRetries: Int, baseDelay: Duration, maxDelay: Duration) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let standard = RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(300), maxDelay: .seconds(3))
    public static let none = RetryPolicy(maxRetries: 0, baseDelay: .zero, maxDelay: .zero)

    /// The wait before retry number `attempt` (1-based): random in 0...min(cap, base * 2^(attempt-1)).
    public func delay(beforeRetry attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        guard ceiling > .zero else { return .zero }
        return ceiling * Double.random(in: 0...1)
    }
}
