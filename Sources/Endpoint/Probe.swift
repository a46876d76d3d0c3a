import SesterceModels

/// How hard to probe an endpoint.
public struct ProbeOptions: Sendable, Equatable {
    public static let requestRange = 1...1000
    public static let concurrencyRange = 1...64

    public var requests: Int
    public var concurrency: Int
    public var maxTokens: Int
    public var prompt: String

    public init(requests: Int = 20, concurrency: Int = 4, maxTokens: Int = 64, prompt: String = Self.defaultPrompt) {
        self.requests = requests
        self.concurrency = concurrency
        self.maxTokens = maxTokens
        self.prompt = prompt
    }

    public static let defaultPrompt = "Write a short paragraph about measuring the latency of a language model."
}

/// Progress of a running probe: requests finished of those asked, failures among them.
public struct ProbeProgress: Sendable, Equatable {
    public var finished: Int
    public var failed: Int
    public var total: Int
}

/// The latency probe: `requests` streamed chat completions, at most
/// `concurrency` at once, each timed token by token (`ChatResult`), then
/// summed up in a `ProbeReport`. Cancelling the calling task stops it: the
/// requests in flight are cancelled and the report covers those finished.
public enum Probe {
    public static func run(
        _ client: EndpointClient, instance: String, model: String, options: ProbeOptions,
        progress: @Sendable (ProbeProgress) -> Void = { _ in }
    ) async -> ProbeReport {
        let request = ChatRequest(
            model: model, messages: [ChatMessage(role: .user, content: options.prompt)],
            parameters: ChatParameters(maxTokens: options.maxTokens))
        let started = ContinuousClock.now
        var outcomes: [Result<ChatResult, EndpointError>] = []
        var failed = 0
        await withTaskGroup(of: Result<ChatResult, EndpointError>.self) { group in
            var sent = 0
            func send() {
                sent += 1
                group.addTask {
                    do throws(EndpointError) { return .success(try await client.streamChat(request)) } catch { return .failure(error) }
                }
            }
            while sent < min(options.concurrency, options.requests) { send() }
            for await outcome in group {
                if case .failure(.cancelled) = outcome { continue }
                if case .failure = outcome { failed += 1 }
                outcomes.append(outcome)
                progress(ProbeProgress(finished: outcomes.count, failed: failed, total: options.requests))
                if sent < options.requests, !Task.isCancelled { send() }
            }
        }
        return report(
            outcomes, instance: instance, model: model, concurrency: options.concurrency,
            duration: ContinuousClock.now - started, interrupted: outcomes.count < options.requests)
    }

    /// The figures of a set of finished requests over `duration` of wall time.
    public static func report(
        _ outcomes: [Result<ChatResult, EndpointError>], instance: String, model: String, concurrency: Int,
        duration: Duration, interrupted: Bool = false
    ) -> ProbeReport {
        let results = outcomes.compactMap { try? $0.get() }
        var errors: [String: Int] = [:]
        for case .failure(let error) in outcomes { errors[error.kind, default: 0] += 1 }
        let ttfts = results.compactMap { $0.timeToFirstToken?.inMilliseconds }
        let gaps = results.flatMap { $0.interTokenGaps.map(\.inMilliseconds) }
        let rates = results.compactMap(\.decodeRate)
        let seconds = duration.inSeconds
        let tokens = results.reduce(0) { $0 + $1.outputTokens }
        return ProbeReport(
            instance: instance, model: model, requests: outcomes.count, succeeded: results.count,
            failed: outcomes.count - results.count, concurrency: concurrency, ttftMs: Percentiles(ttfts),
            interTokenMs: Percentiles(gaps), tokensPerSecondP50: Percentiles(rates)?.p50,
            tokensPerSecondMean: rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count),
            outputTokensPerSecond: seconds > 0 ? Double(tokens) / seconds : 0, durationSeconds: seconds, errors: errors,
            ttftSamplesMs: ttfts, interrupted: interrupted)
    }
}
