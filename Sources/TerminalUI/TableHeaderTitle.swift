import TextLayout

extension TableColumn {
    /// Where the sort letter is in the title (its display column), if it is there.
    var sortLetterColumn: Int? {
        guard let letter = sortLetter, let found = title.firstIndex(where: { $0.uppercased() == letter.uppercased() })
        else { return nil }
        return DisplayWidth.of(title[..<found])
    }

    /// The title with its sort letter bracketed, `[N]AME`; the plain title
    /// when it has none.
    var markedTitle: String {
        guard let letter = sortLetter, let found = title.firstIndex(where: { $0.uppercased() == letter.uppercased() })
        else { return title }
        return title[..<found] + "[" + String(title[found]) + "]" + title[title.index(after: found)...]
    }
}

extension Table {
    /// A column's header as drawn in `width` columns: its sort letter
    /// bracketed when that fits, else the plain title with the letter's
    /// column to underline (`underlined`, from the start of the text); the
    /// sort marker kept even when the title is cut.
    func headerTitle(_ index: Int, width: Int) -> (text: String, underlined: Int?) {
        let column = columns[index]
        let marker = sort.map { $0.column == index ? ($0.ascending ? "▲" : "▼") : "" } ?? ""
        let room = width - DisplayWidth.of(marker)
        if DisplayWidth.of(column.markedTitle) <= room { return (column.markedTitle + marker, nil) }
        let cut = DisplayWidth.truncated(column.title, to: room)
        // A letter past the cut (or under its "…") cannot be shown.
        let visible = DisplayWidth.of(cut) - (cut == column.title ? 0 : 1)
        let letter = column.sortLetterColumn.flatMap { $0 < visible ? $0 : nil }
        return (marker.isEmpty ? column.title : cut + marker, letter)
    }
}
