import TextLayout

/// The `?` overlay: every key with what it does, in sections, keys aligned in
/// one column. It scrolls when the terminal is too short for all of it, and
/// says which lines are shown so nothing seems missing.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// First content line shown; `render` clamps it to what can scroll.
    public var scrollOffset: Int

    public init(title: String = "Keys", sections: [HelpSection], scrollOffset: Int = 0) {
        self.title = title
        self.sections = sections
        self.scrollOffset = scrollOffset
    }

    /// Space between the key column and the descriptions, and before keys.
    private static let gap = 2

    /// Draws the panel centred in `area` and returns the scroll offset used,
    /// to keep for the next frame.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        let keyWidth = sections.flatMap(\.keys).map { DisplayWidth.of(DisplayWidth.sanitized($0.key)) }.max() ?? 0
        let lines = contentLines()
        let contentWidth = lines.map { line in
            switch line {
            case .section(let title): DisplayWidth.of(DisplayWidth.sanitized(title))
            case .entry(let hint): Self.gap + keyWidth + Self.gap + DisplayWidth.of(DisplayWidth.sanitized(hint.description))
            case .blank: 0
            }
        }.max() ?? 0
        let box = area.centered(width: max(contentWidth, DisplayWidth.of(DisplayWidth.sanitized(title)) + 2) + 4,
                                height: lines.count + 2)
        let visible = max(0, box.height - 2)
        let offset = min(max(0, scrollOffset), max(0, lines.count - visible))
        let footer = visible < lines.count ? "lines \(offset + 1)-\(offset + visible) of \(lines.count)" : nil
        let inner = Panel(title: title, footer: footer).render(into: &buffer, area: box, theme: theme)
        guard inner.width > 2 else { return offset }

        let x = inner.x + 1
        let width = inner.width - 2
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .section(let title):
                buffer.put(title, x: x, y: y, style: theme.title, maxWidth: width)
            case .entry(let hint):
                let keyX = x + Self.gap
                buffer.put(hint.key, x: keyX, y: y, style: theme.key, maxWidth: min(keyWidth, x + width - keyX))
                let descriptionX = keyX + keyWidth + Self.gap
                buffer.put(hint.description, x: descriptionX, y: y, style: theme.text,
                           maxWidth: x + width - descriptionX)
            case .blank:
                break
            }
        }
        return offset
    }

    private enum Line {
        case section(String), entry(KeyHint), blank
    }

    /// Each section's title and keys, a blank line between sections.
    private func contentLines() -> [Line] {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.section(section.title))
            lines += section.keys.map(Line.entry)
        }
        return lines
    }
}
