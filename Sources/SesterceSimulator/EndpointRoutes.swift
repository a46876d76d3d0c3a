import Foundation
import Hummingbird
import SesterceAPI

/// The OpenAI-compatible endpoint of each ACTIVE chat instance, served under
/// `/endpoints/<id>/` on the simulator's own port (the address the store
/// gives those instances):
///
/// - `GET  /endpoints/<id>/v1/models`: the instance's model.
/// - `POST /endpoints/<id>/v1/chat/completions`: a deterministic reply, streamed
///   as server-sent events (`"stream": true`, with a usage chunk when
///   `stream_options.include_usage`) or whole, at the instance's pace (see
///   `EndpointTiming`; six seconds more after a scale to zero).
///
/// `x-api-key` must be the endpoint secret (else 401); an instance that is not
/// ACTIVE answers 503. It sits after the fault middleware, so latency, errors
/// and the rate limit apply here as for the API, and before the edge's
/// User-Agent check, so that the playground's `curl` line works as shown.
struct EndpointRoutes<Context: RequestContext>: RouterMiddleware {
    let store: SimulatorStore
    let secret: String
    /// Fixed timing for every instance (tests), else each one's hardware.
    let fixedTiming: EndpointTiming?

    static var prefix: String { "/endpoints/" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix(Self.prefix) else { return try await next(request, context) }
        let rest = path.dropFirst(Self.prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return Self.error(404, "Not found") }
        let id = String(rest[..<slash])
        let route = String(rest[rest.index(after: slash)...])
        guard let target = await store.endpointTarget(id: id), target.chat, let model = target.modelName else {
            return Self.error(404, "No endpoint here")
        }
        guard target.status == .active else {
            return Self.error(503, "The instance is not serving (\(target.status.rawValue))")
        }
        guard request.headers[.apiKey] == secret else { return Self.error(401, "Invalid endpoint secret") }
        switch (request.method, route) {
        case (.get, "v1/models"):
            return Self.json(200, ["object": "list", "data": [["id": model, "object": "model", "owned_by": "sesterce"]]])
        case (.post, "v1/chat/completions"):
            let body = try await request.body.collect(upTo: 1 << 20)
            return chat(Data(body.readableBytesView), model: model, target: target)
        default:
            return Self.error(404, "Unknown route \(request.method) /\(route)")
        }
    }

    private func chat(_ body: Data, model: String, target: EndpointTarget) -> Response {
        let parsed: ChatCompletionBody
        switch ChatCompletionBody.parse(body) {
        case .success(let body): parsed = body
        case .failure(let problem): return Self.error(400, problem.message)
        }
        guard parsed.model == model else {
            return Self.error(404, "The model `\(parsed.model)` does not exist.")
        }
        let base = fixedTiming ?? target.timing
        // A pod must start and load the model first after a scale to zero.
        let timing = EndpointTiming(
            firstToken: base.firstToken + (target.pods == 0 ? EndpointTiming.coldStart : .zero), interval: base.interval)
        let reply = SimulatedReply(prompt: parsed.lastUserMessage, seed: target.seed, maxTokens: parsed.maxTokens)
        let start = ContinuousClock.now
        let id = "chatcmpl-\(String(target.seed &+ UInt64(reply.tokens.count), radix: 16))"
        let created = Int(Date().timeIntervalSince1970)
        if !parsed.stream {
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody { writer in
                    try await Task.sleep(until: start + timing.firstToken + timing.interval * (reply.tokens.count - 1), clock: .continuous)
                    try await writer.write(ByteBuffer(bytes: reply.completion(id: id, model: model, created: created)))
                    try await writer.finish(nil)
                })
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(bytes: reply.chunk(id: id, model: model, created: created, role: true)))
                for (index, token) in reply.tokens.enumerated() {
                    try await Task.sleep(until: start + timing.firstToken + timing.interval * index, clock: .continuous)
                    try await writer.write(ByteBuffer(bytes: reply.chunk(id: id, model: model, created: created, content: token)))
                }
                var tail = reply.chunk(id: id, model: model, created: created, finish: reply.finishReason)
                if parsed.includeUsage { tail += reply.usageChunk(id: id, model: model, created: created) }
                tail += Data("data: [DONE]\n\n".utf8)
                try await writer.write(ByteBuffer(bytes: tail))
                try await writer.finish(nil)
            })
    }

    /// An error in OpenAI's shape.
    static func error(_ status: Int, _ message: String) -> Response {
        let type = status == 401 ? "invalid_request_error" : status == 503 ? "service_unavailable" : "invalid_request_error"
        return json(status, ["error": ["message": message, "type": type, "code": status]])
    }

    static func json(_ status: Int, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// What an endpoint request needs to know of its instance.
struct EndpointTarget: Sendable {
    var status: InstanceStatus
    var modelName: String?
    var chat: Bool
    /// Pods running now: zero means a cold start.
    var pods: Int
    var timing: EndpointTiming
    var seed: UInt64
}

/// The fields of a chat completion request the simulator reads.
struct ChatCompletionBody {
    var model: String
    var stream: Bool
    var includeUsage: Bool
    var maxTokens: Int?
    var lastUserMessage: String

    struct Problem: Error { var message: String }

    static func parse(_ data: Data) -> Result<ChatCompletionBody, Problem> {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return .failure(Problem(message: "The body must be a JSON object"))
        }
        guard let model = object["model"] as? String else { return .failure(Problem(message: "model is required")) }
        guard let messages = object["messages"] as? [[String: Any]], !messages.isEmpty,
            messages.allSatisfy({ $0["role"] is String && $0["content"] is String })
        else {
            return .failure(Problem(message: "messages must be a non-empty list of {role, content}"))
        }
        var maxTokens: Int?
        if let value = object["max_tokens"], !(value is NSNull) {
            guard let number = value as? Int, (1...8192).contains(number) else {
                return .failure(Problem(message: "max_tokens must be a whole number from 1 to 8192"))
            }
            maxTokens = number
        }
        let options = object["stream_options"] as? [String: Any]
        let lastUser = messages.last { $0["role"] as? String == "user" }?["content"] as? String ?? ""
        return .success(
            ChatCompletionBody(
                model: model, stream: object["stream"] as? Bool ?? false,
                includeUsage: options?["include_usage"] as? Bool ?? false, maxTokens: maxTokens, lastUserMessage: lastUser))
    }
}
