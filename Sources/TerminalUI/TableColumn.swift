/// One column of a `Table`: its title, how much room it asks for, and which
/// side its text keeps to. Widths are policies rather than numbers because the
/// same pane must read well at 80 and at 200 columns.
public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// Always this many columns (status words, counts, prices).
        case fixed(Int)
        /// At least `min` columns, plus a share of the spare room proportional
        /// to `weight` (names, descriptions).
        case flexible(min: Int, weight: Int = 1)
    }

    public var title: String
    public var width: Width
    public var alignment: TextAlignment
    /// Which columns stay when the table is too narrow for every minimum: the
    /// lowest priority is dropped first (the rightmost of equals), so the
    /// columns a person decides by stay in a narrow split.
    public var priority: Int
    /// The letter that sorts by this column (Shift and the letter), shown
    /// bracketed in the title (`[N]AME`), or underlined when brackets do not fit.
    public var sortLetter: Character?

    public init(_ title: String, width: Width, alignment: TextAlignment = .left, priority: Int = 0,
                sortLetter: Character? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
        self.sortLetter = sortLetter
    }
}
