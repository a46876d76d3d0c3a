import SesterceModels

/// The playground's sampling parameters as a form (`t`): empty leaves the
/// endpoint's default. Decimal bounds are patterns, so the form engine's
/// rules say them beside the fields and hold them on submit.
extension ChatParameters {
    static let decimalUpTo2 = #"(0(\.[0-9]+)?|1(\.[0-9]+)?|2(\.0+)?|\.[0-9]+)"#
    static let positiveUpTo1 = #"(0?\.[0-9]*[1-9][0-9]*|1(\.0+)?)"#
    static let positiveUpTo2 = #"(0?\.[0-9]*[1-9][0-9]*|1(\.[0-9]+)?|2(\.0+)?)"#

    func form(height: Int) -> Form {
        func decimal(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        return Form(
            title: "Playground parameters",
            sections: [
                FormSection(
                    "Sampling (empty: the endpoint's default)",
                    [
                        .text("system", "System prompt", systemPrompt, rules: [.length(min: nil, max: 4000)], placeholder: "none"),
                        .text("temperature", "Temperature", decimal(temperature),
                              rules: [.pattern(Self.decimalUpTo2, words: "0 to 2")], placeholder: "default"),
                        .text("topP", "top_p", decimal(topP),
                              rules: [.pattern(Self.positiveUpTo1, words: "above 0, up to 1")], placeholder: "default"),
                        .number("topK", "top_k", topK, rules: [.range(min: -1, max: 1000)], placeholder: "default"),
                        .text("repetitionPenalty", "Repetition penalty", decimal(repetitionPenalty),
                              rules: [.pattern(Self.positiveUpTo2, words: "above 0, up to 2")], placeholder: "default"),
                        .number("maxTokens", "Max tokens", maxTokens, rules: [.range(min: 1, max: 8192)], placeholder: "default"),
                    ]),
            ],
            submitLabel: "Apply", visibleRows: Form.visibleRows(screenHeight: height))
    }

    /// The parameters a valid form holds.
    init(_ form: Form) {
        func decimal(_ id: String) -> Double? { Double(form.text(id).trimmingWhitespace) }
        self.init(
            systemPrompt: form.text("system"), temperature: decimal("temperature"), topP: decimal("topP"),
            topK: form.int("topK"), repetitionPenalty: decimal("repetitionPenalty"), maxTokens: form.int("maxTokens"))
    }
}
