/// One screen cell. A wide character (CJK, most emoji) fills its cell and the
/// next one, which then holds an empty `text` and is skipped when drawing.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster of display width 1 or 2; "" for the right half of a wide one.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { text.isEmpty }
}
