import TextLayout

/// A scrolling table with a header row and a selected row. Rows come from a
/// closure and only the visible ones are asked for and drawn, so a pane of
/// 10,000 instances costs what its 40 visible rows cost.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The cells of row `index`, for `0..<rowCount`; called only for visible rows.
    public var row: (Int) -> [TableCell]
    public var selected: Int?
    /// The first visible row of the previous frame; `render` moves it only as
    /// far as needed to keep `selected` visible.
    public var scrollOffset: Int
    public var sort: TableSort?
    /// Shown in place of rows when there are none ("no instances match").
    public var emptyText: String?

    /// Blank columns between two columns.
    public static let columnSpacing = 1

    public init(columns: [TableColumn], rowCount: Int, selected: Int? = nil, scrollOffset: Int = 0,
                sort: TableSort? = nil, emptyText: String? = nil, row: @escaping (Int) -> [TableCell]) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.row = row
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.sort = sort
        self.emptyText = emptyText
    }

    public init<Rows: RandomAccessCollection>(columns: [TableColumn], rows: Rows, selected: Int? = nil,
                                              scrollOffset: Int = 0, sort: TableSort? = nil,
                                              emptyText: String? = nil) where Rows.Element == [TableCell] {
        self.init(columns: columns, rowCount: rows.count, selected: selected, scrollOffset: scrollOffset,
                  sort: sort, emptyText: emptyText) { rows[rows.index(rows.startIndex, offsetBy: $0)] }
    }

    /// Rows of data `area` shows under the header.
    public static func visibleRows(in area: Rect) -> Int {
        max(0, area.height - 1)
    }

    /// The first visible row that keeps `selected` on screen while moving as
    /// little as possible from `previousOffset`, and never leaves empty rows at
    /// the bottom while rows are hidden above.
    public static func scrollOffset(selected: Int?, previousOffset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = min(max(0, previousOffset), max(0, rowCount - visibleRows))
        if let selected {
            let selected = min(max(0, selected), rowCount - 1)
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return offset
    }

    /// The width of each column in `available` columns. Fixed columns get their
    /// width, flexible ones their minimum plus a weighted share of the spare
    /// room. When even the minimums do not fit, columns keep their minimum from
    /// the left, the one reaching the edge is cut and the rest get 0 (hidden).
    public static func columnWidths(for columns: [TableColumn], in available: Int) -> [Int] {
        let minimums = columns.map { column in
            switch column.width {
            case .fixed(let width): max(0, width)
            case .flexible(let minimum, _): max(0, minimum)
            }
        }
        let weights = columns.map { column in
            if case .flexible(_, let weight) = column.width { max(0, weight) } else { 0 }
        }
        let spare = available - columnSpacing * max(0, columns.count - 1) - minimums.reduce(0, +)
        guard spare >= 0 else {
            var x = 0
            return minimums.map { minimum in
                let width = min(minimum, max(0, available - x))
                x += width + columnSpacing
                return width
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return minimums }
        var widths = zip(minimums, weights).map { $0 + spare * $1 / totalWeight }
        var leftover = spare - zip(widths, minimums).reduce(0) { $0 + $1.0 - $1.1 }
        for index in widths.indices where leftover > 0 && weights[index] > 0 {
            widths[index] += 1
            leftover -= 1
        }
        return widths
    }

    /// Draws the header and the visible rows into `area`, blanking rows past
    /// the end. Returns the scroll offset used, to keep for the next frame.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        guard !area.isEmpty else { return 0 }
        let widths = Self.columnWidths(for: columns, in: area.width)
        var starts: [Int] = []
        var x = area.x
        for width in widths {
            starts.append(x)
            x += width + Self.columnSpacing
        }

        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.tableHeader))
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            buffer.put(headerTitle(index, width: widths[index]), x: starts[index], y: area.y,
                       style: theme.tableHeader, maxWidth: widths[index], alignment: column.alignment)
        }

        let visible = Self.visibleRows(in: area)
        let offset = Self.scrollOffset(selected: selected, previousOffset: scrollOffset,
                                       visibleRows: visible, rowCount: rowCount)
        for line in 0..<visible {
            let y = area.y + 1 + line
            let index = offset + line
            let isSelected = index == selected
            let rowStyle = isSelected ? theme.selectedRow : theme.text
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: rowStyle))
            guard index < rowCount else { continue }
            let cells = row(index)
            for (column, cell) in zip(columns.indices, cells) where widths[column] > 0 {
                buffer.put(cell.text, x: starts[column], y: y, style: isSelected ? rowStyle : cell.style ?? rowStyle,
                           maxWidth: widths[column], alignment: columns[column].alignment)
            }
        }
        if rowCount == 0, visible > 0, let emptyText {
            buffer.put(emptyText, x: area.x, y: area.y + 1, style: theme.muted, maxWidth: area.width, alignment: .center)
        }
        return offset
    }

    /// The column's title, with the sort marker kept even when the title is cut.
    private func headerTitle(_ index: Int, width: Int) -> String {
        guard let sort, sort.column == index else { return columns[index].title }
        return DisplayWidth.truncated(columns[index].title, to: width - 1) + (sort.ascending ? "▲" : "▼")
    }
}
