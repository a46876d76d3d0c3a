import TextLayout

/// A confirmation box centred over the screen: before anything that costs money
/// or destroys data, the user reads what will happen and which keys decide.
/// With `input`, it also shows what the user has typed (deleting an instance
/// asks for its name).
public struct Dialog: Hashable, Sendable {
    public var title: String
    /// Wrapped to the dialog's width; its own line breaks are kept.
    public var message: String
    public var hint: String
    /// The text typed so far, when the dialog asks for some.
    public var input: String?

    /// Widest the box gets, so that lines stay easy to read on wide terminals.
    public static let maximumWidth = 64
    /// Narrowest the box gets when the screen allows, so short questions still look like a dialog.
    public static let minimumWidth = 34

    public init(title: String, message: String, hint: String = "y confirm · n/Esc cancel", input: String? = nil) {
        self.title = title
        self.message = message
        self.hint = hint
        self.input = input
    }

    /// Draws the box centred in `area` over whatever is there and returns the
    /// box. When `area` is too short, the message is cut (its last shown line
    /// ends in "…") but the input and the hint stay.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Rect {
        let (box, lines, textWidth) = layout(in: area)
        let footerRows = input == nil ? 2 : 3
        let inner = Panel(title: title, style: theme.dialog).render(into: &buffer, area: box, theme: theme)
        guard !inner.isEmpty else { return box }

        let x = inner.x + 1
        let messageRows = max(0, inner.height - footerRows)
        for (row, line) in lines.prefix(messageRows).enumerated() {
            let cut = row == messageRows - 1 && lines.count > messageRows
            let text = cut ? DisplayWidth.truncated(line, to: textWidth - 1) + "…" : line
            buffer.put(text, x: x, y: inner.y + row, style: theme.dialog, maxWidth: textWidth)
        }
        if let input, inner.height >= 2 {
            drawInput(input, x: x, y: inner.maxY - 2, width: textWidth, into: &buffer, theme: theme)
        }
        buffer.put(hint, x: x, y: inner.maxY - 1, style: theme.muted.on(theme.dialog), maxWidth: textWidth)
        return box
    }

    /// The box centred in `area`, the message's lines and the width they wrap to.
    private func layout(in area: Rect) -> (box: Rect, lines: [String], textWidth: Int) {
        let widest = min(area.width, Self.maximumWidth)
        let natural = max(DisplayWidth.of(DisplayWidth.sanitized(hint)), DisplayWidth.of(DisplayWidth.sanitized(title)) + 2,
                          message.split(whereSeparator: \.isNewline)
                              .map { DisplayWidth.of(DisplayWidth.sanitized($0)) }.max() ?? 0)
        let boxWidth = min(widest, max(Self.minimumWidth, natural + 4))
        let textWidth = max(1, boxWidth - 4)
        let lines = WordWrap.wrap(message, width: textWidth)
        let footerRows = input == nil ? 2 : 3
        return (area.centered(width: boxWidth, height: lines.count + footerRows + 2), lines, textWidth)
    }

    /// Where the hint (the answers) is drawn when the dialog is drawn in
    /// `area`: one row, from its first cell; nil when the box has no inside.
    public func hintLine(in area: Rect) -> Rect? {
        let (box, _, textWidth) = layout(in: area)
        let inner = Panel.inner(of: box)
        guard !inner.isEmpty else { return nil }
        return Rect(x: inner.x + 1, y: inner.maxY - 1, width: min(textWidth, inner.maxX - inner.x - 1), height: 1)
    }

    /// "> typed text" on an underlined field with a cursor block after it;
    /// when the text is longer than the field, its end (where the user types) shows.
    private func drawInput(_ input: String, x: Int, y: Int, width: Int, into buffer: inout Buffer, theme: Theme) {
        let field = theme.dialog.with(.underline)
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", style: field))
        let prompt = buffer.put("> ", x: x, y: y, style: field, maxWidth: width)
        let room = width - prompt - 1
        guard room > 0 else { return }
        var shown = ""
        var shownWidth = 0
        for character in DisplayWidth.sanitized(input).reversed() {
            let characterWidth = DisplayWidth.of(character)
            if shownWidth + characterWidth > room { break }
            shown.insert(character, at: shown.startIndex)
            shownWidth += characterWidth
        }
        let typed = buffer.put(shown, x: x + prompt, y: y, style: field, maxWidth: room)
        buffer.put(" ", x: x + prompt + typed, y: y, style: field.with(.reverse), maxWidth: 1)
    }
}
