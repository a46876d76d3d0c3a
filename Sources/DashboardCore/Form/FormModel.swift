import TextLayout

/// A form as the screen draws it: the rows in view (headings, field lines,
/// error lines, the Submit button), an open list as a dropdown, messages above
/// the fields and key hints. Secrets appear only as "•".
public struct FormModel: Equatable, Sendable {
    /// How a field line is drawn.
    public enum Look: Equatable, Sendable {
        /// Typed text (text, number, secret, a key=value line): underlined
        /// when active, with a cursor.
        case input
        /// A select: the chosen option and a "▾".
        case choice
        /// A check box line ("[x] eu-west-1"): a toggle or a multi-select option.
        case check
        /// Read-only text.
        case plain
    }

    /// One line of a field; a field of several lines (a multi-select, a
    /// key=value list) has its label on the first one only.
    public struct FieldLine: Equatable, Sendable {
        public var fieldId: String
        /// "" on the lines after the first.
        public var label: String
        /// What is shown: the value, "•" for a secret, or a placeholder (muted).
        public var text: String
        /// Muted text after the value (an option's price).
        public var detail: String
        /// The rule in words, beside the value (first line only).
        public var hint: String
        public var tone: Tone
        /// Characters of `text` before the cursor, on the line being typed into.
        public var cursor: Int?
        /// The field has focus.
        public var isFocused: Bool
        /// Keys go to this line: the focused line of the focused field.
        public var isActive: Bool
        public var isEnabled: Bool
        public var look: Look
        /// Which line of its field this is (an option of a multi-select, a
        /// line of a key=value list): what a click on it focuses.
        public var line: Int

        public init(fieldId: String, label: String, text: String, detail: String = "", hint: String = "",
                    tone: Tone = .normal, cursor: Int? = nil, isFocused: Bool = false, isActive: Bool = false,
                    isEnabled: Bool = true, look: Look = .input, line: Int = 0) {
            self.fieldId = fieldId
            self.label = label
            self.text = text
            self.detail = detail
            self.hint = hint
            self.tone = tone
            self.cursor = cursor
            self.isFocused = isFocused
            self.isActive = isActive
            self.isEnabled = isEnabled
            self.look = look
            self.line = line
        }
    }

    public enum Row: Equatable, Sendable {
        case heading(String)
        case field(FieldLine)
        /// What is wrong with the field above, in words.
        case error(String)
        case submit(label: String, isFocused: Bool)
        case blank
    }

    /// The list of an open select, drawn under its line over the rows below.
    public struct Dropdown: Equatable, Sendable {
        public struct Option: Equatable, Sendable {
            public var label: String
            public var detail: String
            public var isHighlighted: Bool
            /// The option currently chosen.
            public var isSelected: Bool

            public init(label: String, detail: String, isHighlighted: Bool, isSelected: Bool) {
                self.label = label
                self.detail = detail
                self.isHighlighted = isHighlighted
                self.isSelected = isSelected
            }
        }

        /// Index in `rows` of the select's line.
        public var row: Int
        public var filter: String
        /// The options in view, from `firstOption` on (of the matching ones).
        public var options: [Option]
        public var firstOption: Int
        public var matching: Int
        public var total: Int
        /// Options the list has room for; it is drawn `visibleOptions + 2` rows tall.
        public var visibleOptions: Int
    }

    public struct Hint: Equatable, Sendable {
        public var key: String
        public var action: String

        public init(_ key: String, _ action: String) {
            self.key = key
            self.action = action
        }
    }

    public var title: String
    public var isEdited: Bool
    /// Above the fields, not scrolled: what to fix after a refused submit,
    /// messages from the server that name no field.
    public var messages: [String]
    /// The rows in view.
    public var rows: [Row]
    /// Index of the first row in view among all rows, and how many there are.
    public var firstRow: Int
    public var totalRows: Int
    /// Widest label in terminal columns, so that values line up whatever is
    /// scrolled into view (a CJK label takes two columns a character).
    public var labelWidth: Int
    public var dropdown: Dropdown?
    /// Pinned under the fields (the live price).
    public var summary: FormSummary?
    /// A warning above the messages, there from the start (an edit redeploys).
    public var notice: String?
    public var hints: [Hint]

    /// Widest the label column gets; longer labels are cut.
    public static let maximumLabelWidth = 20
    /// Most options an open list shows at once.
    public static let maximumDropdownOptions = 8

