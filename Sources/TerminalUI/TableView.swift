import DashboardCore

/// A pane's table model drawn with the `Table` widget; only its visible rows exist.
struct TableView {
    var model: TableModel
    var theme: Theme

    func render(into buffer: inout Buffer, area: Rect) {
        let columns = model.headers.map { header in
            TableColumn(
                header.title,
                width: header.flexible ? .flexible(min: header.minWidth, weight: 1) : .fixed(header.minWidth),
                alignment: header.alignment == .right ? .right : .left, priority: header.priority)
        }
        let sort = model.headers.firstIndex { $0.sort != nil }.map { TableSort(column: $0, ascending: model.headers[$0].sort == .ascending) }
        let table = Table(
            columns: columns, rowCount: model.matching, selected: model.selectedRow.map { model.firstRow + $0 },
            scrollOffset: model.firstRow, sort: sort, emptyText: model.emptyMessage
        ) { [model, theme] index in
            let visible = index - model.firstRow
            guard model.rows.indices.contains(visible) else { return [] }
            return model.rows[visible].map { TableCell($0.text, style: $0.tone == .normal ? nil : theme.style($0.tone)) }
        }
        _ = table.render(into: &buffer, area: area, theme: theme)
    }
}
