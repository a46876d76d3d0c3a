import Foundation
import SesterceModels
import TextLayout

/// `y`: the selected item as JSON (an instance with its detail when known, a
/// region, a flavor, a model, a registry), for what no pane shows. Taken when
/// asked, scrolled like the message log; env values are masked, as
/// everywhere on screen.
public struct RawItem: Equatable, Sendable {
    public var title: String
    /// Pretty-printed, keys sorted.
    public var json: String
}

extension State {
    /// `y` on a pane or an open detail; nothing on the Cost pane or an empty one.
    mutating func showRawJSON() {
        guard let item = selectedRawItem else {
            showInfo("y shows the selected row as JSON: nothing is selected")
            return
        }
        overlay = .raw(item)
        pageScroll = 0
    }

    private var selectedRawItem: RawItem? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        func item(_ name: String, _ value: some Encodable) -> RawItem? {
            (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }.map { RawItem(title: name, json: $0) }
        }
        let id = detailId ?? listing.selectedId
        guard let id else { return nil }
        switch detailId == nil ? pane : .instances {
        case .instances:
            if var detail = details[id] {
                detail.envs = detail.envs.mapValues { _ in Self.masked }
                return item(detail.name, detail)
            }
            return instances.first { $0.id == id }.flatMap { item($0.name, $0) }
        case .regions: return regions.first { String($0.id) == id }.flatMap { item($0.name, $0) }
        case .hardware: return hardware.first { $0.id == id }.flatMap { item($0.name, $0) }
        case .models: return models.first { $0.id == id }.flatMap { item($0.name, $0) }
        case .registries: return registries.first { $0.id == id }.flatMap { item($0.name, $0) }
        case .events: return events.first { $0.listId == id }.flatMap { item($0.kind.label, $0) }
        case .cost: return nil
        }
    }

    /// What an env value shows as: its length and content are the owner's.
    static let masked = "••••••"
}

extension TextPageModel {
    /// An item's JSON, its indentation kept; a line wider than the box goes
    /// on under itself rather than being cut.
    static func raw(_ item: RawItem, _ state: State) -> TextPageModel {
        let inside = max(1, state.width - 4)
        var lines: [String] = []
        for line in item.json.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = DisplayWidth.sanitized(line)[...]
            repeat {
                var taken = 0, end = rest.startIndex
                while end < rest.endIndex, taken + DisplayWidth.of(rest[end]) <= inside {
                    taken += DisplayWidth.of(rest[end])
                    end = rest.index(after: end)
                }
                if end == rest.startIndex, end < rest.endIndex { end = rest.index(after: end) }
                lines.append(String(rest[..<end]))
                rest = rest[end...]
            } while !rest.isEmpty
        }
        return TextPageModel(
            title: "\(item.title) as JSON — Esc or y closes", lines: lines.map { Line(text: $0, tone: .normal) },
            scroll: state.pageScroll, height: Layout.bodyRows(height: state.height))
    }
}
