import Foundation

/// The reply a simulated endpoint gives: the same prompt always gets the same
/// words (a test can count on its length), cut at `max_tokens`. One word (with
/// its leading space) is one token.
struct SimulatedReply {
    var tokens: [String]
    /// `length` when cut by `max_tokens`, else `stop`.
    var finishReason: String

    private static let words = """
        the endpoint answers from a simulated GPU and streams each token as it is decoded so that the \
        dashboard can measure time to first token and tokens per second while the bill keeps running \
        every pod costs its hardware price by the hour whether it serves or not latency matters more \
        than throughput for chat but batch jobs care about the rate a cold start follows a scale from zero
        """.split(separator: " ").map(String.init)

    init(prompt: String, seed: UInt64, maxTokens: Int?) {
        // FNV-1a of the prompt, mixed with the instance's seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prompt.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var generator = SeededGenerator(seed: hash ^ seed)
        let natural = 24 + Int(generator.next() % 72)
        let count = min(natural, maxTokens ?? natural)
        tokens = (0..<count).map { index in
            let word = Self.words[Int(generator.next() % UInt64(Self.words.count))]
            return index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : " " + word
        }
        if count == natural, let last = tokens.indices.last { tokens[last] += "." }
        finishReason = count < natural ? "length" : "stop"
    }

    func chunk(id: String, model: String, created: Int, role: Bool = false, content: String? = nil, finish: String? = nil) -> Data {
        var delta: [String: Any] = [:]
        if role { delta = ["role": "assistant", "content": ""] }
        if let content { delta["content"] = content }
        let choice: [String: Any] = ["index": 0, "delta": delta, "finish_reason": finish ?? NSNull()]
        return event([
            "id": id, "object": "chat.completion.chunk", "created": created, "model": model, "choices": [choice],
        ])
    }

    func usageChunk(id: String, model: String, created: Int) -> Data {
        event([
            "id": id, "object": "chat.completion.chunk", "created": created, "model": model, "choices": [Any](),
            "usage": ["prompt_tokens": 12, "completion_tokens": tokens.count, "total_tokens": 12 + tokens.count],
        ])
    }

    func completion(id: String, model: String, created: Int) -> Data {
        let object: [String: Any] = [
            "id": id, "object": "chat.completion", "created": created, "model": model,
            "choices": [["index": 0, "message": ["role": "assistant", "content": tokens.joined()], "finish_reason": finishReason]],
            "usage": ["prompt_tokens": 12, "completion_tokens": tokens.count, "total_tokens": 12 + tokens.count],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    private func event(_ object: [String: Any]) -> Data {
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Data("data: ".utf8) + json + Data("\n\n".utf8)
    }
}
