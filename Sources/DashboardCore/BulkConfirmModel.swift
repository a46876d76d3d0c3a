import SesterceModels

/// The one question before changing every marked instance: which ones (names
/// cut after a few), which marked ones are left out and why, and what the
/// burn rate gains or loses, counted by the billing rule (`Billing`).
extension ConfirmModel {
    /// Names shown before "and N more": the box stays a few lines high.
    static let namesShown = 6

    init(bulk action: BulkAction, _ state: State) {
        let count = State.count(action.targets.count)
        let names = Self.list(action.targets.map(\.name))
        let instances = action.targets.compactMap { target in state.instances.first { $0.id == target.id } }
        var lines: [String]
        switch action.kind {
        case .start:
            title = "Start \(count)"
            lines = [names + "?", "Billed once running: " + Self.startCost(action, state)]
        case .stop:
            title = "Stop \(count)"
            lines = [names + "?", "Burn rate: " + Self.saving(instances, state) + ". Their endpoints stop answering."]
        case .stopTimer:
            title = "Stop timer of \(count)"
            lines = [names, "Burn rate once stopped: " + Self.saving(instances, state) + ".",
                     "Stop them in (45s, 30m, 2h, 1d) or at (19:00, 2026-12-04T08:00)? An empty line cancels their timers."]
        case .delete:
            title = "Delete \(count)"
            lines = [names, "Burn rate: " + Self.saving(instances, state) + ".",
                     "Their endpoints go in every region; this cannot be undone. Type \(BulkAction.deleteWord) to confirm:"]
        }
        let reasons = action.leftOut.reduce(into: [String: [String]]()) { $0[$1.reason, default: []].append($1.name) }
        for reason in reasons.keys.sorted() {
            lines.insert("Left out, \(reason): \(Self.list(reasons[reason]!)).", at: lines.count - (action.isTyped ? 1 : 0))
        }
        message = lines.joined(separator: "\n")
        switch action.kind {
        case .start, .stop:
            answers = [state.startAwaitsPrice ? Answer("pricing…", nil) : Answer("y confirm", .yes), Answer("n/Esc cancel", .no)]
        case .stopTimer: answers = [Answer("Enter set", .yes), Answer("Esc cancel", .no)]
        case .delete: answers = [Answer("Enter delete", .yes), Answer("Esc cancel", .no)]
        }
        input = action.isTyped ? action.typed : nil
    }

    /// "a, b, c and 4 more".
    static func list(_ names: [String]) -> String {
        guard names.count > namesShown else {
            return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
        return names.prefix(namesShown).joined(separator: ", ") + " and \(names.count - namesShown) more"
    }

    /// What stopping (or deleting) `instances` takes off the burn rate: the
    /// $/h of those billed now, and apart what those starting would have cost.
    static func saving(_ instances: [Instance], _ state: State) -> String {
        func sum(_ billing: Billing) -> Double {
            instances.filter { Billing(PaneTable.displayStatus($0, state)) == billing }.map(\.hourlyPrice).reduce(0, +)
        }
        let billed = sum(.billed), starting = sum(.starting)
        let now = billed > 0 ? "−\(Formatting.money(billed))/h" : "unchanged (none is billed now)"
        return starting > 0 ? now + ", and \(Formatting.money(starting))/h starting no longer due" : now
    }

    /// What starting them adds once they run, at min and at max pods: from
    /// each one's detail and one pod's price, as a single start says it.
    static func startCost(_ action: BulkAction, _ state: State) -> String {
        let ranges = action.targets.map { podCost($0.id, state) }
        guard ranges.allSatisfy({ $0 != nil }) else { return "pricing…" }
        let low = ranges.compactMap { $0?.low }.reduce(0, +)
        let high = ranges.compactMap { $0?.high }.reduce(0, +)
        return "+\(Formatting.money(low))/h at min, +\(Formatting.money(high))/h at max pods"
    }
}