    public init(_ form: Form) {
        let plan = FormPlan(form)
        title = form.title
        isEdited = form.isEdited
        messages = plan.banner
        totalRows = plan.rows.count
        let rowsInView = plan.contentRows
        firstRow = min(max(0, form.scroll), max(0, plan.rows.count - rowsInView))
        rows = Array(plan.rows.dropFirst(firstRow).prefix(rowsInView))
        labelWidth = min(Self.maximumLabelWidth,
                         form.fields.filter { !$0.isHidden }.map { DisplayWidth.of(DisplayWidth.sanitized($0.label)) }.max() ?? 0)
        if var dropdown = plan.dropdown {
            dropdown.row -= firstRow
            self.dropdown = rows.indices.contains(dropdown.row) ? dropdown : nil
        }
        summary = form.summary
        notice = form.notice
        hints = Self.hints(form)
    }

    static func hints(_ form: Form) -> [Hint] {
        if form.isSelectOpen {
            return [Hint("↑↓", "highlight"), Hint("Enter", "pick"), Hint("type", "filter"), Hint("Esc", "close")]
        }
        var specific: [Hint] = []
        switch form.focusedField?.kind {
        case .toggle?, .multiSelect?: specific = [Hint("Space", "toggle")]
        case .select?: specific = [Hint("Enter", "choose")]
        case .keyValueList?: specific = [Hint("Enter", "new line")]
        case nil: specific = [Hint("Enter", "submit")]
        default: break
        }
        return [Hint("Tab", "next"), Hint("Shift-Tab", "previous")] + specific
            + [Hint("Ctrl-S", "submit"), Hint("Esc", "cancel")]
    }
}

/// Every row of a form, and where its focus sits among them: what `FormModel`
/// shows a window of and what `Form` scrolls by.
struct FormPlan {
    var banner: [String] = []
    var rows: [FormModel.Row] = []
    /// Rows that must be in view with the focused field: a heading right above
    /// it, its lines, its error line and an open list below it.
    var focusSpan: ClosedRange<Int>?
    /// The focused line itself.
    var activeRow: Int?
    var dropdown: FormModel.Dropdown?
    /// Rows left for the fields under the banner.
    var contentRows: Int

    /// Lines of messages shown at most above the fields.
    static let maximumBannerLines = 3

    init(_ form: Form) {
        banner = Self.banner(form)
        contentRows = max(1, form.visibleRows - banner.count - (form.summary == nil ? 0 : 1) - (form.notice == nil ? 0 : 1))
        for section in form.sections {
            let shown = section.fields.filter { !$0.isHidden }
            guard !shown.isEmpty else { continue }
            if !section.title.isEmpty {
                if !rows.isEmpty { rows.append(.blank) }
                rows.append(.heading(section.title))
            }
            for field in shown { add(field, form) }
        }
        if !rows.isEmpty { rows.append(.blank) }
        if form.focus == .submit {
            focusSpan = rows.count...rows.count
            activeRow = rows.count
        }
        rows.append(.submit(label: form.submitLabel, isFocused: form.focus == .submit))
    }

    private static func banner(_ form: Form) -> [String] {
        var lines: [String] = []
        let errors = form.submitAttempted ? form.validate() : []
        if !errors.isEmpty {
            let names = errors.map(\.label).joined(separator: ", ")
            lines.append("Fix \(errors.count) field\(errors.count == 1 ? "" : "s") before submitting: \(names)")
        }
        lines += form.messages
        guard lines.count > maximumBannerLines else { return lines }
        let kept = lines.prefix(maximumBannerLines - 1)
        return kept + ["… and \(lines.count - kept.count) more"]
    }

