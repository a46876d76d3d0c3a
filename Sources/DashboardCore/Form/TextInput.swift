/// One line of text being edited, with a cursor between characters (0 is
/// before the first one, `text.count` after the last). Pasted text arrives a
/// character at a time and is inserted like typing.
public struct TextInput: Equatable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int

    /// The cursor starts after the last character.
    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the whole text, the cursor going to its end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    public mutating func insert(_ character: Character) {
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    /// Removes the character before the cursor; false at the start.
    @discardableResult
    public mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        text.remove(at: index(cursor - 1))
        cursor -= 1
        return true
    }

    /// Removes the character after the cursor; false at the end.
    @discardableResult
    public mutating func delete() -> Bool {
        guard cursor < text.count else { return false }
        text.remove(at: index(cursor))
        return true
    }

    /// Removes everything before the cursor (Ctrl-U, as in a shell); false at the start.
    @discardableResult
    public mutating func deleteToStart() -> Bool {
        guard cursor > 0 else { return false }
        text.removeSubrange(..<index(cursor))
        cursor = 0
        return true
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(text.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = text.count }

    /// Moves the cursor to `position`, clamped to the text.
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), text.count)
    }

    /// Cuts the text at the cursor: keeps what is before it and returns the rest.
    mutating func split() -> String {
        let rest = String(text[index(cursor)...])
        text = String(text[..<index(cursor)])
        return rest
    }

    /// Appends `tail`, keeping the cursor where it is.
    mutating func append(_ tail: String) {
        text += tail
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}

/// A secret being typed (a password, a token): edited like text, drawn as
/// "•", and never written out by `description`, `debugDescription` or
/// `dump`, so that it cannot reach a log line or a test failure message.
public struct SecretInput: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    public var input: TextInput

    public init(_ text: String = "") {
        input = TextInput(text)
    }

    /// The secret itself, for the request that needs it.
    public var text: String { input.text }

    public var description: String { "SecretInput(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Character {
    /// A character that may be typed into a field: no control characters
    /// (escape sequences, line breaks, bidi overrides) ever get into a value.
    var isTypable: Bool {
        !unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}
