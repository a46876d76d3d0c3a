import Foundation
import TextLayout

/// What one event of a streamed chat completion says.
public enum ChatStreamEvent: Equatable, Sendable {
    /// A piece of the reply (one token, as OpenAI-compatible servers send them).
    case content(String)
    /// Why the reply ended (`stop`, `length`).
    case finished(reason: String)
    /// The usage chunk (`stream_options.include_usage`): tokens of the reply.
    case usage(completionTokens: Int)
    /// `data: [DONE]`: the stream is complete.
    case done
    /// An error object sent in the middle of the stream.
    case error(String)
}

/// Turns the bytes of a streamed chat completion into `ChatStreamEvent`s:
/// the SSE framing first, then each `data:` as an OpenAI chunk
/// (`choices[0].delta.content`, `finish_reason`, `usage`) or an error object
/// (`{"error":{"message":…}}`, or vLLM's `{"object":"error","message":…}`).
public struct ChatStreamReader: Sendable {
    private var parser = ServerSentEventParser()
    /// Events seen so far: none at the end means the body was not an event stream.
    public private(set) var eventCount = 0
    /// The first bytes of the body, kept to say what came instead of a stream.
    public private(set) var head: [UInt8] = []
    private static let headLimit = 512

    public init() {}

    public mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (ChatStreamEvent) throws -> Void) throws {
        if head.count < Self.headLimit { head.append(contentsOf: bytes.prefix(Self.headLimit - head.count)) }
        var count = eventCount
        try parser.feed(bytes) { event in
            count += 1
            try Self.interpret(event, emit)
        }
        eventCount = count
    }

    /// What came instead of an event stream, shortened and made safe to show.
    public var headText: String {
        let text = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return DisplayWidth.truncated(DisplayWidth.sanitized(text), to: 120)
    }

    /// A `data:` that is neither `[DONE]` nor a chunk nor an error object.
    public struct Undecodable: Error, Equatable, CustomStringConvertible {
        public var data: String
        public var description: String { "an event that is not a chat chunk: \(data)" }
    }

    static func interpret(_ event: ServerSentEvent, _ emit: (ChatStreamEvent) throws -> Void) throws {
        guard event.type == "message" else { return }
        let data = event.data
        if data == "[DONE]" {
            try emit(.done)
            return
        }
        guard let chunk = try? JSONDecoder().decode(Chunk.self, from: Data(data.utf8)) else {
            throw Undecodable(data: DisplayWidth.truncated(DisplayWidth.sanitized(data), to: 120))
        }
        if let message = chunk.errorMessage {
            try emit(.error(DisplayWidth.truncated(DisplayWidth.sanitized(message), to: 300)))
            return
        }
        for choice in chunk.choices ?? [] where choice.index ?? 0 == 0 {
            if let content = choice.delta?.content, !content.isEmpty { try emit(.content(content)) }
            if let reason = choice.finish_reason { try emit(.finished(reason: reason)) }
        }
        if let tokens = chunk.usage?.completion_tokens { try emit(.usage(completionTokens: tokens)) }
    }

    /// The fields of a chunk that matter here; everything else is ignored.
    private struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable { var content: String? }
            var index: Int?
            var delta: Delta?
            var finish_reason: String?
        }
        struct Usage: Decodable { var completion_tokens: Int? }
        struct ErrorObject: Decodable { var message: String? }
        /// `error` is an object for OpenAI, sometimes a bare string elsewhere.
        enum ErrorField: Decodable {
            case object(ErrorObject), text(String)
            init(from decoder: any Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) {
                    self = .text(text)
                } else {
                    self = .object(try ErrorObject(from: decoder))
                }
            }
        }

        var object: String?
        var message: String?
        var choices: [Choice]?
        var usage: Usage?
        var error: ErrorField?

        var errorMessage: String? {
            switch error {
            case .object(let object)?: return object.message ?? "error"
            case .text(let text)?: return text
            case nil: return object == "error" ? (message ?? "error") : nil
            }
        }
    }
}
