import TextLayout

/// The footer line of key hints ("s start  x stop  ? help"). A hint that does
/// not fit is left out whole rather than cut, since half a hint misleads.
public struct KeyHintBar: Hashable, Sendable {
    public var hints: [KeyHint]

    public init(_ hints: [KeyHint]) {
        self.hints = hints
    }

    /// Draws as many whole hints as fit on the first row of `area`, in order,
    /// keys in the key style and descriptions muted, and blanks the rest.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.text))
        var x = area.x
        for hint in hints {
            let key = DisplayWidth.sanitized(hint.key)
            let description = DisplayWidth.sanitized(hint.description)
            let separator = x == area.x ? 0 : 2
            let width = separator + DisplayWidth.of(key) + 1 + DisplayWidth.of(description)
            guard x + width <= area.maxX else { break }
            x += separator
            x += buffer.put(key, x: x, y: area.y, style: theme.key)
            x += 1
            x += buffer.put(description, x: x, y: area.y, style: theme.muted)
        }
    }
}
