import DashboardCore
import TextLayout

/// A form in a bordered panel: messages at the top, then section headings and
/// fields (labels in a column, values, the rule in words beside them, errors
/// below them), the Submit button, and the summary (a price) on the last line;
/// the key hints are in the screen's footer. The focused line is marked "›";
/// the line being typed into is underlined with a reverse cursor cell; an open
/// select draws its list under its line.
public struct FormView: Sendable {
    public var model: FormModel
    public var theme: Theme

    public init(model: FormModel, theme: Theme) {
        self.model = model
        self.theme = theme
    }

    /// Where the columns of a form's lines start and how wide they are.
    public struct Columns: Equatable, Sendable {
        /// The "›" focus marker and section headings.
        public var markerX: Int
        public var labelX: Int
        public var labelWidth: Int
        public var valueX: Int
        public var valueWidth: Int
        public var hintX: Int
        public var hintWidth: Int
        /// One past the last column lines may use.
        public var maxX: Int
    }

    /// Widest a value gets, so that hints stay near the values on wide screens.
    public static let maximumValueWidth = 44

    /// The columns of the lines inside a panel whose inside is `inner`.
    public static func columns(in inner: Rect, labelWidth: Int) -> Columns {
        let x = inner.x + 1
        let maxX = inner.maxX - 1
        let width = max(0, maxX - x)
        let label = max(0, min(labelWidth, width / 3))
        let valueX = x + 2 + label + 2
        let rest = max(0, maxX - valueX)
        let value = min(rest, max(min(rest, 16), min(maximumValueWidth, rest * 3 / 5)))
        let hintX = valueX + value + 2
        return Columns(markerX: x, labelX: x + 2, labelWidth: label, valueX: valueX, valueWidth: value,
                       hintX: hintX, hintWidth: max(0, maxX - hintX), maxX: maxX)
    }

    /// Rows of messages and fields a form shows when drawn in `area`; the same
    /// as `Form.visibleRows(bodyHeight: area.height)`.
    public static func visibleRows(in area: Rect) -> Int {
        Form.visibleRows(bodyHeight: area.height)
    }

    /// Where the parts of a form land inside its panel: what `render` draws
    /// and `target` finds, so a click lands on what was drawn.
    private struct Parts {
        var columns: Columns
        var summaryY: Int?
        var noticeY: Int?
        var messagesY: Int
        var messageCount: Int
        /// The rows of headings, fields and the buttons.
        var content: Rect
    }

    private func parts(inside inner: Rect) -> Parts {
        let columns = Self.columns(in: inner, labelWidth: model.labelWidth)
        var body = inner
        var summaryY: Int?, noticeY: Int?
        if model.summary != nil, body.height >= 2 {
            let summaryRow: Rect
            (body, summaryRow) = body.splitBottom(1)
            summaryY = summaryRow.y
        }
        if model.notice != nil, body.height >= 2 {
            let noticeRow: Rect
            (noticeRow, body) = body.splitTop(1)
            noticeY = noticeRow.y
        }
        let messages = min(model.messages.count, body.height)
        return Parts(columns: columns, summaryY: summaryY, noticeY: noticeY, messagesY: body.y, messageCount: messages,
                     content: Rect(x: body.x, y: body.y + messages, width: body.width, height: body.height - messages))
    }

    /// The columns the Submit and Cancel buttons take on their row.
    static func buttons(_ label: String, _ columns: Columns) -> (submit: Range<Int>, cancel: Range<Int>) {
        let submitEnd = min(columns.maxX, columns.labelX + DisplayWidth.of(DisplayWidth.sanitized("[ \(label) ]")))
        let cancelX = min(columns.maxX, submitEnd + buttonGap)
        let cancelEnd = min(columns.maxX, cancelX + DisplayWidth.of(cancelButton))
        return (columns.labelX..<max(columns.labelX, submitEnd), cancelX..<max(cancelX, cancelEnd))
    }

    /// Esc's twin for the mouse, beside the Submit button.
    static let cancelButton = "[ Cancel ]"
    static let buttonGap = 2

    public func render(into buffer: inout Buffer, area: Rect) {
        let footer = model.totalRows > model.rows.count
            ? "\(model.firstRow + 1)-\(model.firstRow + model.rows.count) of \(model.totalRows)" : nil
        let inner = Panel(title: model.title, footer: footer).render(into: &buffer, area: area, theme: theme)
        guard inner.height >= 2, inner.width >= 4 else { return }
        let parts = parts(inside: inner)
        let columns = parts.columns
        if let summary = model.summary, let y = parts.summaryY {
            buffer.put(summary.text, x: columns.markerX, y: y, style: theme.style(summary.tone).with(.bold),
                       maxWidth: columns.maxX - columns.markerX)
        }
        if let notice = model.notice, let y = parts.noticeY {
            buffer.put(notice, x: columns.markerX, y: y, style: theme.warning, maxWidth: columns.maxX - columns.markerX)
        }
        for (row, message) in model.messages.prefix(parts.messageCount).enumerated() {
            buffer.put(message, x: columns.markerX, y: parts.messagesY + row, style: theme.error,
                       maxWidth: columns.maxX - columns.markerX)
        }
        let content = parts.content
        for (row, line) in model.rows.prefix(content.height).enumerated() {
            draw(line, y: content.y + row, columns, into: &buffer)
        }
        if let dropdown = model.dropdown, dropdown.row < content.height {
            draw(dropdown, in: dropdownBox(dropdown, anchorY: content.y + dropdown.row, within: content, columns),
                 into: &buffer)
        }
    }

