/// A pane's table as the screen draws it: headers with the sort marker, and
/// only the rows that fit, so drawing costs the same for 10 or 10,000 rows.
public struct TableModel: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var tone: Tone

        public init(text: String, tone: Tone) {
            self.text = text
            self.tone = tone
        }
    }

    public var title: String
    public var headers: [ColumnHeader]
    /// The visible rows, from `firstRow` on.
    public var rows: [[Cell]]
    public var firstRow: Int
    /// Index in `rows` of the selected row, if it is visible.
    public var selectedRow: Int?
    /// Rows after filtering, and before.
    public var matching: Int
    public var total: Int
    public var filter: String
    public var emptyMessage: String
    /// Whether each visible row is marked (Space); nil while no row of the
    /// pane is, and then the mark column is not drawn.
    public var marks: [Bool]?

    init(_ pane: Pane, _ state: State) {
        let table = PaneTable.make(pane, state)
        let listing = state.listings[pane] ?? Listing()
        headers = table.headers
        // A letter the keymap gives to a command does not sort: not shown either.
        for index in headers.indices {
            if let letter = headers[index].sortLetter, state.settings.keymap.sortLetter(.character(letter)) == nil {
                headers[index].sortLetter = nil
            }
        }
        if headers.indices.contains(listing.sortColumn) {
            headers[listing.sortColumn].sort = listing.ascending ? .ascending : .descending
        }
        let visible = Layout.tableRows(height: state.height)
        let start = min(listing.scrollOffset, max(0, listing.order.count - 1))
        let window = listing.order.isEmpty ? [] : listing.order[start..<min(listing.order.count, start + visible)]
        rows = window.map { row in table.headers.indices.map { Cell(text: table.text(row, $0), tone: table.tone(row, $0)) } }
        firstRow = start
        selectedRow = listing.order.isEmpty ? nil : (listing.selectedIndex - start)
        if let selected = selectedRow, !rows.indices.contains(selected) { selectedRow = nil }
        matching = listing.order.count
        total = table.count
        filter = listing.filter
        let marked = pane == .instances ? state.marks.count : 0
        if marked > 0 {
            marks = window.map { state.marks.contains(table.id($0)) }
        }
        let counts = matching == total ? "\(total)" : "\(matching) of \(total)"
        title = "\(pane.title) (\(counts)\(marked > 0 ? ", \(marked) marked" : ""))"
        let poll = state.poll(pane.poll)
        // An empty pane says why: still loading, failed (and retrying), or nothing there.
        emptyMessage =
            if poll.lastSuccess == nil, let error = poll.lastError, total == 0 {
                "Could not load: \(error) (retrying)"
            } else if poll.lastSuccess == nil { "Loading…" }
            else if total == 0 { "No \(pane.title.lowercased()) yet" } else { "Nothing matches \"\(listing.filter)\"" }
    }
}
