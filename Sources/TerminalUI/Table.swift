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
    /// room. When even the minimums do not fit, columns are dropped (width 0)
    /// by priority until they do; if one column alone is too wide, it is cut.
    public static func columnWidths(for columns: [TableColumn], in available: Int) -> [Int] {
        let minimums = columns.map(minimumWidth)
        var shown = Array(columns.indices)
        func needed() -> Int { shown.reduce(0) { $0 + minimums[$1] } + columnSpacing * max(0, shown.count - 1) }
        while needed() > available, shown.count > 1 {
            // The lowest priority goes, the rightmost of equals.
            let priorities = shown.map { columns[$0].priority }
            let lowest = priorities.min() ?? 0
            shown.remove(at: priorities.lastIndex(of: lowest) ?? shown.count - 1)
        }
        let weights = columns.indices.map { index in
            guard shown.contains(index), case .flexible(_, let weight) = columns[index].width else { return 0 }
            return max(0, weight)
        }
        var widths = columns.indices.map { shown.contains($0) ? minimums[$0] : 0 }
        let spare = available - needed()
        guard spare >= 0 else { return widths.map { min($0, max(0, available)) } }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return widths }
        widths = zip(widths, weights).map { $0 + spare * $1 / totalWeight }
        var leftover = spare - zip(widths, minimums).reduce(0) { $0 + max(0, $1.0 - $1.1) }
        for index in widths.indices where leftover > 0 && weights[index] > 0 {
            widths[index] += 1
            leftover -= 1
        }
        return widths
    }

    /// `widths` with the sorted column one wider when its title and marker do
    /// not fit and a flexible column can spare the cell (or the row has room
    /// left), so the marker never cuts a name it need not.
    static func makingRoomForTheMarker(_ widths: [Int], columns: [TableColumn], sort: TableSort?, available: Int) -> [Int] {
        guard let sort, widths.indices.contains(sort.column), widths[sort.column] > 0 else { return widths }
        let wanted = DisplayWidth.of(columns[sort.column].markedTitle) + 1
        guard widths[sort.column] < wanted else { return widths }
        var widths = widths
        let used = widths.reduce(0, +) + columnSpacing * max(0, widths.filter { $0 > 0 }.count - 1)
        if used < available {
            widths[sort.column] += min(available - used, wanted - widths[sort.column])
            return widths
        }
        let donor = widths.indices.filter { index in
            guard index != sort.column, case .flexible = columns[index].width else { return false }
            return widths[index] > minimumWidth(columns[index])
        }.max { widths[$0] < widths[$1] }
        if let donor {
            let given = min(wanted - widths[sort.column], widths[donor] - minimumWidth(columns[donor]))
            widths[donor] -= given
            widths[sort.column] += given
        }
        return widths
    }

    private static func minimumWidth(_ column: TableColumn) -> Int {
        switch column.width {
        case .fixed(let width): max(0, width)
        case .flexible(let minimum, _): max(0, minimum)
        }
    }

    /// Draws the header and the visible rows into `area`, blanking rows past
    /// the end. Returns the scroll offset used, to keep for the next frame.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        guard !area.isEmpty else { return 0 }
        let widths = Self.makingRoomForTheMarker(
            Self.columnWidths(for: columns, in: area.width), columns: columns, sort: sort, available: area.width)
        var starts: [Int] = []
        var x = area.x
        for width in widths {
            starts.append(x)
            if width > 0 { x += width + Self.columnSpacing }  // a dropped column takes no gap either
        }

        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.tableHeader))
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let title = headerTitle(index, width: widths[index])
            let used = buffer.put(title.text, x: starts[index], y: area.y,
                                  style: theme.tableHeader, maxWidth: widths[index], alignment: column.alignment)
            if let letter = title.underlined {
                let slack = widths[index] - used
                let x = starts[index] + letter + (column.alignment == .right ? slack : column.alignment == .center ? slack / 2 : 0)
                buffer.restyle(Rect(x: x, y: area.y, width: 1, height: 1), theme.tableHeader.with(.underline))
            }
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
}
