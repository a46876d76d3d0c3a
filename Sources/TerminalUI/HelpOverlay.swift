import DashboardCore
import TextLayout

/// The `?` overlay: every key with what it does, in sections, keys aligned in
/// one column. It scrolls when the terminal is too short for all of it, and
/// says which lines are shown so nothing seems missing. What goes on which
/// line, and how big the box is, is the `HelpLayout`'s: this only draws it.
public struct HelpOverlay: Equatable, Sendable {
    public var layout: HelpLayout
    /// First line shown; held to the layout's last page when drawn.
    public var scrollOffset: Int

    public init(layout: HelpLayout, scrollOffset: Int = 0) {
        self.layout = layout
        self.scrollOffset = scrollOffset
    }

    /// Draws the panel centred in `area`, the area `layout` was laid out for.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let lines = layout.lines
        let box = area.centered(width: layout.boxWidth, height: layout.boxHeight)
        let offset = layout.firstLine(scrolledTo: scrollOffset)
        let visible = layout.visibleRows
        let footer = visible < lines.count ? "lines \(offset + 1)-\(offset + visible) of \(lines.count)" : nil
        let inner = Panel(title: layout.title, footer: footer).render(into: &buffer, area: box, theme: theme)
        guard inner.width > 2 else { return }

        let gap = HelpLayout.gap
        let x = inner.x + 1
        let width = inner.width - 2
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .section(let title):
                buffer.put(title, x: x, y: y, style: theme.title, maxWidth: width)
            case .entry(let keys, let action):
                let keyX = x + gap
                buffer.put(keys, x: keyX, y: y, style: theme.key, maxWidth: min(layout.keyWidth, x + width - keyX))
                let descriptionX = keyX + layout.keyWidth + gap
                buffer.put(action, x: descriptionX, y: y, style: theme.text, maxWidth: x + width - descriptionX)
            case .blank:
                break
            }
        }
    }
}
