/// A line a form keeps in view whatever is scrolled, such as the price of
/// what is being configured: it must be seen before every submit.
public struct FormSummary: Equatable, Sendable {
    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .normal) {
        self.text = text
        self.tone = tone
    }
}

/// Where a form's keys go: a field, by id, or the Submit button at the end.
public enum FormFocus: Hashable, Sendable {
    case field(String)
    case submit
}

/// A form as a plain value: sections of fields, focus, editing, validation
/// and scrolling. `apply` is pure; a reducer keeps the form in its state,
/// turns keys into inputs with `input(for:)`, and reads values out to build
/// a request. Nothing the person typed is ever lost by validation, by errors
/// set from outside, or by hiding a field.
public struct Form: Equatable, Sendable {
    public var title: String
    /// The fields in order. Changing them (adding, hiding, disabling a field)
    /// keeps the focus on a field that can take it and in view.
    public var sections: [FormSection] {
        didSet { settle() }
    }
    /// The Submit button's text ("Deploy", "Save").
    public var submitLabel: String
    public internal(set) var focus: FormFocus
    /// The person changed a value (not counting values set by the caller).
    public private(set) var isEdited = false
    /// A submit was asked for: from then on every broken rule shows, and a
    /// line above the fields lists what to fix.
    public private(set) var submitAttempted = false
    /// Messages that name no field (from the server), shown above the fields.
    public var messages: [String] = [] {
        didSet { keepFocusVisible() }
    }
    /// Errors found by the caller across fields ("max is above the region's
    /// capacity of 4"), by field id; replaced as a whole by `setChecks`.
    public private(set) var checks: [String: String] = [:]
    /// A warning above the fields that stays, said before submitting (an
    /// edit redeploys the instance).
    public var notice: String? {
        didSet { keepFocusVisible() }
    }
    /// A line pinned under the fields, never scrolled away (the live price).
    public var summary: FormSummary? {
        didSet { keepFocusVisible() }
    }
    /// The first of the form's rows on screen.
    public internal(set) var scroll = 0
    /// Rows between the panel's top border and its key hints (messages and
    /// fields); see `visibleRows(screenHeight:)`.
    public private(set) var visibleRows: Int

    public init(title: String, sections: [FormSection], submitLabel: String = "Submit",
                visibleRows: Int = Form.visibleRows(screenHeight: Layout.minimumHeight)) {
        self.title = title
        self.sections = sections
        self.submitLabel = submitLabel
        self.visibleRows = max(1, visibleRows)
        focus = .submit
        focus = focusOrder.first ?? .submit
    }

    /// Rows a form shows on a screen this tall when it fills the body (between
    /// the header and the footer) in a panel: 18 at 24 rows.
    public static func visibleRows(screenHeight: Int) -> Int {
        visibleRows(bodyHeight: screenHeight - Layout.headerRows - Layout.footerRows)
    }

    /// Rows a form shows in a body area this tall (the panel's borders taken off).
    public static func visibleRows(bodyHeight: Int) -> Int {
        max(1, bodyHeight - 2)
    }

    // MARK: - Reading values

    /// The field with this id, if any.
    public func field(_ id: String) -> FormField? {
        for section in sections {
            if let field = section.fields.first(where: { $0.id == id }) { return field }
        }
        return nil
    }

    /// Every field, in order (hidden ones too).
    public var fields: [FormField] { sections.flatMap(\.fields) }

    /// The text of a text, number or secret field, as typed ("" otherwise).
    public func text(_ id: String) -> String {
        field(id)?.kind.editableText ?? ""
    }

    /// The whole number in a number (or text) field; nil when empty or not a number.
    public func int(_ id: String) -> Int? {
        Int(text(id).trimmingWhitespace)
    }

    /// Whether a toggle is on.
    public func bool(_ id: String) -> Bool {
        if case .toggle(let isOn)? = field(id)?.kind { return isOn }
        return false
    }

    /// The id of the option chosen in a select.
    public func selected(_ id: String) -> String? {
        if case .select(let select)? = field(id)?.kind { return select.selectedOption?.id }
        return nil
    }

    /// The ids chosen in a multi-select, in the order of its options.
    public func chosen(_ id: String) -> [String] {
        if case .multiSelect(let multi)? = field(id)?.kind { return multi.chosenInOrder }
        return []
    }

    /// The `KEY=value` pairs of a key=value list, blank lines left out.
    public func pairs(_ id: String) -> [FormPair] {
        if case .keyValueList(let list)? = field(id)?.kind { return list.pairs }
        return []
    }

    /// The field that has focus, if focus is not on Submit.
    public var focusedField: FormField? {
        guard case .field(let id) = focus else { return nil }
        return field(id)
    }

