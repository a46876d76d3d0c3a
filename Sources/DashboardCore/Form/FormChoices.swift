import Foundation

/// One choice of a select or multi-select: `id` is what the form returns,
/// `label` what the person reads, `detail` muted text after it ("$2.40/h").
public struct FormOption: Equatable, Sendable {
    public var id: String
    public var label: String
    public var detail: String

    public init(id: String, label: String, detail: String = "") {
        self.id = id
        self.label = label
        self.detail = detail
    }

    /// Whether typing `filter` keeps this option: every word of the filter
    /// appears in the label or the detail, ignoring case.
    public func matches(_ filter: String) -> Bool {
        let haystack = (label + " " + detail).lowercased()
        return filter.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
    }
}

/// A choice of one option. Closed, it shows the chosen option; Enter opens a
/// list, typing filters it, up/down move the highlight, Enter picks, Esc closes.
public struct SelectInput: Equatable, Sendable {
    public var options: [FormOption]
    /// The id of the chosen option.
    public var selected: String?
    public var filter: String
    public var isOpen: Bool
    /// Position of the highlighted option in `matching`.
    public var highlight: Int

    public init(options: [FormOption], selected: String? = nil) {
        self.options = options
        self.selected = selected
        filter = ""
        isOpen = false
        highlight = 0
    }

    /// The options the filter keeps, in order.
    public var matching: [FormOption] { filter.isEmpty ? options : options.filter { $0.matches(filter) } }

    public var selectedOption: FormOption? { options.first { $0.id == selected } }

    mutating func open(filter newFilter: String = "") {
        isOpen = true
        filter = newFilter
        highlight = newFilter.isEmpty ? (options.firstIndex { $0.id == selected } ?? 0) : 0
    }

    mutating func close() {
        isOpen = false
        filter = ""
        highlight = 0
    }

    mutating func moveHighlight(by step: Int) {
        let count = matching.count
        guard count > 0 else { return }
        highlight = min(max(0, highlight + step), count - 1)
    }

    /// Picks the highlighted option and closes; false when nothing matches.
    mutating func pick() -> Bool {
        let list = matching
        guard list.indices.contains(highlight) else { return false }
        selected = list[highlight].id
        close()
        return true
    }
}

/// A choice of any number of options, drawn one option a line; up/down move
/// the highlight and Space (or Enter) toggles the highlighted option.
public struct MultiSelectInput: Equatable, Sendable {
    public var options: [FormOption]
    public var chosen: Set<String>
    /// Position of the highlighted option in `options`.
    public var highlight: Int

    public init(options: [FormOption], chosen: Set<String> = []) {
        self.options = options
        self.chosen = chosen
        highlight = 0
    }

    /// The chosen ids in the order of the options.
    public var chosenInOrder: [String] { options.map(\.id).filter(chosen.contains) }

    mutating func toggleHighlighted() -> Bool {
        guard options.indices.contains(highlight) else { return false }
        let id = options[highlight].id
        if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
        return true
    }
}

/// A `KEY=value` pair read from a key=value list.
public struct FormPair: Equatable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A list of `KEY=value` lines (env vars), edited like a small text editor:
/// up/down move between lines, Enter splits the line (so a pasted block of
/// lines arrives as lines), Backspace at the start of a line joins it to the
/// previous one (removing it when empty). After the last line sits an "add"
/// line: typing there adds a line.
public struct KeyValueListInput: Equatable, Sendable {
    public private(set) var lines: [String]
    /// The line being edited; `lines.count` is the "add" line.
    public private(set) var row: Int
    /// Characters before the cursor in the line being edited.
    public private(set) var cursor: Int

    public init(lines: [String] = []) {
        self.lines = lines
        row = 0
        cursor = lines.first?.count ?? 0
    }

    public init(pairs: [FormPair]) {
        self.init(lines: pairs.map { "\($0.key)=\($0.value)" })
    }

    /// The non-empty lines as pairs: the key is what comes before the first
    /// "=" (trimmed), the value what comes after it; a line without "=" is a
    /// key with an empty value.
    public var pairs: [FormPair] {
        lines.compactMap { line in
            guard !line.allSatisfy(\.isWhitespace) else { return nil }
            guard let equals = line.firstIndex(of: "=") else {
                return FormPair(key: line.trimmingCharacters(in: .whitespaces), value: "")
            }
            return FormPair(key: line[..<equals].trimmingCharacters(in: .whitespaces),
                            value: String(line[line.index(after: equals)...]))
        }
    }

    var isOnAddLine: Bool { row >= lines.count }
    /// Lines drawn: each line and the "add" line.
    var rowCount: Int { lines.count + 1 }

    mutating func moveTo(row newRow: Int, cursorAtEnd: Bool = true) {
        row = min(max(0, newRow), lines.count)
        cursor = cursorAtEnd ? currentLine.count : min(cursor, currentLine.count)
    }

    private var currentLine: String { isOnAddLine ? "" : lines[row] }

    /// Runs `edit` on the current line as a `TextInput` (creating the line when
    /// on the "add" line) and returns whether the text changed.
    private mutating func editLine(_ edit: (inout TextInput) -> Void) -> Bool {
        var input = TextInput(currentLine, cursor: cursor)
        edit(&input)
        cursor = input.cursor
        guard input.text != currentLine else { return false }
        if isOnAddLine { lines.append(input.text) } else { lines[row] = input.text }
        return true
    }

    mutating func insert(_ character: Character) -> Bool { editLine { $0.insert(character) } }
    mutating func deleteToStart() -> Bool { editLine { $0.deleteToStart() } }
    mutating func left() { _ = editLine { $0.left() } }
    mutating func right() { _ = editLine { $0.right() } }
    mutating func home() { cursor = 0 }
    mutating func end() { cursor = currentLine.count }

    mutating func backspace() -> Bool {
        if cursor > 0 { return editLine { $0.backspace() } }
        guard !isOnAddLine, row > 0 || lines[row].isEmpty else { return false }
        let removed = lines.remove(at: row)
        if row > 0 {
            row -= 1
            cursor = lines[row].count
            lines[row] += removed
        } else {
            cursor = 0
        }
        return true
    }

    mutating func delete() -> Bool {
        guard !isOnAddLine else { return false }
        if cursor < lines[row].count { return editLine { $0.delete() } }
        if lines[row].isEmpty {
            lines.remove(at: row)
            cursor = currentLine.count
            return true
        }
        guard row + 1 < lines.count else { return false }
        lines[row] += lines.remove(at: row + 1)
        return true
    }

    /// Splits the line at the cursor; the part after it starts a new line below.
    /// On the "add" line there is nothing to split: false.
    mutating func newLine() -> Bool {
        guard !isOnAddLine else { return false }
        var input = TextInput(lines[row], cursor: cursor)
        let rest = input.split()
        lines[row] = input.text
        lines.insert(rest, at: row + 1)
        row += 1
        cursor = 0
        return true
    }
}
