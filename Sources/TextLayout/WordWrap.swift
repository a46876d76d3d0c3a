/// Breaks text into lines that fit a width in terminal columns (not characters
/// or bytes), so that dialogs and detail views wrap CJK and emoji correctly.
public enum WordWrap {
    /// The lines of `text` at most `width` columns wide, sanitized. Breaks at
    /// spaces (collapsing runs of them) and keeps the text's own line breaks; a
    /// word longer than a line is cut wherever the line is full.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineWidth = 0
            for word in DisplayWidth.sanitized(paragraph).split(separator: " ") {
                let wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth > 0, lineWidth + characterWidth > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
            lines.append(line)
        }
        return lines
    }
}
