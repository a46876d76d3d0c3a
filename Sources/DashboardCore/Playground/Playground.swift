import SesterceModels

/// The chat playground of one instance: its endpoint's model, the
/// conversation, the prompt line, the sampling parameters and the last probe.
/// Opened with `p` over the Instances pane or a detail; a view over one
/// instance, not a pane of its own.
public struct Playground: Equatable, Sendable {
    /// Where the keys go.
    public enum Focus: Equatable, Sendable {
        /// The masked field asking for the endpoint secret.
        case secret
        /// Typing a prompt: Enter sends, Esc stops a reply (then leaves the line).
        case prompt
        /// Commands: `b` probe, `u` curl, `t` parameters, `i`/Enter the prompt, Esc close.
        case view
    }

    /// The endpoint's model, from `GET /v1/models`.
    public enum Model: Equatable, Sendable {
        case waiting
        case loading
        case loaded(String)
        case failed(String)
    }

    public var instanceId: String
    public var name: String
    public var address: String?
    /// Why nothing can be sent (not ACTIVE, no address, no chat model); nil when it can.
    public var blocked: String?
    public var model: Model = .waiting
    public var focus: Focus = .prompt
    public var prompt = TextInput()
    /// The endpoint secret being typed (drawn as dots, never written out).
    public var secretEntry = SecretInput()
    public var parameters = ChatParameters(maxTokens: 256)
    public var turns: [Turn] = []
    /// The request number of the reply streaming now, if one is.
    public var streaming: Int?
    /// Lines scrolled up from the end of the transcript (0 follows the reply).
    public var scrollBack = 0
    public var showsCurl = false
    public var probe: ProbeRun?
    /// Numbers the next stream or probe, so that late results of a stopped
    /// one are recognised and dropped.
    public var nextRequest = 1

    public init(instanceId: String, name: String, address: String?, blocked: String?) {
        self.instanceId = instanceId
        self.name = name
        self.address = address
        self.blocked = blocked
    }

    public var modelName: String? {
        if case .loaded(let name) = model { return name }
        return nil
    }
}

/// One exchange of the conversation: the prompt and the reply as it streams.
public struct Turn: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case streaming
        case done
        /// Esc stopped it mid-stream.
        case stopped
        case failed(String)
    }

    public var prompt: String
    public var reply = ""
    public var phase: Phase = .streaming
    /// Milliseconds from send to each token, as measured at arrival: the
    /// first gives the time to first token, first and last the decode rate.
    public var firstTokenMs: Double?
    public var lastTokenMs: Double?
    public var tokens = 0
    /// `completion_tokens` of the usage chunk, when the endpoint sent it.
    public var usageTokens: Int?

    public init(prompt: String) {
        self.prompt = prompt
    }

    /// The usage chunk's count when given, else the tokens counted.
    public var outputTokens: Int { usageTokens ?? tokens }

    /// (tokens − 1) / (last − first token), in tokens a second.
    public var tokensPerSecond: Double? {
        guard let first = firstTokenMs, let last = lastTokenMs, last > first, outputTokens > 1 else { return nil }
        return Double(outputTokens - 1) / ((last - first) / 1000)
    }
}

/// The probe started with `b`: its progress while it runs, then its report.
public struct ProbeRun: Equatable, Sendable {
    public var request: Int
    public var finished = 0
    public var failed = 0
    public var total: Int
    public var report: ProbeReport?

    public init(request: Int, total: Int) {
        self.request = request
        self.total = total
    }

    public var isRunning: Bool { report == nil }
}

/// What the runtime reports about the playground's requests.
public enum PlaygroundEvent: Equatable, Sendable {
    case models(instanceId: String, Result<[String], EndpointFailure>)
    /// A token of stream `request` arrived `elapsedMs` after it was sent.
    case token(request: Int, text: String, elapsedMs: Double)
    /// Stream `request` ended: with the usage chunk's token count, or failed.
    case replyFinished(request: Int, Result<Int?, EndpointFailure>)
    case probeProgress(request: Int, finished: Int, failed: Int, total: Int)
    case probeFinished(request: Int, ProbeReport)
}

/// Why an endpoint request failed, already in words (never holding the secret).
public struct EndpointFailure: Error, Equatable, Sendable {
    public var message: String
    /// The secret was refused (401/403): ask for it again.
    public var secretRefused: Bool

    public init(message: String, secretRefused: Bool = false) {
        self.message = message
        self.secretRefused = secretRefused
    }
}
