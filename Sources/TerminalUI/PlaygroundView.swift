import DashboardCore
import TextLayout

/// The playground: the conversation in a panel with the prompt line at its
/// foot, and beside it the parameters and the probe (progress bar while it
/// runs, then percentiles and a histogram of time to first token).
struct PlaygroundView {
    var model: PlaygroundModel
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        let side = min(PlaygroundModel.sideWidth(screenWidth: area.width), max(0, area.width - 20))
        let main = Rect(x: area.x, y: area.y, width: area.width - side, height: area.height)
        let sideArea = Rect(x: main.maxX, y: area.y, width: side, height: area.height)
        renderConversation(into: &buffer, area: main)
        renderSide(into: &buffer, area: sideArea)
    }

    private func renderConversation(into buffer: inout Buffer, area: Rect) {
        let inner = Panel(title: model.title, footer: model.position).render(into: &buffer, area: area, theme: theme)
        guard inner.height >= 3, inner.width > 2 else { return }
        let x = inner.x + 1, width = inner.width - 2
        put(model.status, into: &buffer, x: x, y: inner.y, width: width)
        var y = inner.y + 1
        for line in model.transcript where y < inner.maxY - 2 {
            put(line, into: &buffer, x: x, y: y, width: width)
            y += 1
        }
        let bottom = inner.maxY - 1
        if !model.curl.isEmpty {
            let top = max(inner.y + 1, bottom - 1 - model.curl.count)
            rule(into: &buffer, x: inner.x, y: top, width: inner.width, label: "curl (u hides)")
            for (index, line) in model.curl.enumerated() where top + 1 + index < bottom - 1 {
                buffer.put(line, x: x, y: top + 1 + index, style: theme.text, maxWidth: width)
            }
        }
        rule(into: &buffer, x: inner.x, y: bottom - 1, width: inner.width, label: nil)
        let label = model.input.label + " "
        let labelWidth = buffer.put(label, x: x, y: bottom, style: theme.title.with(.bold), maxWidth: width)
        let field = Rect(x: x + labelWidth, y: bottom, width: max(0, width - labelWidth), height: 1)
        if let cursor = model.input.cursor {
            drawInput(model.input.text, cursor: cursor, placeholder: model.input.placeholder, in: field, into: &buffer)
        } else if model.input.text.isEmpty {
            buffer.put(model.input.placeholder, x: field.x, y: bottom, style: theme.muted, maxWidth: field.width)
        } else {
            buffer.put(model.input.text, x: field.x, y: bottom, style: theme.text, maxWidth: field.width)
        }
    }

    private func renderSide(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 12 else { return }
        let parametersHeight = min(area.height, model.parameters.count + 2)
        let top = Rect(x: area.x, y: area.y, width: area.width, height: parametersHeight)
        let inner = Panel(title: "Parameters (t)").render(into: &buffer, area: top, theme: theme)
        let labelWidth = 12
        for (index, entry) in model.parameters.enumerated() where index < inner.height {
            buffer.put(entry.label, x: inner.x + 1, y: inner.y + index, style: theme.muted, maxWidth: labelWidth)
            buffer.put(entry.value, x: inner.x + 1 + labelWidth, y: inner.y + index, style: theme.text,
                       maxWidth: max(0, inner.width - 2 - labelWidth))
        }
        let rest = Rect(x: area.x, y: top.maxY, width: area.width, height: area.height - parametersHeight)
        guard rest.height >= 3 else { return }
        let probeInner = Panel(title: "Probe (b)").render(into: &buffer, area: rest, theme: theme)
        let x = probeInner.x + 1, width = probeInner.width - 2
        guard let probe = model.probe else {
            buffer.put("b: 20 streamed requests,", x: x, y: probeInner.y, style: theme.muted, maxWidth: width)
            buffer.put("4 at once: TTFT and tok/s", x: x, y: probeInner.y + 1, style: theme.muted, maxWidth: width)
            return
        }
        var y = probeInner.y
        ProgressBar(ready: probe.finished, total: probe.total).render(
            into: &buffer, area: Rect(x: x, y: y, width: width, height: 1), theme: theme)
        y += 1
        let state = probe.running ? "running… Esc stops" : "\(probe.finished - probe.failed) ok, \(probe.failed) failed"
        buffer.put(state, x: x, y: y, style: probe.failed > 0 ? theme.warning : theme.muted, maxWidth: width)
        y += 1
        for figure in probe.figures where y < probeInner.maxY {
            buffer.put(figure.label, x: x, y: y, style: theme.muted, maxWidth: 15)
            buffer.put(figure.value, x: x + 15, y: y, style: theme.text, maxWidth: max(0, width - 15))
            y += 1
        }
        if let errors = probe.errors, y < probeInner.maxY {
            buffer.put(errors, x: x, y: y, style: theme.error, maxWidth: width)
            y += 1
        }
        guard !probe.histogram.isEmpty, y + 1 < probeInner.maxY else { return }
        buffer.put("TTFT histogram", x: x, y: y, style: theme.title, maxWidth: width)
        y += 1
        let most = probe.histogram.map(\.count).max() ?? 1
        let bucketWidth = (probe.histogram.map { $0.label.count }.max() ?? 0) + 1
        let barWidth = max(1, width - bucketWidth - 4)
        for bucket in probe.histogram where y < probeInner.maxY {
            buffer.put(bucket.label, x: x, y: y, style: theme.muted, maxWidth: bucketWidth)
            let cells = bucket.count == 0 ? 0 : max(1, barWidth * bucket.count / max(1, most))
            buffer.put(String(repeating: "█", count: cells), x: x + bucketWidth, y: y, style: theme.progress)
            buffer.put(" \(bucket.count)", x: x + bucketWidth + cells, y: y, style: theme.text,
                       maxWidth: max(0, width - bucketWidth - cells))
            y += 1
        }
    }

    private func put(_ line: PlaygroundModel.Line, into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let style = theme.style(line.tone)
        buffer.put(line.text, x: x, y: y, style: line.bold ? style.with(.bold) : style, maxWidth: width)
    }

    private func rule(into buffer: inout Buffer, x: Int, y: Int, width: Int, label: String?) {
        buffer.put(String(repeating: "─", count: width), x: x, y: y, style: theme.border)
        if let label { buffer.put(" \(label) ", x: x + 2, y: y, style: theme.muted, maxWidth: max(0, width - 4)) }
    }

    /// The text being typed with the cursor as a reverse cell, the part
    /// around the cursor when it is wider than the line (as in forms).
    private func drawInput(_ text: String, cursor: Int, placeholder: String, in box: Rect, into buffer: inout Buffer) {
        guard box.width > 0 else { return }
        if text.isEmpty {
            buffer.put(placeholder, x: box.x + 1, y: box.y, style: theme.muted, maxWidth: box.width - 1)
            buffer.restyle(Rect(x: box.x, y: box.y, width: 1, height: 1), theme.text.with(.reverse))
            return
        }
        let window = FormView.inputWindow(text, cursor: cursor, width: box.width)
        var x = box.x
        for glyph in window.glyphs {
            buffer.put(glyph.text, x: x, y: box.y, style: theme.text, maxWidth: glyph.width)
            x += glyph.width
        }
        let cursorWidth = max(1, window.cursorWidth)
        if window.cursorColumn + cursorWidth <= box.width {
            buffer.restyle(Rect(x: box.x + window.cursorColumn, y: box.y, width: cursorWidth, height: 1),
                           theme.text.with(.reverse))
        }
    }
}
