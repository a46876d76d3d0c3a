import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SesterceModels
import TextLayout

/// A client of one instance's OpenAI-compatible endpoint (`<address>v1/...`),
/// authenticated with the endpoint secret in `x-api-key` (never the account
/// key, which this target cannot even see).
///
/// Streams for real on Linux: AsyncHTTPClient hands the body over as SwiftNIO
/// reads it, one `ByteBuffer` per read, so each token is parsed and timed the
/// moment it arrives (swift-corelibs-foundation has no `URLSession.bytes`).
public struct EndpointClient: Sendable {
    /// The instance's address, ending with `/`.
    public let baseURL: URL
    private let secret: EndpointSecret
    public static let userAgent = "sesterce-dash/0.1.0"

    /// Refuses an address that is not http(s), and plain `http://` beyond this
    /// machine unless `allowInsecureHTTP`.
    public init(address: String, secret: EndpointSecret, allowInsecureHTTP: Bool = false) throws(EndpointError) {
        var text = address.trimmingCharacters(in: .whitespaces)
        if !text.hasSuffix("/") { text += "/" }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw .badAddress(address) }
        if scheme == "http", !allowInsecureHTTP, !LoopbackHost.contains(host) { throw .insecureHTTP(host: host) }
        self.baseURL = url
        self.secret = secret
    }

    /// The models the endpoint serves (`GET /v1/models`), by id.
    public func models() async throws(EndpointError) -> [String] {
        let request = makeRequest("v1/models", method: .GET)
        let response: HTTPClientResponse
        do {
            response = try await Self.http.execute(request, timeout: .seconds(30))
        } catch {
            throw Self.translate(error)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw Self.translate(error)
        }
        guard response.status == .ok else { throw Self.failure(response.status.code, body) }
        struct Models: Decodable {
            struct Model: Decodable { var id: String }
            var data: [Model]
        }
        guard let models = try? JSONDecoder().decode(Models.self, from: Data(body.readableBytesView)) else {
            throw .http(status: 200, message: "/v1/models is not a model list")
        }
        return models.data.map { DisplayWidth.sanitized($0.id) }
    }

    /// Sends `request` with `"stream": true` (and the usage chunk asked for)
    /// and reads the reply as it streams: `onToken` gets each content token
    /// the moment its bytes arrive. Cancelling the calling task stops the
    /// request (`.cancelled`).
    public func streamChat(
        _ chat: ChatRequest, onToken: (ChatToken) -> Void = { _ in }
    ) async throws(EndpointError) -> ChatResult {
        var request = makeRequest("v1/chat/completions", method: .POST)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "text/event-stream")
        request.body = .bytes(ByteBuffer(bytes: Self.body(chat)))
        var result = ChatResult(sentAt: .now)
        do {
            let response = try await Self.http.execute(request, timeout: .seconds(120))
            guard response.status == .ok else {
                throw Self.failure(response.status.code, try await response.body.collect(upTo: 64 * 1024))
            }
            var reader = ChatStreamReader()
            var done = false
            var streamError: String?
            for try await buffer in response.body {
                let arrival = ContinuousClock.now
                try reader.feed(buffer.readableBytesView) { event in
                    switch event {
                    case .content(let text):
                        result.tokenArrivals.append(arrival)
                        result.text += text
                        onToken(ChatToken(text: text, arrival: arrival, sinceSend: arrival - result.sentAt))
                    case .finished(let reason): result.finishReason = reason
                    case .usage(let tokens): result.usageTokens = tokens
                    case .done: done = true
                    case .error(let message): streamError = streamError ?? message
                    }
                }
            }
            if let streamError { throw EndpointError.stream(streamError) }
            if reader.eventCount == 0 { throw EndpointError.notAStream(reader.headText) }
            if !done { throw EndpointError.incomplete }
            return result
        } catch {
            throw Self.translate(error)
        }
    }

    /// The JSON body of a streaming chat completion; unset parameters are left out.
    static func body(_ chat: ChatRequest) -> Data {
        struct Message: Encodable { var role: String; var content: String }
        struct StreamOptions: Encodable { var include_usage = true }
        struct Body: Encodable {
            var model: String
            var messages: [Message]
            var stream = true
            var stream_options = StreamOptions()
            var temperature: Double?
            var top_p: Double?
            var top_k: Int?
            var repetition_penalty: Double?
            var max_tokens: Int?
        }
        let p = chat.parameters
        let body = Body(
            model: chat.model, messages: chat.messagesWithSystemPrompt.map { Message(role: $0.role.rawValue, content: $0.content) },
            temperature: p.temperature, top_p: p.topP, top_k: p.topK, repetition_penalty: p.repetitionPenalty,
            max_tokens: p.maxTokens)
        return (try? JSONEncoder().encode(body)) ?? Data()
    }

    private func makeRequest(_ path: String, method: HTTPMethod) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL.absoluteString + path)
        request.method = method
        request.headers.add(name: "x-api-key", value: secret.revealed)
        request.headers.add(name: "User-Agent", value: Self.userAgent)
        return request
    }

    /// A non-200 answer as an error, with the server's message when it gave one
    /// (OpenAI's `{"error":{"message"}}`, `{"detail"}`, `{"message"}`, else the text).
    static func failure(_ status: UInt, _ body: ByteBuffer) -> EndpointError {
        let message = message(in: Data(body.readableBytesView))
        switch status {
        case 401, 403: return .secretRefused(status: Int(status))
        case 503: return .unavailable(message: message)
        default: return .http(status: Int(status), message: message)
        }
    }

    static func message(in body: Data) -> String {
        var text: String?
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any] { text = error["message"] as? String }
            text = text ?? (object["error"] as? String) ?? (object["detail"] as? String) ?? (object["message"] as? String)
        }
        if text == nil, !body.isEmpty {
            let raw = String(decoding: body.prefix(512), as: UTF8.self)
            // An HTML page: its title says enough.
            if let start = raw.range(of: "<title>"), let end = raw.range(of: "</title>", range: start.upperBound..<raw.endIndex) {
                text = String(raw[start.upperBound..<end.lowerBound])
            } else {
                text = raw
            }
        }
        return DisplayWidth.truncated(DisplayWidth.sanitized(text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""), to: 200)
    }

    static func translate(_ error: any Error) -> EndpointError {
        if let error = error as? EndpointError { return error }
        if error is CancellationError || Task.isCancelled { return .cancelled }
        if let error = error as? ChatStreamReader.Undecodable { return .stream(error.description) }
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .connectTimeout, .deadlineExceeded, .writeTimeout: return .timedOut
            case .cancelled: return .cancelled
            case .remoteConnectionClosed: return .unreachable("the connection was closed")
            default: break
            }
        }
        return .unreachable(DisplayWidth.truncated(DisplayWidth.sanitized(String(describing: error)), to: 160))
    }

    /// The process's client for endpoints, made on first use and never shut
    /// down (an `HTTPClient` traps if deinitialised first, and this struct is
    /// copied freely). Up to 64 connections per host, the probe's most; 10 s
    /// to connect, 60 s without a byte before a stream counts as stalled (a
    /// cold start after a scale from zero can take tens of seconds).
    static let http: HTTPClient = {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        pool.retryConnectionEstablishment = false
        return HTTPClient(
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            configuration: .init(
                timeout: .init(connect: .seconds(10), read: .seconds(60), write: .seconds(10)), connectionPool: pool))
    }()
}
