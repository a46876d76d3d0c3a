/// One token of a streamed reply and when its bytes arrived (monotonic clock).
public struct ChatToken: Sendable {
    public var text: String
    public var arrival: ContinuousClock.Instant
    /// From sending the request to this token's arrival.
    public var sinceSend: Duration
}

/// What was measured of one streamed reply. All instants are of
/// `ContinuousClock`, taken when the request was sent and when each token's
/// bytes arrived, so a wall-clock change cannot bend the figures.
public struct ChatResult: Sendable {
    public var sentAt: ContinuousClock.Instant
    /// Arrival of each content token, in order.
    public var tokenArrivals: [ContinuousClock.Instant] = []
    public var text = ""
    /// `completion_tokens` of the usage chunk, when the endpoint sent one.
    public var usageTokens: Int?
    public var finishReason: String?

    public init(sentAt: ContinuousClock.Instant) {
        self.sentAt = sentAt
    }

    /// Tokens of the reply: the usage chunk's count when given, else the chunks counted.
    public var outputTokens: Int { usageTokens ?? tokenArrivals.count }

    /// Send to first content token.
    public var timeToFirstToken: Duration? { tokenArrivals.first.map { $0 - sentAt } }

    /// Gaps between consecutive tokens.
    public var interTokenGaps: [Duration] {
        zip(tokenArrivals.dropFirst(), tokenArrivals).map { $0 - $1 }
    }

    /// (tokens − 1) / (last token − first token), in tokens a second; nil with
    /// fewer than two tokens or no time between them.
    public var decodeRate: Double? {
        guard let first = tokenArrivals.first, let last = tokenArrivals.last, outputTokens > 1 else { return nil }
        let seconds = (last - first).inSeconds
        return seconds > 0 ? Double(outputTokens - 1) / seconds : nil
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    public var inMilliseconds: Double { inSeconds * 1000 }
}
