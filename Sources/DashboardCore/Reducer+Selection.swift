extension State {
    func rowsOnScreen(_ pane: Pane) -> Int { Layout.tableRows(height: height) }

    /// Recomputes a pane's visible rows after its data, filter or sort changed,
    /// keeping the selection on the same item when it is still there.
    mutating func reorder(_ pane: Pane) {
        var listing = listings[pane] ?? Listing()
        // Without a screen no order is seen: the watcher sweeps every
        // instance, in the list's order (sorting 10,000 rows at each poll and
        // detail was a tenth of its work).
        if settings.headless {
            listing.order = pane == .instances ? Array(instances.indices) : []
            listings[pane] = listing
            return
        }
        let table = PaneTable.make(pane, self)
        if listing.sortColumn >= table.headers.count { listing.sortColumn = 0 }
        listing.order = table.order(filter: listing.filter, column: listing.sortColumn, ascending: listing.ascending)
        if let id = listing.selectedId, let index = listing.order.firstIndex(where: { table.id($0) == id }) {
            listing.selectedIndex = index
        } else {
            listing.selectedIndex = max(0, min(listing.selectedIndex, listing.order.count - 1))
            listing.selectedId = listing.order.isEmpty ? nil : table.id(listing.order[listing.selectedIndex])
        }
        listings[pane] = listing
        keepSelectionVisible(pane)
    }

    /// Moves the selection to row `index` (clamped) of the pane's visible rows.
    mutating func select(_ index: Int, in pane: Pane) {
        var listing = listings[pane] ?? Listing()
        guard !listing.order.isEmpty else { return }
        listing.selectedIndex = max(0, min(index, listing.order.count - 1))
        let table = PaneTable.make(pane, self)
        listing.selectedId = table.id(listing.order[listing.selectedIndex])
        listings[pane] = listing
        keepSelectionVisible(pane)
    }

    /// Scrolls as little as possible so that the selected row is on screen.
    mutating func keepSelectionVisible(_ pane: Pane) {
        guard var listing = listings[pane] else { return }
        let rows = rowsOnScreen(pane)
        var offset = min(listing.scrollOffset, max(0, listing.order.count - rows))
        if listing.selectedIndex < offset { offset = listing.selectedIndex }
        if listing.selectedIndex >= offset + rows { offset = listing.selectedIndex - rows + 1 }
        listing.scrollOffset = max(0, offset)
        listings[pane] = listing
    }

    mutating func move(_ movement: Movement) {
        let page = rowsOnScreen(pane)
        let current = listing.selectedIndex
        let target =
            switch movement {
            case .up: current - 1
            case .down: current + 1
            case .pageUp: current - page
            case .pageDown: current + page
            case .top: 0
            case .bottom: listing.order.count - 1
            }
        select(target, in: pane)
    }
}
