/// Replicas ready out of total as a bar and numbers ("█████░░░░░ 1/2"), so a
/// scaling instance reads at a glance. The bar is full only when every replica
/// is ready and shows at least one block as soon as one is.
public struct ProgressBar: Hashable, Sendable {
    public var ready: Int
    public var total: Int

    public init(ready: Int, total: Int) {
        self.ready = ready
        self.total = total
    }

    /// Blocks filled in a bar `barWidth` cells long.
    public func filledCells(barWidth: Int) -> Int {
        guard total > 0, barWidth > 0 else { return 0 }
        let done = min(max(0, ready), total)
        var filled = barWidth * done / total
        if done > 0 { filled = max(1, filled) }
        if done < total { filled = min(filled, barWidth - 1) }
        return filled
    }

    /// Draws bar and "ready/total" on the first row of `area`, using all of its
    /// width; when there is no room for a bar, only the numbers.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.text))
        let label = "\(ready)/\(total)"
        let barWidth = area.width - label.count - 1
        guard barWidth > 0 else {
            buffer.put(label, x: area.x, y: area.y, style: theme.text, maxWidth: area.width)
            return
        }
        let filled = filledCells(barWidth: barWidth)
        let complete = total > 0 && ready >= total
        buffer.put(String(repeating: "█", count: filled), x: area.x, y: area.y,
                   style: complete ? theme.ok : theme.progress)
        buffer.put(String(repeating: "░", count: barWidth - filled), x: area.x + filled, y: area.y, style: theme.muted)
        buffer.put(label, x: area.x + barWidth + 1, y: area.y, style: theme.text)
    }
}
