import DashboardCore
import TextLayout

/// The two header rows: service, freshness and burn rate; then the pane tabs
/// with the current pane's title on the right.
struct HeaderView {
    var model: HeaderModel
    var title: String
    var theme: Theme

    static let appName = " sesterce-dash "

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height >= 2 else { return }
        renderStatusRow(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 1))
        renderTabRow(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1))
    }

    /// Freshness and the burn rate always show; when the row is too narrow for
    /// everything, the app name goes first, then the refresh interval, then the
    /// cost gets terser (the daily figure, then the monthly one, then what
    /// was spent), and last the host is left out (whole: half a host name
    /// reads as another host). At 80 columns the host stays beside the burn rate.
    /// A stale spend is followed by "(stale)", in the tone of "stale: updated".
    private func renderStatusRow(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", style: theme.header))
        let burn = model.burn
        let starting = burn.starting.map { " \($0)" } ?? ""
        let spent = "spent \(burn.spent) "
        let costs: [(text: String, hasSpent: Bool)] = burn.known
            ? [("\(burn.perHour)/h\(starting) · \(burn.perDay)/day · \(burn.perMonth)/mo · \(spent)", true),
               ("\(burn.perHour)/h\(starting) · \(burn.perDay)/d · \(burn.perMonth)/mo · \(spent)", true),
               ("\(burn.perHour)/h\(starting) · \(burn.perMonth)/mo · \(spent)", true),
               ("\(burn.perHour)/h\(starting) · \(spent)", true),
               ("\(burn.perHour)/h\(starting) ", false)]
            : [("burn rate: waiting for data ", false), ("burn: waiting ", false)]
        // The mark is followed by a blank, which the row's fill already is.
        func markWidth(_ cost: (text: String, hasSpent: Bool)) -> Int {
            burn.spentStale && cost.hasSpent ? DisplayWidth.of(Self.staleMark) + 1 : 0
        }
        let host = DisplayWidth.sanitized(model.host)
        let gap = 2
        let choices = [(true, true, 0), (false, true, 0)] + costs.indices.map { (false, false, $0) }
        let fitting = choices.first { name, interval, cost in
            width(leftParts(name: name, interval: interval, host: host)) + gap
                + DisplayWidth.of(costs[cost].text) + markWidth(costs[cost]) <= area.width
        }
        let (showName, showInterval, costIndex) = fitting ?? (false, false, costs.count - 1)
        let cost = costs[costIndex]
        let shownHost = fitting == nil ? "" : host
        var x = area.x
        for (text, style) in leftParts(name: showName, interval: showInterval, host: shownHost) {
            x += buffer.put(text, x: x, y: area.y, style: style, maxWidth: area.maxX - x)
        }
        let room = area.maxX - x - gap
        let costWidth = DisplayWidth.of(cost.text), mark = markWidth(cost)
        if mark > 0, room >= costWidth + mark {
            let start = area.maxX - costWidth - mark
            buffer.put(cost.text, x: start, y: area.y, style: theme.header.with(.bold), maxWidth: costWidth)
            buffer.put(Self.staleMark, x: start + costWidth, y: area.y, style: theme.style(.warning).with(.bold), maxWidth: mark - 1)
        } else if room > 0 {
            buffer.put(cost.text, x: x + gap, y: area.y, style: theme.header.with(.bold), maxWidth: room, alignment: .right)
        }
    }

    static let staleMark = "(stale)"

    /// The left of the status row: app name, host, read-only mark, refresh
    /// interval and freshness, with separators only between what is shown.
    private func leftParts(name: Bool, interval: Bool, host: String) -> [(String, Style)] {
        var parts: [(String, Style)] = [name ? (Self.appName, theme.header.with(.bold)) : (" ", theme.header)]
        var before = false
        if !host.isEmpty {
            parts.append((host, theme.header))
            before = true
        }
        if model.readonly {
            parts.append(((before ? "  " : "") + "READ-ONLY", theme.header.with(.bold)))
            before = true
        }
        if interval {
            parts.append(((before ? "  " : "") + "↻ \(model.refresh) · ", theme.header))
        } else if before {
            parts.append((" · ", theme.header))
        }
        let freshness = model.freshnessTone == .muted ? theme.header : theme.style(model.freshnessTone).with(.bold)
        parts.append((model.freshness, freshness))
        return parts
    }

    private func width(_ parts: [(String, Style)]) -> Int {
        parts.reduce(0) { $0 + DisplayWidth.of(DisplayWidth.sanitized($1.0)) }
    }

    /// The tabs and, on the right, the title (with the filter) and left of it
    /// the budget, if one is set; when all do not fit, the tabs that are not
    /// focused shrink to their number first.
    private func renderTabRow(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", style: theme.header))
        let (tabs, tabsWidth) = tabLayout(width: area.width)
        let used = tabs.render(into: &buffer, area: Rect(x: area.x, y: area.y, width: tabsWidth, height: 1), theme: theme)
        let titleWidth = DisplayWidth.of(DisplayWidth.sanitized(title))
        let shown = min(titleWidth, max(0, area.width - used - 2))
        if shown > 0 {
            buffer.put(title, x: area.maxX - shown - 1, y: area.y, style: theme.title, maxWidth: shown)
        }
        if let budget = model.budget {
            // Between the tabs and the title, cut if it must be.
            let right = area.maxX - (shown > 0 ? shown + 3 : 1)
            let x = max(area.x + used + 2, right - DisplayWidth.of(budget.text))
            let style = budget.tone == .muted ? theme.header : theme.style(budget.tone).with(.bold)
            if right > x { buffer.put(budget.text, x: x, y: area.y, style: style, maxWidth: right - x) }
        }
    }

    /// The tab bar and the columns it may take: what the title and the budget leave.
    private func tabLayout(width: Int) -> (TabBar, width: Int) {
        let tabs = TabBar(titles: model.tabs.map(\.title), active: model.tabs.firstIndex(where: \.active) ?? 0)
        let titleWidth = DisplayWidth.of(DisplayWidth.sanitized(title))
        let budgetWidth = model.budget.map { DisplayWidth.of($0.text) + 2 } ?? 0
        let compact = tabs.labels(fitting: 0).reduce(0) { $0 + DisplayWidth.of(DisplayWidth.sanitized($1)) }
        return (tabs, min(width, max(compact, width - titleWidth - 2 - budgetWidth)))
    }

    /// The pane whose tab covers `column` of the tab row, as drawn at `width`.
    func tab(atColumn column: Int, width: Int) -> Pane? {
        let (tabs, tabsWidth) = tabLayout(width: width)
        var start = 0
        for (index, label) in tabs.labels(fitting: tabsWidth).enumerated() {
            let end = min(tabsWidth, start + DisplayWidth.of(DisplayWidth.sanitized(label)))
            if column >= start, column < end { return Pane(rawValue: model.tabs[index].number) }
            start = end
        }
        return nil
    }
}
