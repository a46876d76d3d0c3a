import DashboardCore

/// The two header rows: service, freshness and burn rate; then the pane tabs
/// with the current pane's title on the right.
struct HeaderView {
    var model: HeaderModel
    var title: String
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height >= 2 else { return }
        let y = area.y
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: theme.header))
        var x = area.x
        func put(_ text: String, _ style: Style) {
            x += buffer.put(text, x: x, y: y, style: style, maxWidth: area.maxX - x)
        }
        put(" sesterce-dash ", theme.header.with(.bold))
        put(model.host, theme.header)
        if model.readonly { put("  READ-ONLY", theme.header.with(.bold)) }
        put("  ↻ \(model.refresh) · ", theme.header)
        put(model.freshness, model.freshnessTone == .muted ? theme.header : theme.style(model.freshnessTone).with(.bold))
        let burn = model.burn
        let cost = burn.known
            ? "\(burn.perHour)/h · \(burn.perDay)/day · \(burn.perMonth)/mo · spent \(burn.spent) "
            : "burn rate: waiting for data "
        let costWidth = DisplayWidth.of(cost)
        if area.maxX - costWidth > x + 1 {
            buffer.put(cost, x: area.maxX - costWidth, y: y, style: theme.header.with(.bold))
        }
        let tabsY = y + 1
        let tabs = TabBar(titles: model.tabs.map(\.title), active: model.tabs.firstIndex(where: \.active) ?? 0)
        let used = tabs.render(into: &buffer, area: Rect(x: area.x, y: tabsY, width: area.width, height: 1), theme: theme)
        let titleWidth = min(DisplayWidth.of(title), max(0, area.width - used - 2))
        if titleWidth > 0 {
            buffer.put(title, x: area.maxX - titleWidth - 1, y: tabsY, style: theme.title, maxWidth: titleWidth)
        }
    }
}
