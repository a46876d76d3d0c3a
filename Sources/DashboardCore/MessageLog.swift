import Foundation
import TextLayout

/// Every footer message of the session, newest last, kept so that a message
/// cut in the footer or gone before it was read can be read in full (`!`).
public struct MessageLog: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var time: Date
        public var text: String
        public var kind: Flash.Kind
    }

    /// The most kept: older ones go first.
    public static let capacity = 200

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func append(_ text: String, kind: Flash.Kind, at time: Date) {
        entries.append(Entry(time: time, text: text, kind: kind))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}

/// A page of text over the pane, scrolled by the movement keys: the message
/// log, an item's JSON. Laid out from the same figures by the reducer (to hold the scroll to
/// the last page) and by the screen, so the two agree.
public struct TextPageModel: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var text: String
        public var tone: Tone
    }

    public var title: String
    /// Wrapped to the inside of the box.
    public var lines: [Line]
    /// The first line shown.
    public var scroll: Int
    /// Lines inside the box.
    public var visibleRows: Int

    /// `paragraphs` wrapped to a box filling a pane `width` x `height`; a
    /// paragraph's `lead` (its time) stands before its first line, and its
    /// other lines are indented as far.
    init(title: String, paragraphs: [(lead: String, text: String, tone: Tone)], scroll: Int, width: Int, height: Int) {
        let inside = max(1, width - 4)
        var lines: [Line] = []
        for paragraph in paragraphs {
            let lead = DisplayWidth.of(paragraph.lead)
            let wrapped = WordWrap.wrap(DisplayWidth.sanitized(paragraph.text), width: max(1, inside - lead))
            for (index, text) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                let before = index == 0 ? paragraph.lead : String(repeating: " ", count: lead)
                lines.append(Line(text: before + text, tone: paragraph.tone))
            }
        }
        self.init(title: title, lines: lines, scroll: scroll, height: height)
    }

    /// Lines laid out already, in a box filling a pane `height` rows tall.
    init(title: String, lines: [Line], scroll: Int, height: Int) {
        self.title = title
        self.lines = lines
        visibleRows = max(1, height - 2)
        self.scroll = min(max(0, scroll), max(0, lines.count - visibleRows))
    }

    /// The first line of the last page.
    public var maxScroll: Int { max(0, lines.count - visibleRows) }

    /// `lines 1-12 of 40`, in the bottom border.
    public var position: String {
        lines.isEmpty ? "empty" : "lines \(scroll + 1)-\(min(lines.count, scroll + visibleRows)) of \(lines.count)"
    }

    /// The message log, newest first, each message whole with its time.
    static func messages(_ state: State) -> TextPageModel {
        TextPageModel(
            title: "Messages — Esc or ! closes",
            paragraphs: state.messages.entries.isEmpty
                ? [("", "No messages yet", .muted)]
                : state.messages.entries.reversed().map { entry in
                    (Formatting.clock(entry.time) + "  ", entry.text, entry.kind == .error ? .error : .normal)
                },
            scroll: state.pageScroll, width: state.width, height: Layout.bodyRows(height: state.height))
    }
}

extension State {
    /// The page over the pane as laid out now, if one is open.
    var textPage: TextPageModel? {
        switch overlay {
        case .messages: TextPageModel.messages(self)
        case .raw(let item): TextPageModel.raw(item, self)
        default: nil
        }
    }

    /// Scrolls the open page, stopping at its last page.
    mutating func scrollPage(_ movement: Movement) {
        guard let page = textPage else { return }
        let target = switch movement {
        case .up: page.scroll - 1
        case .down: page.scroll + 1
        case .pageUp: page.scroll - page.visibleRows
        case .pageDown: page.scroll + page.visibleRows
        case .top: 0
        case .bottom: page.maxScroll
        }
        pageScroll = min(max(0, target), page.maxScroll)
    }
}