    private mutating func add(_ field: FormField, _ form: Form) {
        let focused = form.focus == .field(field.id)
        let first = rows.count
        let tone: Tone = field.isEnabled ? .normal : .muted
        var line = FormModel.FieldLine(fieldId: field.id, label: field.label, text: "", hint: field.hint, tone: tone,
                                       isFocused: focused, isActive: focused, isEnabled: field.isEnabled)
        var active: Int? = focused ? first : nil

        func typed(_ text: String, cursor: Int, masked: Bool) {
            if text.isEmpty && !focused {
                line.text = field.placeholder
                line.tone = .muted
            } else {
                line.text = masked ? String(repeating: "•", count: text.count) : text
                line.cursor = focused ? cursor : nil
            }
            rows.append(.field(line))
        }

        switch field.kind {
        case .text(let input), .number(let input):
            typed(input.text, cursor: input.cursor, masked: false)
        case .secret(let secret):
            typed(secret.text, cursor: secret.input.cursor, masked: true)
        case .select(let select):
            line.look = .choice
            if let option = select.selectedOption {
                line.text = option.label
                line.detail = option.detail
            } else {
                line.text = field.placeholder
                line.tone = .muted
            }
            rows.append(.field(line))
        case .toggle(let isOn):
            line.look = .check
            line.text = isOn ? "[x]" : "[ ]"
            rows.append(.field(line))
        case .info(let text, let infoTone):
            line.look = .plain
            line.text = text
            line.tone = field.isEnabled ? infoTone : .muted
            rows.append(.field(line))
        case .multiSelect(let multi):
            line.look = .check
            if multi.options.isEmpty {
                line.text = field.placeholder
                line.tone = .muted
                rows.append(.field(line))
            }
            for (index, option) in multi.options.enumerated() {
                var optionLine = line
                if index > 0 {
                    optionLine.label = ""
                    optionLine.hint = ""
                }
                optionLine.text = (multi.chosen.contains(option.id) ? "[x] " : "[ ] ") + option.label
                optionLine.detail = option.detail
                optionLine.line = index
                optionLine.isActive = focused && index == multi.highlight
                if optionLine.isActive { active = rows.count }
                rows.append(.field(optionLine))
            }
        case .keyValueList(let list):
            for index in 0...list.lines.count {
                var entry = line
                if index > 0 {
                    entry.label = ""
                    entry.hint = ""
                }
                entry.line = index
                entry.isActive = focused && index == list.row
                if entry.isActive {
                    active = rows.count
                    entry.text = index < list.lines.count ? list.lines[index] : ""
                    entry.cursor = list.cursor
                } else if index < list.lines.count {
                    entry.text = Self.maskingSecretValue(list.lines[index])
                } else {
                    entry.text = "+ " + field.placeholder
                    entry.tone = .muted
                }
                rows.append(.field(entry))
            }
        }
        let last = rows.count - 1
        if let error = Self.displayedError(field, form) { rows.append(.error(error)) }
        guard focused else { return }
        activeRow = active
        var top = first
        if first > 0, case .heading = rows[first - 1] { top = first - 1 }
        var bottom = rows.count - 1
        if case .select(let select) = field.kind, select.isOpen {
            let list = Self.dropdown(select, row: last, contentRows: contentRows)
            dropdown = list
            bottom = max(bottom, last + list.visibleOptions + 2)
        }
        focusSpan = top...bottom
    }

    /// A broken rule shows once the field was touched, holds a value, or a
    /// submit was attempted; else the caller's check, else an outside error.
    static func displayedError(_ field: FormField, _ form: Form) -> String? {
        guard field.isEnabled else { return nil }
        if let rule = field.ruleViolation, field.isTouched || form.submitAttempted || !field.kind.isBlank {
            return rule
        }
        return form.checks[field.id] ?? field.error
    }

    /// `NAME=value` with the value hidden when the name looks like a secret.
    static func maskingSecretValue(_ line: String) -> String {
        guard let equals = line.firstIndex(of: "="), InstanceDetailModel.isSecret(String(line[..<equals])) else {
            return line
        }
        return String(line[...equals]) + "••••••••"
    }

    static func dropdown(_ select: SelectInput, row: Int, contentRows: Int) -> FormModel.Dropdown {
        let matching = select.matching
        let room = max(1, min(FormModel.maximumDropdownOptions, contentRows - 3))
        let first = min(max(0, select.highlight - room / 2), max(0, matching.count - room))
        let options = matching.enumerated().dropFirst(first).prefix(room).map { index, option in
            FormModel.Dropdown.Option(label: option.label, detail: option.detail, isHighlighted: index == select.highlight,
                                      isSelected: option.id == select.selected)
        }
        return FormModel.Dropdown(row: row, filter: select.filter, options: options, firstOption: first,
                                  matching: matching.count, total: select.options.count,
                                  visibleOptions: max(1, min(room, matching.count)))
    }
}
