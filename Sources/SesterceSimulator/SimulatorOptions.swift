/// Everything `sesterce-sim` (and `sesterce-dash --demo`) can set.
public struct SimulatorOptions: Sendable {
    public var port: Int = 0
    public var seed: UInt64 = 1
    public var instances: Int = 8
    public var apiKey: String = "demo-key"
    /// Lifecycle speed-up: 10 makes a deployment ten times faster.
    public var speed: Double = 1
    /// Chance that a new deployment ends PARTIALLYDEPLOYED.
    public var partialDeployRate: Double = 0.15
    public var faults = Faults()
    /// The secret the endpoints of ACTIVE chat instances accept in `x-api-key`.
    public var endpointKey: String = "demo-endpoint-key"
    /// Fixed endpoint timing for every instance; nil follows each one's hardware.
    public var endpointTiming: EndpointTiming?

    public init() {}
}

/// Trouble the simulator can be told to cause, to test how clients cope.
public struct Faults: Sendable, Equatable {
    /// Added before every answer.
    public var latencyMs: Int = 0
    /// Share (0...1) of requests answered 500, 502 or 503.
    public var errorRate: Double = 0
    /// Requests per second before answering 429 with Retry-After; 0 for no limit.
    public var rateLimit: Int = 0

    public init(latencyMs: Int = 0, errorRate: Double = 0, rateLimit: Int = 0) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.rateLimit = rateLimit
    }
}
