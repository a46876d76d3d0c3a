import DashboardCore

/// The two footer rows: the flash line (or the filter being typed), then key hints.
struct FooterView {
    var model: ScreenModel.Footer
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height >= 2 else { return }
        let flashRow = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        if let prompt = model.prompt {
            buffer.fill(flashRow, with: Cell(" ", style: theme.text))
            let used = buffer.put(prompt, x: area.x + 1, y: area.y, style: theme.title.with(.bold), maxWidth: area.width - 2)
            buffer.put("▏", x: area.x + 1 + used, y: area.y, style: theme.title)
        } else if let flash = model.flash {
            FlashLine(flash, kind: model.flashTone == .error ? .error : .info).render(into: &buffer, area: flashRow, theme: theme)
        }
        let hints = model.hints.map { KeyHint($0.key, $0.action) }
        KeyHintBar(hints, keeping: hints.first { $0.description == "help" })
            .render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), theme: theme)
    }
}
