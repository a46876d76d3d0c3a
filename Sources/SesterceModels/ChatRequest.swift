/// One message of a chat with an OpenAI-compatible endpoint.
public struct ChatMessage: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable { case system, user, assistant }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// The sampling settings of the playground's side form; nil leaves the
/// endpoint's default.
public struct ChatParameters: Hashable, Sendable {
    public var systemPrompt: String
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var repetitionPenalty: Double?
    public var maxTokens: Int?

    public init(
        systemPrompt: String = "", temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
        repetitionPenalty: Double? = nil, maxTokens: Int? = nil
    ) {
        self.systemPrompt = systemPrompt
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.repetitionPenalty = repetitionPenalty
        self.maxTokens = maxTokens
    }
}

/// A streaming chat completion to send: the model, the conversation so far
/// (the system prompt first when there is one) and the parameters.
public struct ChatRequest: Hashable, Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var parameters: ChatParameters

    public init(model: String, messages: [ChatMessage], parameters: ChatParameters) {
        self.model = model
        self.messages = messages
        self.parameters = parameters
    }

    /// The messages as sent: the system prompt, when set, before the rest.
    public var messagesWithSystemPrompt: [ChatMessage] {
        parameters.systemPrompt.isEmpty ? messages : [ChatMessage(role: .system, content: parameters.systemPrompt)] + messages
    }
}