    /// What is drawn at `column`, `row` when the form is drawn in `area`: a
    /// line of a field, an option of the open list, or a button.
    public func target(column: Int, row: Int, area: Rect) -> ScreenTarget? {
        let inner = Panel.inner(of: area)
        guard inner.height >= 2, inner.width >= 4, inner.contains(column: column, row: row) else { return nil }
        let parts = parts(inside: inner)
        let content = parts.content
        if let dropdown = model.dropdown, dropdown.row < content.height {
            let box = dropdownBox(dropdown, anchorY: content.y + dropdown.row, within: content, parts.columns)
            if box.contains(column: column, row: row) {
                let list = Panel.inner(of: box)
                let index = row - list.y
                guard list.contains(column: column, row: row), index < dropdown.options.count else { return nil }
                return .formOption(dropdown.firstOption + index)
            }
        }
        let index = row - content.y
        guard index >= 0, index < content.height, model.rows.indices.contains(index) else { return nil }
        switch model.rows[index] {
        case .field(let line):
            return .formField(id: line.fieldId, line: line.line)
        case .submit(let label, _):
            let buttons = Self.buttons(label, parts.columns)
            if buttons.submit.contains(column) { return .formSubmit }
            return buttons.cancel.contains(column) ? .formCancel : nil
        case .heading, .error, .blank:
            return nil
        }
    }

    private func draw(_ row: FormModel.Row, y: Int, _ columns: Columns, into buffer: inout Buffer) {
        switch row {
        case .blank:
            break
        case .heading(let title):
            buffer.put(title, x: columns.markerX, y: y, style: theme.title, maxWidth: columns.maxX - columns.markerX)
        case .error(let message):
            buffer.put("✗ " + message, x: columns.valueX, y: y, style: theme.error, maxWidth: columns.maxX - columns.valueX)
        case .submit(let label, let isFocused):
            if isFocused { buffer.put("›", x: columns.markerX, y: y, style: theme.key) }
            let buttons = Self.buttons(label, columns)
            buffer.put("[ \(label) ]", x: buttons.submit.lowerBound, y: y, style: isFocused ? theme.selectedRow : theme.key,
                       maxWidth: buttons.submit.count)
            buffer.put(Self.cancelButton, x: buttons.cancel.lowerBound, y: y, style: theme.key,
                       maxWidth: buttons.cancel.count)
        case .field(let line):
            draw(line, y: y, columns, into: &buffer)
        }
    }

    private func draw(_ line: FormModel.FieldLine, y: Int, _ columns: Columns, into buffer: inout Buffer) {
        if line.isActive { buffer.put("›", x: columns.markerX, y: y, style: theme.key) }
        let labelStyle = !line.isEnabled ? theme.muted : line.isFocused ? theme.key : theme.text
        buffer.put(line.label, x: columns.labelX, y: y, style: labelStyle, maxWidth: columns.labelWidth)
        let valueStyle = theme.style(line.tone)
        let box = Rect(x: columns.valueX, y: y, width: columns.valueWidth, height: 1)
        switch line.look {
        case .input:
            if line.isActive, let cursor = line.cursor {
                drawInput(line.text, cursor: cursor, in: box, into: &buffer)
            } else {
                buffer.put(line.text, x: box.x, y: y, style: valueStyle, maxWidth: box.width)
            }
        case .choice:
            let field = line.isActive ? theme.text.with(.underline) : theme.text
            if line.isActive { buffer.fill(box, with: Cell(" ", style: field)) }
            let room = max(0, box.width - 2)
            let used = buffer.put(line.text, x: box.x, y: y, style: line.isActive ? valueStyle.with(.underline) : valueStyle,
                                  maxWidth: room)
            if !line.detail.isEmpty, used + 2 < room {
                buffer.put(line.detail, x: box.x + used + 2, y: y,
                           style: line.isActive ? theme.muted.with(.underline) : theme.muted, maxWidth: room - used - 2)
            }
            if box.width >= 1 { buffer.put("▾", x: box.maxX - 1, y: y, style: field) }
        case .check:
            let style = line.isActive ? theme.selectedRow : valueStyle
            if line.isActive { buffer.fill(box, with: Cell(" ", style: style)) }
            let used = buffer.put(line.text, x: box.x, y: y, style: style, maxWidth: box.width)
            if !line.detail.isEmpty, used + 2 < box.width {
                buffer.put(line.detail, x: box.x + used + 2, y: y, style: line.isActive ? style : theme.muted,
                           maxWidth: box.width - used - 2)
            }
        case .plain:
            buffer.put(line.text, x: box.x, y: y, style: valueStyle, maxWidth: columns.maxX - box.x)
            return
        }
        if !line.hint.isEmpty, columns.hintWidth >= 4 {
            buffer.put(line.hint, x: columns.hintX, y: y, style: theme.muted, maxWidth: columns.hintWidth)
        }
    }

