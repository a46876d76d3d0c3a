/// Sorting a pane's rows: `o` to the next column, `O` reversed, or Shift and
/// the letter a column's header brackets (`[N]AME`), as k9s does.
extension State {
    mutating func cycleSort() {
        let columns = PaneTable.make(pane, self).headers.count
        listing.sortColumn = columns == 0 ? 0 : (listing.sortColumn + 1) % columns
        listing.ascending = true
        reorder(pane)
    }

    mutating func reverseSort() {
        listing.ascending.toggle()
        reorder(pane)
    }

    /// Sorts by the column `letter` marks; pressed again on the column already
    /// sorted by, reverses it. A letter no column of the pane has says so.
    mutating func sort(byLetter letter: Character) {
        guard detailId == nil, pane != .cost else { return }
        let headers = PaneTable.make(pane, self).headers
        guard let column = Self.sortColumn(letter, in: headers, keymap: settings.keymap) else {
            showInfo("No column of \(pane.title) sorts by \(letter): the header brackets the letters that do")
            return
        }
        if listing.sortColumn == column {
            listing.ascending.toggle()
        } else {
            listing.sortColumn = column
            listing.ascending = true
        }
        reorder(pane)
    }

    /// The column whose letter is `letter`, if the keymap leaves that key free.
    static func sortColumn(_ letter: Character, in headers: [ColumnHeader], keymap: Keymap) -> Int? {
        guard keymap.sortLetter(.character(letter)) != nil else { return nil }
        return headers.firstIndex { $0.sortLetter == letter }
    }
}
