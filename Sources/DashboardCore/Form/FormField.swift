/// One field of a form: what it asks for, what has been typed or chosen, the
/// rules it must follow and any error set on it from outside.
public struct FormField: Equatable, Sendable {
    /// What the field holds; each case carries its value and editing state.
    public enum Kind: Equatable, Sendable {
        /// One line of text.
        case text(TextInput)
        /// Digits only; bounds are `FormRule.range`.
        case number(TextInput)
        /// Text drawn as "•" and never written out (see `SecretInput`).
        case secret(SecretInput)
        case select(SelectInput)
        case multiSelect(MultiSelectInput)
        /// On or off, switched with Space.
        case toggle(Bool)
        /// `KEY=value` lines, such as env vars.
        case keyValueList(KeyValueListInput)
        /// Read-only text the form shows among its fields (a live price); never focused.
        case info(String, tone: Tone)

        /// The text of a text, number or secret field.
        var editableText: String? {
            switch self {
            case .text(let input), .number(let input): input.text
            case .secret(let secret): secret.text
            default: nil
            }
        }

        /// Nothing typed or chosen, for `FormRule.required`.
        var isBlank: Bool {
            switch self {
            case .text(let input), .number(let input): input.text.allSatisfy(\.isWhitespace)
            case .secret(let secret): secret.text.isEmpty
            case .select(let select): select.selectedOption == nil
            case .multiSelect(let multi): multi.chosen.isEmpty
            case .toggle: false
            case .keyValueList(let list): list.pairs.isEmpty
            case .info: false
            }
        }

        var isFocusable: Bool {
            if case .info = self { return false }
            return true
        }
    }

    /// Unique within the form; how the caller reads values and sets errors.
    public var id: String
    public var label: String
    public var kind: Kind
    public var rules: [FormRule]
    /// Shown beside the value: the rules in words unless given.
    public var hint: String
    /// Shown muted in place of an empty value ("optional", "choose a model").
    public var placeholder: String
    /// An error set from outside (the server refused the value); cleared as
    /// soon as the person changes the value.
    public var error: String?
    /// A disabled field is drawn muted, is never focused and is not validated.
    public var isEnabled: Bool
    /// A hidden field is not drawn, focused or validated, but keeps its value.
    public var isHidden: Bool
    /// The person changed this value at least once.
    public internal(set) var isTouched: Bool

    public init(id: String, label: String, kind: Kind, rules: [FormRule] = [], hint: String? = nil,
                placeholder: String = "", isEnabled: Bool = true, isHidden: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.rules = rules
        self.hint = hint ?? FormRule.hint(for: rules)
        self.placeholder = placeholder
        self.error = nil
        self.isEnabled = isEnabled
        self.isHidden = isHidden
        self.isTouched = false
    }

    public static func text(_ id: String, _ label: String, _ value: String = "", rules: [FormRule] = [],
                            hint: String? = nil, placeholder: String = "") -> FormField {
        FormField(id: id, label: label, kind: .text(TextInput(value)), rules: rules, hint: hint, placeholder: placeholder)
    }

    public static func number(_ id: String, _ label: String, _ value: Int?, rules: [FormRule] = [],
                              hint: String? = nil, placeholder: String = "") -> FormField {
        FormField(id: id, label: label, kind: .number(TextInput(value.map(String.init) ?? "")), rules: rules,
                  hint: hint, placeholder: placeholder)
    }

    public static func secret(_ id: String, _ label: String, _ value: String = "", rules: [FormRule] = [],
                              hint: String? = nil, placeholder: String = "") -> FormField {
        FormField(id: id, label: label, kind: .secret(SecretInput(value)), rules: rules, hint: hint, placeholder: placeholder)
    }

    public static func select(_ id: String, _ label: String, options: [FormOption], selected: String?,
                              rules: [FormRule] = [], hint: String? = nil, placeholder: String = "choose…") -> FormField {
        FormField(id: id, label: label, kind: .select(SelectInput(options: options, selected: selected)), rules: rules,
                  hint: hint, placeholder: placeholder)
    }

    public static func multiSelect(_ id: String, _ label: String, options: [FormOption], chosen: Set<String>,
                                   rules: [FormRule] = [], hint: String? = nil,
                                   placeholder: String = "nothing to choose") -> FormField {
        FormField(id: id, label: label, kind: .multiSelect(MultiSelectInput(options: options, chosen: chosen)),
                  rules: rules, hint: hint, placeholder: placeholder)
    }

    public static func toggle(_ id: String, _ label: String, _ isOn: Bool, hint: String = "") -> FormField {
        FormField(id: id, label: label, kind: .toggle(isOn), hint: hint)
    }

    public static func keyValueList(_ id: String, _ label: String, _ pairs: [FormPair], rules: [FormRule] = [],
                                    hint: String? = nil, placeholder: String = "add NAME=value") -> FormField {
        FormField(id: id, label: label, kind: .keyValueList(KeyValueListInput(pairs: pairs)), rules: rules,
                  hint: hint, placeholder: placeholder)
    }

    public static func info(_ id: String, _ label: String, _ text: String, tone: Tone = .normal) -> FormField {
        FormField(id: id, label: label, kind: .info(text, tone: tone))
    }

    /// The first rule the value breaks, in words.
    public var ruleViolation: String? {
        rules.lazy.compactMap { $0.violation(in: self.kind) }.first
    }

    /// Can take focus: shown, enabled and not read-only text.
    public var isFocusable: Bool { !isHidden && isEnabled && kind.isFocusable }

    /// Rows the field takes on screen before its error line.
    var lineCount: Int {
        switch kind {
        case .multiSelect(let multi): max(1, multi.options.count)
        case .keyValueList(let list): list.rowCount
        default: 1
        }
    }
}

/// A titled group of fields ("Basics", "Hardware"); an empty title draws no heading.
public struct FormSection: Equatable, Sendable {
    public var title: String
    public var fields: [FormField]

    public init(_ title: String, _ fields: [FormField]) {
        self.title = title
        self.fields = fields
    }
}
