import TextLayout

/// The footer line of key hints ("s start  x stop  ? help"). A hint that does
/// not fit is left out whole rather than cut, since half a hint misleads.
public struct KeyHintBar: Hashable, Sendable {
    public var hints: [KeyHint]
    /// The hint that shows however narrow the row (`? help`, which leads to
    /// all the others): when not every hint fits, room is kept for it last.
    public var kept: KeyHint?

    public init(_ hints: [KeyHint], keeping kept: KeyHint? = nil) {
        self.hints = hints
        self.kept = kept
    }

    /// Draws as many whole hints as fit on the first row of `area`, in order,
    /// keys in the key style and descriptions muted, and blanks the rest.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.text))
        let everything = hints.enumerated().reduce(0) { $0 + ($1.offset == 0 ? 0 : 2) + Self.width($1.element) }
        let shown: [KeyHint]
        if let kept, hints.contains(kept), everything > area.width {
            let room = area.width - Self.width(kept) - 2
            var used = 0
            var fitting: [KeyHint] = []
            for hint in hints where hint != kept {
                let width = (fitting.isEmpty ? 0 : 2) + Self.width(hint)
                guard used + width <= room else { break }
                used += width
                fitting.append(hint)
            }
            shown = fitting + [kept]
        } else {
            shown = hints
        }
        var x = area.x
        for hint in shown {
            let key = DisplayWidth.sanitized(hint.key)
            let description = DisplayWidth.sanitized(hint.description)
            let separator = x == area.x ? 0 : 2
            guard x + separator + Self.width(hint) <= area.maxX else { break }
            x += separator
            x += buffer.put(key, x: x, y: area.y, style: theme.key)
            x += 1
            x += buffer.put(description, x: x, y: area.y, style: theme.muted)
        }
    }

    private static func width(_ hint: KeyHint) -> Int {
        DisplayWidth.of(DisplayWidth.sanitized(hint.key)) + 1 + DisplayWidth.of(DisplayWidth.sanitized(hint.description))
    }
}
