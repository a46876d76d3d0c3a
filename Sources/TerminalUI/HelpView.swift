import DashboardCore
import TextLayout

/// The help overlay: every key of the keymap in sections, and the notes on
/// how cost is counted.
struct HelpView {
    var model: HelpModel
    var theme: Theme

    /// Widest a cost note gets before it wraps, so the box stays readable.
    static let noteWidth = 60

    /// Returns the first line drawn: the model's scroll held to the last page.
    @discardableResult
    func render(into buffer: inout Buffer, area: Rect) -> Int {
        var sections = model.sections.map { section in
            HelpSection(section.title, keys: section.entries.map { KeyHint($0.keys, $0.action) })
        }
        // The notes wrap to what the box can hold, each one marked with a bullet,
        // instead of being cut in the middle of a sentence.
        let keyWidth = max(1, sections.flatMap(\.keys).map { DisplayWidth.of(DisplayWidth.sanitized($0.key)) }.max() ?? 0)
        let wrapWidth = min(Self.noteWidth, area.width - 8 - keyWidth)
        let notes = model.notes.flatMap { note in
            WordWrap.wrap(note, width: max(10, wrapWidth)).enumerated().map { KeyHint($0.offset == 0 ? "•" : "", $0.element) }
        }
        sections.append(HelpSection("Cost", keys: notes))
        // The overlay covers the whole pane: no cut-off table text beside the box.
        buffer.fill(area, with: Cell(" ", style: theme.text))
        return HelpOverlay(title: "Keys — Esc or ? closes", sections: sections, scrollOffset: model.scroll)
            .render(into: &buffer, area: area, theme: theme)
    }
}