    /// A select of the focused field is showing its list (Esc closes it rather than the form).
    public var isSelectOpen: Bool {
        if case .select(let select)? = focusedField?.kind { return select.isOpen }
        return false
    }

    // MARK: - Changing the form from outside (not counted as edits)

    /// Changes the field with this id in place; nothing happens if there is none.
    public mutating func update(_ id: String, _ change: (inout FormField) -> Void) {
        for s in sections.indices {
            if let f = sections[s].fields.firstIndex(where: { $0.id == id }) {
                change(&sections[s].fields[f])
                return
            }
        }
    }

    /// Sets the text of a text, number or secret field.
    public mutating func setText(_ id: String, _ text: String) {
        update(id) { field in
            switch field.kind {
            case .text(var input): input.set(text); field.kind = .text(input)
            case .number(var input): input.set(text); field.kind = .number(input)
            case .secret(var secret): secret.input.set(text); field.kind = .secret(secret)
            default: break
            }
        }
    }

    /// Chooses an option of a select (nil: none).
    public mutating func setSelected(_ id: String, _ optionId: String?) {
        update(id) { field in
            guard case .select(var select) = field.kind else { return }
            select.selected = optionId
            field.kind = .select(select)
        }
    }

    /// Sets the chosen options of a multi-select.
    public mutating func setChosen(_ id: String, _ chosen: Set<String>) {
        update(id) { field in
            guard case .multiSelect(var multi) = field.kind else { return }
            multi.chosen = chosen
            field.kind = .multiSelect(multi)
        }
    }

    /// Replaces the options of a select or multi-select. A choice whose option
    /// is gone is dropped; an open list closes.
    public mutating func setOptions(_ id: String, _ options: [FormOption]) {
        update(id) { field in
            let ids = Set(options.map(\.id))
            switch field.kind {
            case .select(var select):
                select.options = options
                if let selected = select.selected, !ids.contains(selected) { select.selected = nil }
                select.close()
                field.kind = .select(select)
            case .multiSelect(var multi):
                multi.options = options
                multi.chosen.formIntersection(ids)
                multi.highlight = min(multi.highlight, max(0, options.count - 1))
                field.kind = .multiSelect(multi)
            default: break
            }
        }
    }

    public mutating func setBool(_ id: String, _ isOn: Bool) {
        update(id) { field in
            if case .toggle = field.kind { field.kind = .toggle(isOn) }
        }
    }

    public mutating func setPairs(_ id: String, _ pairs: [FormPair]) {
        update(id) { field in
            if case .keyValueList = field.kind { field.kind = .keyValueList(KeyValueListInput(pairs: pairs)) }
        }
    }

    /// Sets the text of an info field (a price that changed).
    public mutating func setInfo(_ id: String, _ text: String, tone: Tone = .normal) {
        update(id) { field in
            if case .info = field.kind { field.kind = .info(text, tone: tone) }
        }
    }

    /// What an empty field says ("catalog loading…", then "no region has room").
    public mutating func setPlaceholder(_ id: String, _ placeholder: String) {
        update(id) { $0.placeholder = placeholder }
    }

    public mutating func setEnabled(_ id: String, _ isEnabled: Bool) {
        update(id) { $0.isEnabled = isEnabled }
    }

    public mutating func setHidden(_ id: String, _ isHidden: Bool) {
        update(id) { $0.isHidden = isHidden }
    }

    /// Moves focus to a field (if it can take it) or to Submit.
    public mutating func focus(_ target: FormFocus) {
        guard focusOrder.contains(target) else { return }
        closeOpenSelect()
        focus = target
        enterFocusedField(fromBelow: false)
        keepFocusVisible()
    }

    /// Empties every secret field: once a request is sent, no password stays in state.
    public mutating func clearSecrets() {
        eachField { field in
            if case .secret = field.kind { field.kind = .secret(SecretInput()) }
        }
    }

    /// Keeps the focused field in view when `rows` rows are shown (the screen was resized).
    public mutating func resize(visibleRows rows: Int) {
        visibleRows = max(1, rows)
        keepFocusVisible()
    }

    // MARK: - Validation and errors

    /// What must be fixed before submitting, field by field in form order: the
    /// first broken rule, else the caller's check, else the error set from
    /// outside. Hidden and disabled fields are not checked.
    public func validate() -> [FieldError] {
        fields.compactMap { field in
            guard !field.isHidden, field.isEnabled else { return nil }
            guard let message = field.ruleViolation ?? checks[field.id] ?? field.error else { return nil }
            return FieldError(fieldId: field.id, label: field.label, message: message)
        }
    }

