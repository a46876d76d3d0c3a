import TextLayout

/// The help overlay laid out in the pane: its lines, the box around them and
/// how far it scrolls. The reducer holds `helpScroll` to `maxScroll` with it
/// and the screen draws from the very same value, so both agree on the last
/// page without anything drawn flowing back into state.
public struct HelpLayout: Equatable, Sendable {
    /// One line inside the box.
    public enum Line: Equatable, Sendable {
        case section(String)
        /// Keys in the key column, then what they do.
        case entry(keys: String, action: String)
        /// Between two sections.
        case blank
    }

    /// In the box's top border.
    public var title: String
    public var lines: [Line]
    /// Columns of the widest keys: every description starts after them.
    public var keyWidth: Int
    /// The box, border included, as centred in the area (never larger than it).
    public var boxWidth: Int
    public var boxHeight: Int

    /// Space before the keys, and between the keys and what they do.
    public static let gap = 2
    /// Columns the box adds around its widest line: a border and a space on each side.
    public static let frame = 4

    /// `sections` laid out in an area `width` x `height`: a title line per
    /// section, a line per entry, a blank line between sections; the box as
    /// wide as the widest line (or the title) and as tall as all lines, both
    /// cut to the area.
    public init(title: String, sections: [HelpModel.Section], width: Int, height: Int) {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.section(section.title))
            lines += section.entries.map { Line.entry(keys: $0.keys, action: $0.action) }
        }
        let keyWidth = Self.keyWidth(of: sections)
        let widest = lines.map { line in
            switch line {
            case .section(let title): Self.columns(title)
            case .entry(_, let action): Self.gap + keyWidth + Self.gap + Self.columns(action)
            case .blank: 0
            }
        }.max() ?? 0
        self.title = title
        self.lines = lines
        self.keyWidth = keyWidth
        boxWidth = max(0, min(max(widest, Self.columns(title) + 2) + Self.frame, width))
        boxHeight = max(0, min(lines.count + 2, height))
    }

    /// Lines the box shows at once, inside its border.
    public var visibleRows: Int { max(0, boxHeight - 2) }

    /// The first line of the last page: the furthest the help scrolls.
    public var maxScroll: Int { max(0, lines.count - visibleRows) }

    /// The first line shown when scrolled to `scroll`: held to the last page.
    public func firstLine(scrolledTo scroll: Int) -> Int { min(max(0, scroll), maxScroll) }

    /// Columns of the widest keys of `sections`, as drawn (sanitized).
    static func keyWidth(of sections: [HelpModel.Section]) -> Int {
        sections.flatMap(\.entries).map { columns($0.keys) }.max() ?? 0
    }

    /// Columns `text` takes once drawn.
    private static func columns(_ text: String) -> Int { DisplayWidth.of(DisplayWidth.sanitized(text)) }
}
