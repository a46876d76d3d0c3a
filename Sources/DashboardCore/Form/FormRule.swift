/// A rule a field's value must follow, as data: it reads as a hint next to the
/// field ("1 to 3600") and, when broken, as an error in words ("must be
/// between 1 and 3600"). Messages never quote the value, so a secret cannot
/// leak through them.
public enum FormRule: Equatable, Sendable {
    /// Text not blank, a select with a choice, a multi-select with at least
    /// one choice, a key=value list with at least one line.
    case required
    /// A whole number within the bounds (either may be open).
    case range(min: Int?, max: Int?)
    /// Text with a number of characters within the bounds (either may be open).
    case length(min: Int?, max: Int?)
    /// Text (when not empty) that matches `regex` as a whole; `words` says the
    /// rule for people ("lowercase letters, digits and -").
    case pattern(_ regex: String, words: String)
    /// At least this many options of a multi-select.
    case minimumChosen(Int)
    /// Every line of a key=value list is `NAME=value` with a name of letters,
    /// digits and _ that does not start with a digit, and no name twice:
    /// what a container accepts as environment variables.
    case environmentNames

    /// The rule in words, for the hint beside the field.
    public var words: String {
        switch self {
        case .required: "required"
        case .range(let low?, let high?): "\(low) to \(high)"
        case .range(let low?, nil): "at least \(low)"
        case .range(nil, let high?): "at most \(high)"
        case .range(nil, nil): "a whole number"
        case .length(let low?, let high?): "\(low) to \(high) characters"
        case .length(let low?, nil): "at least \(low) characters"
        case .length(nil, let high?): "up to \(high) characters"
        case .length(nil, nil): ""
        case .pattern(_, let words): words
        case .minimumChosen(let count): "choose at least \(count)"
        case .environmentNames: "NAME=value per line"
        }
    }

    /// The hint for a list of rules: each rule's words, joined.
    public static func hint(for rules: [FormRule]) -> String {
        rules.map(\.words).filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// What is wrong with `field`'s value under this rule, or nil when it holds.
    /// Rules other than `required` accept an empty value.
    func violation(in kind: FormField.Kind) -> String? {
        switch self {
        case .required:
            return kind.isBlank ? Self.requiredMessage(kind) : nil
        case .range(let low, let high):
            guard let text = kind.editableText, !text.isEmpty else { return nil }
            guard let number = Int(text) else {
                return (low == nil && high == nil) ? "must be a whole number" : "must be \(Self.bounds(low, high))"
            }
            if let low, number < low { return "must be \(Self.bounds(low, high))" }
            if let high, number > high { return "must be \(Self.bounds(low, high))" }
            return nil
        case .length(let low, let high):
            guard let text = kind.editableText, !text.isEmpty else { return nil }
            if let low, text.count < low { return "must be at least \(low) characters" }
            if let high, text.count > high { return "must be at most \(high) characters" }
            return nil
        case .pattern(let regex, let words):
            guard let text = kind.editableText, !text.isEmpty else { return nil }
            guard let compiled = try? Regex(regex) else { return nil }
            return (try? compiled.wholeMatch(in: text)) == nil ? "must be \(words)" : nil
        case .minimumChosen(let count):
            guard case .multiSelect(let input) = kind else { return nil }
            return input.chosen.count < count ? "choose at least \(count)" : nil
        case .environmentNames:
            guard case .keyValueList(let input) = kind else { return nil }
            return Self.environmentViolation(input.lines)
        }
    }

    private static func requiredMessage(_ kind: FormField.Kind) -> String {
        switch kind {
        case .select: "choose one"
        case .multiSelect: "choose at least 1"
        default: "required"
        }
    }

    private static func bounds(_ low: Int?, _ high: Int?) -> String {
        switch (low, high) {
        case (let low?, let high?): "between \(low) and \(high)"
        case (let low?, nil): "at least \(low)"
        case (nil, let high?): "at most \(high)"
        case (nil, nil): "a whole number"
        }
    }

    /// The first bad line of an env var list, in words; blank lines are ignored.
    static func environmentViolation(_ lines: [String]) -> String? {
        var seen = Set<String>()
        for (number, line) in zip(1..., lines) where !line.allSatisfy(\.isWhitespace) {
            guard let equals = line.firstIndex(of: "=") else { return "line \(number): NAME=value expected" }
            let name = String(line[..<equals])
            guard isEnvironmentName(name) else {
                return "line \(number): a name is letters, digits and _, not starting with a digit"
            }
            guard seen.insert(name).inserted else { return "line \(number): \(name) is set twice" }
        }
        return nil
    }

    static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }
    }
}

/// A field that needs fixing, in words, for the list shown when submitting.
public struct FieldError: Equatable, Sendable {
    public var fieldId: String
    public var label: String
    public var message: String

    public init(fieldId: String, label: String, message: String) {
        self.fieldId = fieldId
        self.label = label
        self.message = message
    }
}
