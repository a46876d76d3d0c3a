import Foundation
import SesterceModels

/// The playground's next request as a `curl` command to paste in a shell:
/// the secret is `$SESTERCE_ENDPOINT_KEY`, never its value (this type never
/// sees it), and the JSON body is single-quoted for the shell.
enum CurlCommand {
    static func make(address: String, model: String, parameters: ChatParameters, prompt: String) -> String {
        var body: [String: Any] = [
            "model": model, "stream": true,
            "messages": ChatRequest(model: model, messages: [ChatMessage(role: .user, content: prompt)], parameters: parameters)
                .messagesWithSystemPrompt.map { ["role": $0.role.rawValue, "content": $0.content] },
        ]
        if let value = parameters.temperature { body["temperature"] = value }
        if let value = parameters.topP { body["top_p"] = value }
        if let value = parameters.topK { body["top_k"] = value }
        if let value = parameters.repetitionPenalty { body["repetition_penalty"] = value }
        if let value = parameters.maxTokens { body["max_tokens"] = value }
        let json = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let url = address.hasSuffix("/") ? address : address + "/"
        return "curl -N \(quoted(url + "v1/chat/completions")) -H \"x-api-key: $SESTERCE_ENDPOINT_KEY\" "
            + "-H 'Content-Type: application/json' -d \(quoted(json))"
    }

    /// `text` in single quotes, each `'` written as `'\''`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
