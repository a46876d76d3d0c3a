/// What a latency probe of an endpoint measured: the figures `sesterce-dash
/// probe` prints and the playground draws. Plain values, so the dashboard's
/// core can hold one; `Endpoint` computes it from the requests' timings.
public struct ProbeReport: Equatable, Sendable {
    public var instance: String
    public var model: String
    /// Requests that finished (succeeded or failed); fewer than asked when stopped.
    public var requests: Int
    public var succeeded: Int
    public var failed: Int
    public var concurrency: Int
    /// Send to first content token, over the requests that succeeded.
    public var ttftMs: Percentiles?
    /// Gaps between consecutive tokens, over every request that succeeded.
    public var interTokenMs: Percentiles?
    /// Decode rate of each request ((tokens − 1) / (last − first token)): median and mean.
    public var tokensPerSecondP50: Double?
    public var tokensPerSecondMean: Double?
    /// Output tokens of all requests together over the wall time.
    public var outputTokensPerSecond: Double
    public var durationSeconds: Double
    /// Failures by kind (`http401`, `http503`, `timeout`, `connection`, ...).
    public var errors: [String: Int]
    /// Each successful request's time to first token, for the histogram.
    public var ttftSamplesMs: [Double]
    /// Stopped (Ctrl-C, Esc) before every request was sent.
    public var interrupted: Bool

    public init(
        instance: String, model: String, requests: Int, succeeded: Int, failed: Int, concurrency: Int,
        ttftMs: Percentiles?, interTokenMs: Percentiles?, tokensPerSecondP50: Double?, tokensPerSecondMean: Double?,
        outputTokensPerSecond: Double, durationSeconds: Double, errors: [String: Int], ttftSamplesMs: [Double],
        interrupted: Bool
    ) {
        self.instance = instance
        self.model = model
        self.requests = requests
        self.succeeded = succeeded
        self.failed = failed
        self.concurrency = concurrency
        self.ttftMs = ttftMs
        self.interTokenMs = interTokenMs
        self.tokensPerSecondP50 = tokensPerSecondP50
        self.tokensPerSecondMean = tokensPerSecondMean
        self.outputTokensPerSecond = outputTokensPerSecond
        self.durationSeconds = durationSeconds
        self.errors = errors
        self.ttftSamplesMs = ttftSamplesMs
        self.interrupted = interrupted
    }
}

/// The spread of a set of measurements: nearest-rank percentiles.
public struct Percentiles: Equatable, Sendable {
    public var min: Double
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    /// Nil for no values.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        min = first
        max = last
        p50 = Self.rank(0.50, sorted)
        p95 = Self.rank(0.95, sorted)
        p99 = Self.rank(0.99, sorted)
    }

    public init(min: Double, p50: Double, p95: Double, p99: Double, max: Double) {
        self.min = min
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }

    /// The nearest-rank percentile: the smallest value with at least `q` of
    /// the values at or below it.
    static func rank(_ q: Double, _ sorted: [Double]) -> Double {
        let index = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(Swift.max(index, 0), sorted.count - 1)]
    }
}
