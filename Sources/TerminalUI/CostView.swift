import DashboardCore
import TextLayout

/// The Cost pane: the window tabs and the burn-rate chart, spend and the
/// projection, then the instances that cost most this month with a sparkline
/// of their days.
struct CostView {
    var model: CostModel
    var theme: Theme

    /// Width of the chart's scale on its left.
    static let scaleWidth = 11

    func render(into buffer: inout Buffer, area: Rect) {
        let inner = Panel(title: "Cost", footer: nil).render(into: &buffer, area: area, theme: theme)
        guard !inner.isEmpty else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        if let message = model.message {
            buffer.put(message, x: content.x, y: content.y, style: theme.muted, maxWidth: content.width)
            return
        }
        let summaryRows = model.rows.count + 1
        let topRows = model.top.isEmpty ? 0 : min(model.top.count + 2, max(0, content.height / 3))
        let chartRows = max(2, content.height - 1 - summaryRows - topRows)
        var y = content.y
        renderWindows(into: &buffer, x: content.x, y: y, width: content.width)
        y += 1
        renderChart(into: &buffer, area: Rect(x: content.x, y: y, width: content.width, height: chartRows))
        y += chartRows + 1
        let labelWidth = (model.rows.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        for row in model.rows where y < content.maxY {
            buffer.put(row.label, x: content.x, y: y, style: theme.muted, maxWidth: labelWidth)
            let valueX = content.x + labelWidth
            let width = buffer.put(row.value, x: valueX, y: y, style: theme.text.with(.bold), maxWidth: content.maxX - valueX)
            let detailX = valueX + max(width, 12) + 2
            buffer.put(row.detail, x: detailX, y: y, style: tone(of: row), maxWidth: content.maxX - detailX)
            y += 1
        }
        guard topRows > 0, y + 2 < content.maxY else { return }
        y += 1
        buffer.put("Most this month", x: content.x, y: y, style: theme.title.with(.bold), maxWidth: content.width)
        y += 1
        let nameWidth = min(28, max(12, content.width / 3))
        for instance in model.top where y < content.maxY {
            buffer.put(instance.name, x: content.x, y: y, style: theme.text, maxWidth: nameWidth - 1)
            buffer.put(instance.spend, x: content.x + nameWidth, y: y, style: theme.text.with(.bold), maxWidth: 12, alignment: .right)
            let sparkX = content.x + nameWidth + 14
            buffer.put(Sparkline(values: instance.daily).text, x: sparkX, y: y, style: theme.ok, maxWidth: content.maxX - sparkX)
            y += 1
        }
    }

    private func tone(of row: CostModel.Row) -> Style {
        row.detail.hasSuffix("over budget") ? theme.error.with(.bold) : theme.muted
    }

    /// `Burn rate: [last hour] 24 h  7 days  30 days`, the shown one marked.
    private func renderWindows(into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        var at = x + buffer.put("Burn rate ($/h)  ", x: x, y: y, style: theme.title.with(.bold), maxWidth: width)
        for (index, title) in model.windows.enumerated() where at < x + width {
            let active = index == model.activeWindow
            at += buffer.put(active ? "[\(title)]" : " \(title) ", x: at, y: y, style: active ? theme.tabActive : theme.muted,
                             maxWidth: x + width - at)
            at += buffer.put(" ", x: at, y: y, style: theme.text, maxWidth: x + width - at)
        }
    }

    /// The scale on the left (peak at the top, $0 at the bottom), the bars on the right.
    private func renderChart(into buffer: inout Buffer, area: Rect) {
        let scale = Self.scaleWidth
        buffer.put(model.peakLabel, x: area.x, y: area.y, style: theme.muted, maxWidth: scale - 1, alignment: .right)
        buffer.put("$0", x: area.x, y: area.maxY - 1, style: theme.muted, maxWidth: scale - 1, alignment: .right)
        for row in 0..<area.height {
            buffer.put("│", x: area.x + scale - 1, y: area.y + row, style: theme.border, maxWidth: 1)
        }
        BarChart(values: model.burn, peak: model.peak).render(
            into: &buffer, area: Rect(x: area.x + scale, y: area.y, width: area.width - scale, height: area.height), style: theme.ok)
    }
}