    public var isValid: Bool { validate().isEmpty }

    /// Call when the person asks to submit: every broken rule shows from now
    /// on, and when something must be fixed the focus goes to the first such
    /// field. Returns what to fix; send the request only when it is empty.
    public mutating func attemptSubmit() -> [FieldError] {
        submitAttempted = true
        closeOpenSelect()
        let errors = validate()
        if let first = errors.first { focus(.field(first.fieldId)) }
        keepFocusVisible()
        return errors
    }

    /// Puts errors from outside (a 400 from the server) next to the fields they
    /// name, by field id; messages for ids the form does not have, and
    /// `general`, go to the list above the fields. Replaces earlier errors from
    /// outside; values stay as typed. Focus goes to the first field named.
    public mutating func setErrors(_ byField: [String: String], general: [String] = []) {
        var unplaced = general
        let ids = Set(fields.map(\.id))
        for (id, message) in byField.sorted(by: { $0.key < $1.key }) where !ids.contains(id) { unplaced.append(message) }
        eachField { $0.error = byField[$0.id] }
        messages = unplaced
        if let first = fields.first(where: { $0.error != nil && $0.isFocusable }) { focus(.field(first.id)) }
        keepFocusVisible()
    }

    /// Replaces the caller's cross-field checks (nil message: none), by field id.
    /// Unlike errors from outside, they are not cleared by editing: recompute
    /// them after each change.
    public mutating func setChecks(_ byField: [String: String]) {
        checks = byField
        keepFocusVisible()
    }

    /// Drops errors from outside, checks and messages (not broken rules).
    public mutating func clearErrors() {
        eachField { $0.error = nil }
        checks = [:]
        messages = []
    }

    /// Changes every field, then settles focus and scrolling once.
    private mutating func eachField(_ change: (inout FormField) -> Void) {
        var changed = sections
        for s in changed.indices {
            for f in changed[s].fields.indices { change(&changed[s].fields[f]) }
        }
        sections = changed
    }

    // MARK: - Focus

    /// Focusable fields in order, then Submit.
    var focusOrder: [FormFocus] {
        fields.filter(\.isFocusable).map { .field($0.id) } + [.submit]
    }

    /// After the fields changed: focus on something focusable, list closed if
    /// its field lost focus, focus in view.
    private mutating func settle() {
        let order = focusOrder
        if !order.contains(focus) { focus = order.first ?? .submit }
        keepFocusVisible()
    }

    mutating func moveFocus(by step: Int, fromBelow: Bool) {
        let order = focusOrder
        let index = order.firstIndex(of: focus) ?? 0
        closeOpenSelect()
        focus = order[((index + step) % order.count + order.count) % order.count]
        enterFocusedField(fromBelow: fromBelow)
    }

    /// Places the caret where a person arriving on the field expects it: the
    /// end of a text, the first (or, coming up from below, the last) line of a list.
    mutating func enterFocusedField(fromBelow: Bool) {
        guard case .field(let id) = focus else { return }
        update(id) { field in
            switch field.kind {
            case .text(var input): input.end(); field.kind = .text(input)
            case .number(var input): input.end(); field.kind = .number(input)
            case .secret(var secret): secret.input.end(); field.kind = .secret(secret)
            case .multiSelect(var multi):
                multi.highlight = fromBelow ? max(0, multi.options.count - 1) : 0
                field.kind = .multiSelect(multi)
            case .keyValueList(var list):
                list.moveTo(row: fromBelow ? list.lines.count : 0)
                field.kind = .keyValueList(list)
            default: break
            }
        }
    }

    mutating func closeOpenSelect() {
        guard isSelectOpen, case .field(let id) = focus else { return }
        update(id) { field in
            guard case .select(var select) = field.kind else { return }
            select.close()
            field.kind = .select(select)
        }
    }

    // MARK: - Scrolling

    /// Scrolls as little as possible so that the focused field (with the
    /// heading right above it, its error line and an open list) is in view,
    /// and its active line above all.
    mutating func keepFocusVisible() {
        let plan = FormPlan(self)
        let rows = plan.contentRows
        var offset = min(max(0, scroll), max(0, plan.rows.count - rows))
        if let span = plan.focusSpan {
            if span.upperBound >= offset + rows { offset = span.upperBound - rows + 1 }
            if span.lowerBound < offset { offset = span.lowerBound }
        }
        if let active = plan.activeRow {
            if active < offset { offset = active }
            if active >= offset + rows { offset = active - rows + 1 }
        }
        scroll = max(0, offset)
    }

    mutating func markChanged(_ id: String) {
        isEdited = true
        update(id) { field in
            field.isTouched = true
            field.error = nil
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
