import DashboardCore

/// The help overlay: every key of the keymap in sections, and the notes on
/// how cost is counted, as the model laid them out.
struct HelpView {
    var model: HelpModel
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        // The overlay covers the whole pane: no cut-off table text beside the box.
        buffer.fill(area, with: Cell(" ", style: theme.text))
        HelpOverlay(layout: model.layout, scrollOffset: model.scroll).render(into: &buffer, area: area, theme: theme)
    }
}
