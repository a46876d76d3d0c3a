import DashboardCore

/// A page of text in a box over the whole pane (the message log), its scroll
/// position in the bottom border; lines come wrapped by the model.
struct TextPageView {
    var model: TextPageModel
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        let inside = Panel(title: model.title, footer: model.position).render(into: &buffer, area: area, theme: theme)
        guard inside.width > 2 else { return }
        for (row, line) in model.lines.dropFirst(model.scroll).prefix(inside.height).enumerated() {
            buffer.put(line.text, x: inside.x + 1, y: inside.y + row, style: theme.style(line.tone), maxWidth: inside.width - 2)
        }
    }
}
