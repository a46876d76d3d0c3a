import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import SesterceAPI
import SesterceModels

/// Posts alerts to a chat webhook (the config's `alerts.webhook`).
///
/// The body is JSON that Slack, Mattermost and Discord all take as it is:
/// `text` (read by Slack and Mattermost) and `content` (read by Discord; it
/// rejects more than 2,000 characters) both hold the event's sentence, and
/// `event` holds its fields for anything that wants more (`at` in ISO 8601,
/// `kind`, then `instanceId`, `instanceName`, `old`, `new`, `detail`,
/// `hourlyPrice` where the event has them). Unknown fields are ignored by all three.
///
/// Only `Content-Type` and `User-Agent` are sent: no key of the account or of
/// an endpoint ever reaches a webhook. Redirects are not followed (one could
/// lead to plain http). A webhook's path is a secret (Slack's carries the
/// token), so errors name its scheme and host only.
public struct WebhookSender: Sendable {
    private let url: URL
    /// The webhook as errors show it: `https://hooks.example.com/…`.
    private let shown: String
    private let timeout: Duration
    private let backoff: [Duration]

    /// Refuses anything but http(s), and plain `http://` beyond this machine
    /// unless `allowInsecureHTTP`: an alert tells what runs on the account
    /// and what it costs. Each try may take `timeout`; a failure that may
    /// pass (no connection, a timeout, 429, 5xx) is tried again after each
    /// wait of `backoff`, so there are `backoff.count + 1` tries at most.
    public init(
        url: URL, allowInsecureHTTP: Bool, timeout: Duration = .seconds(5),
        backoff: [Duration] = [.seconds(1), .seconds(2)]
    ) throws(WebhookError) {
        guard let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host,
            !host.isEmpty
        else { throw WebhookError(webhook: "", reason: .notHTTP) }
        let shown = Self.shown(scheme: scheme, host: host, port: url.port, url: url)
        if scheme == "http", !allowInsecureHTTP, !LoopbackHost.contains(host) {
            throw WebhookError(webhook: shown, reason: .insecureHTTP)
        }
        self.url = url
        self.shown = shown
        self.timeout = timeout
        self.backoff = backoff
    }

    /// Posts `event`, trying again as `init` says; nil once the webhook took
    /// it (any 2xx), else why it did not. Takes as long as the tries and
    /// waits together, so run it in a task of its own.
    public func deliver(_ event: AccountEvent) async -> WebhookError? {
        let body = Self.body(event)
        var tries = 0
        while true {
            tries += 1
            let reason = await post(body)
            guard let reason else { return nil }
            guard reason.isTransient, tries <= backoff.count else {
                return WebhookError(webhook: shown, reason: reason, tries: tries)
            }
            do {
                try await Task.sleep(for: backoff[tries - 1])
            } catch {
                return WebhookError(webhook: shown, reason: .cancelled, tries: tries)
            }
        }
    }

    /// One try: nil when the webhook answered 2xx.
    private func post(_ body: Data) async -> WebhookError.Reason? {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: SesterceClient.defaultUserAgent)
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            // The answer's body is not read: dropping it closes the connection,
            // and alerts are too rare for a kept connection to matter.
            let response = try await Self.http.execute(request, timeout: TimeAmount(timeout))
            let status = Int(response.status.code)
            return (200..<300).contains(status) ? nil : .status(status)
        } catch {
            if Task.isCancelled { return .cancelled }
            switch APIError(transport: error, host: url.host) {
            case .timedOut?: return .timedOut(after: timeout)
            case .unreachable(let detail)?: return .unreachable(detail)
            default:
                if let error = error as? HTTPClientError, error == .cancelled { return .cancelled }
                return .unreachable(String(describing: error).prefix(160).description)
            }
        }
    }

    /// The JSON posted for `event`.
    static func body(_ event: AccountEvent) -> Data {
        struct Body: Encodable {
            var text: String
            var content: String
            var event: AccountEvent
        }
        var event = event
        // JSON has no NaN nor infinity; a price that is neither is no price.
        if let price = event.hourlyPrice, !price.isFinite { event.hourlyPrice = nil }
        let sentence = event.sentence
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(text: sentence, content: String(sentence.prefix(2000)), event: event)
        return (try? encoder.encode(body)) ?? Data()
    }

    /// `scheme://host[:port]`, and `/…` when the webhook has a path or query
    /// (which is not shown).
    private static func shown(scheme: String, host: String, port: Int?, url: URL) -> String {
        let host = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let hidden = !["", "/"].contains(url.path) || url.query != nil ? "/…" : ""
        return "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")\(hidden)"
    }

    /// The process's client for webhooks, made on first use and never shut
    /// down (an `HTTPClient` traps if deinitialised first, and this struct is
    /// copied freely). A refused connection fails the try at once; the
    /// deadline of each try bounds the rest.
    private static let http: HTTPClient = {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(30), read: .seconds(30)), connectionPool: pool)
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}

/// Why an alert did not reach its webhook, naming the webhook by scheme and
/// host only (its path is a secret).
public struct WebhookError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Not an http(s) URL with a host.
        case notHTTP
        /// Plain `http://` to a host other than this machine without `--insecure-http`.
        case insecureHTTP
        /// The webhook answered with another status than 2xx.
        case status(Int)
        /// No connection, or it broke: in words.
        case unreachable(String)
        case timedOut(after: Duration)
        case cancelled

        /// Whether trying again may help: not for a refusal in words (4xx).
        var isTransient: Bool {
            switch self {
            case .status(let status): status == 429 || status >= 500
            case .unreachable, .timedOut: true
            case .notHTTP, .insecureHTTP, .cancelled: false
            }
        }
    }

    /// `https://hooks.example.com/…`; empty when the URL is none.
    public var webhook: String
    public var reason: Reason
    /// How many times it was posted.
    public var tries: Int

    public init(webhook: String, reason: Reason, tries: Int = 0) {
        self.webhook = webhook
        self.reason = reason
        self.tries = tries
    }

    public var description: String {
        let after = tries > 1 ? " after \(tries) tries" : ""
        let what: String =
            switch reason {
            case .notHTTP: "not an http(s) URL"
            case .insecureHTTP:
                "plain http:// to a host other than this machine needs --insecure-http (the alert would cross "
                    + "the network unencrypted)"
            case .status(let status) where !reason.isTransient: "HTTP \(status), not retried"
            case .status(let status): "HTTP \(status)\(after)"
            case .unreachable(let detail): "\(detail)\(after)"
            case .timedOut(let timeout) where tries > 1: "timed out after \(timeout.seconds) s on each of \(tries) tries"
            case .timedOut(let timeout): "timed out after \(timeout.seconds) s"
            case .cancelled: "cancelled"
            }
        return webhook.isEmpty ? "webhook: \(what)" : "webhook \(webhook): \(what)"
    }
}

extension Duration {
    /// In seconds, as a person writes them: `5`, `0.3`.
    fileprivate var seconds: String {
        let (whole, fraction) = components
        if fraction == 0 { return "\(whole)" }
        return String(format: "%g", Double(whole) + Double(fraction) / 1e18)
    }
}
