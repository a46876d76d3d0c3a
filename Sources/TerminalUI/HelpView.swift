import DashboardCore

/// The help overlay: every key of the keymap in sections, and the notes on
/// how cost is counted.
struct HelpView {
    var model: HelpModel
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        var sections = model.sections.map { section in
            HelpSection(section.title, keys: section.entries.map { KeyHint($0.keys, $0.action) })
        }
        sections.append(HelpSection("Cost", keys: model.notes.map { KeyHint("", $0) }))
        _ = HelpOverlay(title: "Keys — Esc or ? closes", sections: sections, scrollOffset: model.scroll)
            .render(into: &buffer, area: area, theme: theme)
    }
}
