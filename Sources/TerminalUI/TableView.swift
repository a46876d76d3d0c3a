import DashboardCore

/// A pane's table model drawn with the `Table` widget; only its visible rows
/// exist. While rows are marked, a one-cell column in front shows which.
struct TableView {
    var model: TableModel
    var theme: Theme

    /// What a marked row shows in the mark column.
    static let markGlyph = "✓"

    func render(into buffer: inout Buffer, area: Rect) {
        var columns = model.headers.map { header in
            TableColumn(
                header.title,
                width: header.flexible ? .flexible(min: header.minWidth, weight: 1) : .fixed(header.minWidth),
                alignment: header.alignment == .right ? .right : .left, priority: header.priority,
                sortLetter: header.sortLetter)
        }
        let marking = model.marks != nil
        // The mark column is the last to go, however narrow the terminal.
        if marking { columns.insert(TableColumn("", width: .fixed(1), priority: .max), at: 0) }
        let shift = marking ? 1 : 0
        let sort = model.headers.firstIndex { $0.sort != nil }.map {
            TableSort(column: $0 + shift, ascending: model.headers[$0].sort == .ascending)
        }
        let table = Table(
            columns: columns, rowCount: model.matching, selected: model.selectedRow.map { model.firstRow + $0 },
            scrollOffset: model.firstRow, sort: sort, emptyText: model.emptyMessage
        ) { [model, theme] index in
            let visible = index - model.firstRow
            guard model.rows.indices.contains(visible) else { return [] }
            let cells = model.rows[visible].map { TableCell($0.text, style: $0.tone == .normal ? nil : theme.style($0.tone)) }
            guard let marks = model.marks else { return cells }
            let marked = marks.indices.contains(visible) && marks[visible]
            return [TableCell(marked ? Self.markGlyph : "", style: theme.style(.accent))] + cells
        }
        _ = table.render(into: &buffer, area: area, theme: theme)
    }
}
