import TextLayout

/// A box drawn with ─│┌┐└┘ around a region, with a title in its top border and
/// an optional note in its bottom border. It clears its inside, so an overlay
/// (dialog, help) hides what is under it instead of mixing with it.
public struct Panel: Hashable, Sendable {
    public var title: String?
    /// Right-aligned in the bottom border (e.g. "lines 1-20 of 30").
    public var footer: String?
    /// The inside; `theme.text` when nil. Border and title take its background.
    public var style: Style?

    public init(title: String? = nil, footer: String? = nil, style: Style? = nil) {
        self.title = title
        self.footer = footer
        self.style = style
    }

    /// The region inside the border of a panel drawn in `area`.
    public static func inner(of area: Rect) -> Rect {
        area.width >= 2 && area.height >= 2 ? area.inset(by: 1) : Rect(x: area.x, y: area.y, width: 0, height: 0)
    }

    /// Draws the box in `area` and returns its inside. An area narrower or
    /// shorter than 2 cells is only cleared.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Rect {
        let fill = style ?? theme.text
        buffer.fill(area, with: Cell(" ", style: fill))
        let inner = Self.inner(of: area)
        guard area.width >= 2, area.height >= 2 else { return inner }
        let border = theme.border.on(fill)
        let rule = String(repeating: "─", count: area.width - 2)
        buffer.put("┌" + rule + "┐", x: area.x, y: area.y, style: border, maxWidth: area.width)
        buffer.put("└" + rule + "┘", x: area.x, y: area.maxY - 1, style: border, maxWidth: area.width)
        for y in inner.y..<inner.maxY {
            buffer.put("│", x: area.x, y: y, style: border)
            buffer.put("│", x: area.maxX - 1, y: y, style: border)
        }
        if let title, area.width >= 7 {
            buffer.put(" " + DisplayWidth.truncated(title, to: area.width - 6) + " ", x: area.x + 2, y: area.y,
                       style: theme.title.on(fill))
        }
        if let footer, area.width >= 7 {
            buffer.put(" " + DisplayWidth.truncated(footer, to: area.width - 6) + " ", x: area.x + 2,
                       y: area.maxY - 1, style: border, maxWidth: area.width - 4, alignment: .right)
        }
        return inner
    }
}