    /// The typed text on an underlined field with the cursor as a reverse cell;
    /// when the text is wider than the field, the part around the cursor shows.
    private func drawInput(_ text: String, cursor: Int, in box: Rect, into buffer: inout Buffer) {
        guard box.width > 0 else { return }
        let field = theme.text.with(.underline)
        buffer.fill(box, with: Cell(" ", style: field))
        let window = Self.inputWindow(text, cursor: cursor, width: box.width)
        var x = box.x
        for glyph in window.glyphs {
            buffer.put(glyph.text, x: x, y: box.y, style: field, maxWidth: glyph.width)
            x += glyph.width
        }
        let cursorWidth = max(1, window.cursorWidth)
        if window.cursorColumn + cursorWidth <= box.width {
            buffer.restyle(Rect(x: box.x + window.cursorColumn, y: box.y, width: cursorWidth, height: 1),
                           field.with(.reverse))
        }
    }

    /// What of `text` shows in a field `width` columns wide with the cursor
    /// before character `cursor`: the start of the text while the cursor fits,
    /// else the part that ends at the cursor. Glyphs are sanitized one
    /// character each, so positions match the model's.
    static func inputWindow(_ text: String, cursor: Int, width: Int)
        -> (glyphs: [(text: String, width: Int)], cursorColumn: Int, cursorWidth: Int) {
        let glyphs = text.map { character -> (text: String, width: Int) in
            let safe = DisplayWidth.sanitized(String(character))
            return (safe, DisplayWidth.of(safe))
        }
        let cursor = min(max(0, cursor), glyphs.count)
        let cursorWidth = cursor < glyphs.count ? max(1, glyphs[cursor].width) : 1
        var start = 0
        var before = glyphs[..<cursor].reduce(0) { $0 + $1.width }
        while start < cursor, before + cursorWidth > width {
            before -= glyphs[start].width
            start += 1
        }
        var shown: [(text: String, width: Int)] = []
        var used = 0
        for glyph in glyphs[start...] {
            if used + glyph.width > width { break }
            shown.append(glyph)
            used += glyph.width
        }
        return (shown, before, cursorWidth)
    }

    /// Where an open select's list is drawn: under its line when there is
    /// room, else above it.
    private func dropdownBox(_ dropdown: FormModel.Dropdown, anchorY: Int, within content: Rect, _ columns: Columns) -> Rect {
        let widest = dropdown.options.map { option in
            DisplayWidth.of(DisplayWidth.sanitized(option.label))
                + (option.detail.isEmpty ? 0 : 2 + DisplayWidth.of(DisplayWidth.sanitized(option.detail)))
        }.max() ?? 0
        let x = columns.valueX - 1
        let width = min(columns.maxX + 1 - x, max(columns.valueWidth + 2, widest + 6))
        let height = dropdown.visibleOptions + 2
        var top = anchorY + 1
        if top + height > content.maxY {
            top = anchorY - height >= content.y ? anchorY - height : max(content.y, content.maxY - height)
        }
        return Rect(x: x, y: top, width: width, height: min(height, content.maxY - top))
    }

    private func draw(_ dropdown: FormModel.Dropdown, in box: Rect, into buffer: inout Buffer) {
        let title = dropdown.filter.isEmpty ? "type to filter" : "/" + dropdown.filter
        let inner = Panel(title: title, footer: "\(dropdown.matching) of \(dropdown.total)", style: theme.dialog)
            .render(into: &buffer, area: box, theme: theme)
        guard !inner.isEmpty else { return }
        if dropdown.options.isEmpty {
            buffer.put("no match", x: inner.x + 2, y: inner.y, style: theme.muted.on(theme.dialog), maxWidth: inner.width - 2)
            return
        }
        for (row, option) in dropdown.options.prefix(inner.height).enumerated() {
            let y = inner.y + row
            let style = option.isHighlighted ? theme.selectedRow : theme.dialog
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style))
            if option.isSelected { buffer.put("✓", x: inner.x, y: y, style: style) }
            let room = inner.width - 2
            let used = buffer.put(option.label, x: inner.x + 2, y: y, style: style, maxWidth: room)
            if !option.detail.isEmpty, used + 2 < room {
                buffer.put(option.detail, x: inner.x + 2 + used + 2, y: y,
                           style: option.isHighlighted ? style : theme.muted.on(theme.dialog), maxWidth: room - used - 2)
            }
        }
    }
}
