import Foundation

/// A column's header as the screen needs it.
public struct ColumnHeader: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, right }

    public var title: String
    public var alignment: Alignment
    /// Columns it never shrinks below.
    public var minWidth: Int
    /// A flexible column takes a share of the spare width; a fixed one keeps `minWidth`.
    public var flexible: Bool
    public var sort: SortMarker?
    /// The upper-case letter that sorts by this column (Shift and the letter),
    /// shown bracketed in the title: `[N]AME`. Nil when the column has none,
    /// or when the keymap gives that key to a command (a letter never takes a
    /// key from one).
    public var sortLetter: Character?
    /// When the terminal is too narrow for every column, the lowest priority
    /// is dropped first; the columns a person decides by have `Column.kept`.
    public var priority: Int

    /// The priority of the columns that stay down to the narrowest terminal (60 columns).
    public static let kept = 10

    public init(
        title: String, alignment: Alignment = .left, minWidth: Int, flexible: Bool = false, sort: SortMarker? = nil,
        priority: Int = 0, sortLetter: Character? = nil
    ) {
        self.title = title
        self.sortLetter = sortLetter
        self.alignment = alignment
        self.minWidth = minWidth
        self.flexible = flexible
        self.sort = sort
        self.priority = priority
    }
}

public enum SortMarker: Equatable, Sendable { case ascending, descending }

/// What rows are sorted by: numbers as numbers, text without regard to case.
enum SortKey: Comparable {
    case number(Double)
    case text(NaturalOrder)

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a < b
        case (.text(let a), .text(let b)): a < b
        case (.number, .text): true
        case (.text, .number): false
        }
    }
}

/// Text in the order a person expects: case ignored, numbers by value ("chat-2"
/// before "chat-10"). Built once per row; two keys compare as bytes, where
/// `localizedStandardCompare` looked up the locale and ran ICU on every
/// comparison (90% of a 10,000-row poll).
struct NaturalOrder: Comparable {
    /// Lowercased UTF-8; each digit run written as "0", its length (one byte),
    /// then its digits without leading zeros, so numbers sort by value.
    private let key: [UInt8]

    init(_ text: String) {
        let folded = Array(text.lowercased().utf8)
        var key: [UInt8] = []
        key.reserveCapacity(folded.count + 4)
        var index = 0
        while index < folded.count {
            guard Self.isDigit(folded[index]) else {
                key.append(folded[index])
                index += 1
                continue
            }
            var start = index
            while index < folded.count, Self.isDigit(folded[index]) { index += 1 }
            while start < index - 1, folded[start] == UInt8(ascii: "0") { start += 1 }
            key.append(UInt8(ascii: "0"))
            key.append(UInt8(min(index - start, 255)))
            key += folded[start..<index]
        }
        self.key = key
    }

    static func < (lhs: NaturalOrder, rhs: NaturalOrder) -> Bool { lhs.key.lexicographicallyPrecedes(rhs.key) }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// One column of a pane's table: how an item reads in it, its tone, and how it sorts.
struct Column<Item> {
    var header: ColumnHeader
    var text: (Item) -> String
    var tone: (Item) -> Tone = { _ in .normal }
    var sortKey: (Item) -> SortKey

    init(
        _ title: String, alignment: ColumnHeader.Alignment = .left, minWidth: Int, flexible: Bool = false,
        priority: Int = 0, letter: Character? = nil,
        text: @escaping (Item) -> String, tone: @escaping (Item) -> Tone = { _ in .normal },
        sortKey: ((Item) -> SortKey)? = nil
    ) {
        header = ColumnHeader(
            title: title, alignment: alignment, minWidth: minWidth, flexible: flexible, priority: priority, sortLetter: letter)
        self.text = text
        self.tone = tone
        self.sortKey = sortKey ?? { .text(NaturalOrder(text($0))) }
    }
}

/// Names for ids, so that tables and the detail show hardware, models, regions
/// and registries by name.
struct NameBook {
    var models: [String: String] = [:]
    var hardware: [String: String] = [:]
    var regions: [Int: String] = [:]
    var registries: [String: String] = [:]

    init(_ state: State) {
        for model in state.models { models[model.id] = model.name }
        for flavor in state.hardware { hardware[flavor.id] = flavor.name }
        for region in state.regions { regions[region.id] = region.name }
        for registry in state.registries { registries[registry.id] = registry.name }
    }

    func model(_ id: String?) -> String { id.map { models[$0] ?? $0 } ?? "-" }
    func hardware(_ id: String?) -> String { id.map { hardware[$0] ?? $0 } ?? "-" }
    func region(_ id: Int) -> String { regions[id] ?? "region \(id)" }
    func registry(_ id: String?) -> String { id.map { registries[$0] ?? $0 } ?? "-" }
}
