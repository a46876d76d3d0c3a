/// What the whole screen shows when the terminal is below the size the panes
/// are laid out for: the current and the needed size, instead of a garbled
/// layout. The dashboard waits for a resize.
public struct TooSmall: Hashable, Sendable {
    public var minimumWidth: Int
    public var minimumHeight: Int

    public init(minimumWidth: Int = 60, minimumHeight: Int = 16) {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
    }

    public func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    /// Clears the whole buffer and centres the message in it.
    public func render(into buffer: inout Buffer, theme: Theme) {
        buffer.fill(buffer.area, with: Cell(" ", style: theme.text))
        let lines: [(String, Style)] = [
            ("Terminal too small", theme.warning),
            ("current \(buffer.width)x\(buffer.height), minimum \(minimumWidth)x\(minimumHeight)", theme.text),
        ]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (row, (text, style)) in lines.enumerated() {
            buffer.put(text, x: 0, y: top + row, style: style, alignment: .center)
        }
    }
}
