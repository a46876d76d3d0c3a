import DashboardCore
import TextLayout

/// Draws a `ScreenModel` into a frame: header, the pane or detail, footer, and
/// an overlay on top. It sees view-models only, never API types or raw state.
public struct Screen {
    public var model: ScreenModel
    public var theme: Theme

    public init(model: ScreenModel, theme: Theme) {
        self.model = model
        self.theme = theme
    }

    /// Draws the frame.
    public func render(into buffer: inout Buffer) {
        buffer.fill(buffer.area, with: Cell(" ", style: theme.text))
        if model.tooSmall {
            TooSmall(minimumWidth: Layout.minimumWidth, minimumHeight: Layout.minimumHeight).render(into: &buffer, theme: theme)
            return
        }
        let (header, rest) = buffer.area.splitTop(Layout.headerRows)
        let (body, footer) = rest.splitBottom(Layout.footerRows)
        HeaderView(model: model.header, title: bodyTitle, theme: theme).render(into: &buffer, area: header)
        switch model.body {
        case .table(let table): TableView(model: table, theme: theme).render(into: &buffer, area: body)
        case .detail(let detail): DetailView(model: detail, theme: theme).render(into: &buffer, area: body)
        case .cost(let cost): CostView(model: cost, theme: theme).render(into: &buffer, area: body)
        case .playground(let playground): PlaygroundView(model: playground, theme: theme).render(into: &buffer, area: body)
        }
        FooterView(model: model.footer, theme: theme).render(into: &buffer, area: footer)
        if let form = model.formBehind { FormView(model: form, theme: theme).render(into: &buffer, area: body) }
        switch model.overlay {
        case .help(let help): HelpView(model: help, theme: theme).render(into: &buffer, area: body)
        case .page(let page): TextPageView(model: page, theme: theme).render(into: &buffer, area: body)
        case .confirm(let confirm):
            _ = Dialog(title: confirm.title, message: confirm.message, hint: confirm.hint, input: confirm.input)
                .render(into: &buffer, area: body, theme: theme)
        case .form(let form): FormView(model: form, theme: theme).render(into: &buffer, area: body)
        case nil: break
        }
    }

    /// What is drawn at `column`, `row` of a frame `width` wide: a tab, a
    /// row of the table (by its index in the pane's order), a line or a
    /// button of the open form, an answer of the question asked. Found from
    /// the same layout that draws, so a click lands on what the person saw;
    /// what an overlay covers is out of reach.
    public func target(column: Int, row: Int, width: Int) -> ScreenTarget? {
        guard !model.tooSmall else { return nil }
        let (_, rest) = Rect(x: 0, y: 0, width: width, height: model.height).splitTop(Layout.headerRows)
        let (body, _) = rest.splitBottom(Layout.footerRows)
        switch model.overlay {
        case .confirm(let question):
            return answer(of: question, column: column, row: row, body: body)
        case .form(let form):
            return FormView(model: form, theme: theme).target(column: column, row: row, area: body)
        case .help, .page:
            return nil
        case nil:
            break
        }
        if row == Layout.headerRows - 1 {
            return HeaderView(model: model.header, title: bodyTitle, theme: theme).tab(atColumn: column, width: width)
                .map(ScreenTarget.tab)
        }
        // The table's column titles take the body's first row.
        guard case .table(let table) = model.body else { return nil }
        let visible = row - Layout.headerRows - 1
        guard visible >= 0, visible < table.rows.count else { return nil }
        return .tableRow(table.firstRow + visible)
    }

    /// The answer drawn at `column`, `row` of a question's last line.
    private func answer(of question: ConfirmModel, column: Int, row: Int, body: Rect) -> ScreenTarget? {
        let dialog = Dialog(title: question.title, message: question.message, hint: question.hint, input: question.input)
        guard let line = dialog.hintLine(in: body), line.contains(column: column, row: row) else { return nil }
        var x = line.x
        for answer in question.answers {
            let end = x + DisplayWidth.of(DisplayWidth.sanitized(answer.text))
            if column < end { return column >= x ? answer.meaning.map(ScreenTarget.answer) : nil }
            x = end + DisplayWidth.of(ConfirmModel.answerSeparator)
        }
        return nil
    }

    /// What the tab row says on its right: the table's title and filter.
    private var bodyTitle: String {
        switch model.body {
        case .table(let table): table.filter.isEmpty ? table.title : "\(table.title)  /\(table.filter)"
        // The name is in the detail's border: the tabs keep their names.
        case .detail: ""
        case .cost: "Cost"
        case .playground: "Playground"
        }
    }
}

extension Theme {
    /// The style of a view-model tone.
    public func style(_ tone: Tone) -> Style {
        switch tone {
        case .normal: text
        case .muted: muted
        case .ok: ok
        case .progress: progress
        case .stopped: stopped
        case .failed: failed
        case .unknown: unknown
        case .warning: warning
        case .error: error
        case .accent: title
        }
    }
}
