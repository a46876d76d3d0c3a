/// The footer line that reports what just happened ("instance stopped", "API
/// refused: quota exceeded"), so results and errors are seen without a popup.
public struct FlashLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, error
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    /// Draws the message on the first row of `area`, cut with "…" when too
    /// long, and blanks the rest of the row.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: theme.text))
        buffer.put(message, x: area.x, y: area.y, style: kind == .error ? theme.flashError : theme.flashInfo,
                   maxWidth: area.width)
    }
}
