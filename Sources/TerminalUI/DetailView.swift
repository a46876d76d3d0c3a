import DashboardCore

/// The instance detail in a bordered panel: labelled fields, then each region
/// with a ready/total bar, its limits, triggers and error, then env vars.
struct DetailView {
    var model: InstanceDetailModel
    var theme: Theme

    static let labelWidth = 13

    func render(into buffer: inout Buffer, area: Rect) {
        // Lines that fit inside the border, and the first one shown.
        let visible = max(0, area.height - 2)
        let first = min(model.scroll, max(0, model.lines.count - visible))
        // When the detail is longer than the panel, say which lines show, so the rest is not missed.
        let position = model.lines.count > visible ? "lines \(first + 1)-\(first + visible) of \(model.lines.count) · " : ""
        let inner = Panel(title: model.title, footer: model.loading ? nil : position + "Esc back")
            .render(into: &buffer, area: area, theme: theme)
        guard !inner.isEmpty else { return }
        for (row, line) in model.lines.dropFirst(first).prefix(inner.height).enumerated() {
            draw(line, into: &buffer, x: inner.x + 1, y: inner.y + row, width: inner.width - 2)
        }
    }

    private func draw(_ line: InstanceDetailModel.Line, into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        switch line {
        case .heading(let text):
            buffer.put(text, x: x, y: y, style: theme.title.with(.bold), maxWidth: width)
        case .field(let label, let value, let tone):
            buffer.put(label, x: x, y: y, style: theme.muted, maxWidth: Self.labelWidth)
            buffer.put(value, x: x + Self.labelWidth, y: y, style: theme.style(tone), maxWidth: width - Self.labelWidth)
        case .deployment(let region, let ready, let total, let limits):
            let nameWidth = min(Self.labelWidth + 4, width)
            buffer.put(region, x: x, y: y, style: theme.text.with(.bold), maxWidth: nameWidth - 1)
            let barWidth = min(22, max(0, width - nameWidth))
            ProgressBar(ready: ready, total: total).render(
                into: &buffer, area: Rect(x: x + nameWidth, y: y, width: barWidth, height: 1), theme: theme)
            let limitsX = x + nameWidth + barWidth + 2
            buffer.put(limits, x: limitsX, y: y, style: theme.text, maxWidth: x + width - limitsX)
        case .note(let text, let tone):
            buffer.put(text, x: x + 2, y: y, style: theme.style(tone), maxWidth: width - 2)
        case .blank:
            break
        }
    }
}
