import TextLayout

/// The pane tabs of the header, numbered because the digit keys switch panes:
/// " 1 Instances  2 Regions …" with the focused pane highlighted.
public struct TabBar: Hashable, Sendable {
    /// Pane names without their number; the bar numbers them from 1.
    public var titles: [String]
    /// Index into `titles` of the focused pane.
    public var active: Int

    public init(titles: [String], active: Int) {
        self.titles = titles
        self.active = active
    }

    /// The label of each tab: " 1 Instances ". When all of them do not fit in
    /// `width`, the tabs that are not focused shrink to their number (" 2 ").
    public func labels(fitting width: Int) -> [String] {
        let full = titles.enumerated().map { " \($0.offset + 1) \($0.element) " }
        guard full.reduce(0, { $0 + DisplayWidth.of(DisplayWidth.sanitized($1)) }) > width else { return full }
        return full.indices.map { $0 == active ? full[$0] : " \($0 + 1) " }
    }

    /// Draws the tabs on the first row of `area`, the rest of the row in the
    /// header style, cutting the last tab with "…" if even short labels do not
    /// fit. Returns the columns the tabs take, for what the header shows after them.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        guard !area.isEmpty else { return 0 }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.header))
        var used = 0
        for (index, label) in labels(fitting: area.width).enumerated() where used < area.width {
            let style = index == active ? theme.tabActive : theme.tabInactive
            used += buffer.put(label, x: area.x + used, y: area.y, style: style, maxWidth: area.width - used)
        }
        return used
    }
}
