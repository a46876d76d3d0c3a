import Foundation
import SesterceModels
import TextLayout

/// The help overlay: every key of the current keymap, and how cost is counted.
public struct HelpModel: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var keys: String
        public var action: String

        public init(keys: String, action: String) {
            self.keys = keys
            self.action = action
        }
    }

    public struct Section: Equatable, Sendable {
        public var title: String
        public var entries: [Entry]

        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var title = "Keys — Esc or ? closes"
    public var sections: [Section]
    public var notes: [String]
    /// The sections and the wrapped notes laid out in the pane: what is drawn,
    /// and what the reducer holds the scroll to.
    public var layout: HelpLayout
    /// The first line shown.
    public var scroll: Int

    /// Widest a cost note gets before it wraps, so the box stays readable.
    static let noteWidth = 60

    static let groups: [(String, [Command])] = [
        ("Panes", Pane.allCases.map(Command.showPane) + [.nextPane, .previousPane]),
        ("Move", [.move(.up), .move(.down), .move(.pageUp), .move(.pageDown), .move(.top), .move(.bottom)]),
        ("Rows", [.openDetail, .back, .beginFilter, .cycleSort, .reverseSort, .sortBy("N")]),
        ("Instances", [.start, .stop, .playground, .stopTimer, .mark, .clearMarks, .copyAddress]),
        ("Create and change (Instances, Registries)", [.new, .edit, .clone, .delete]),
        ("Cost", [.nextCostWindow]),
        ("General", [.refresh, .beginPrompt, .messages, .rawJSON, .help, .quit]),
    ]

    init(_ state: State, keymap: Keymap) {
        sections = Self.groups.map { title, commands in
            Section(title: title, entries: commands.compactMap { command in
                // Shift and a letter: one entry for every letter a header brackets.
                if case .sortBy = command { return Entry(keys: "Shift-A…Z", action: command.summary) }
                let keys = keymap.keys(for: command)
                guard !keys.isEmpty else { return nil }
                return Entry(keys: keys.map(Keymap.label).joined(separator: " "), action: command.summary)
            })
        }
        sections.append(Section(title: "Playground (p)", entries: [
            Entry(keys: "Enter", action: "send the prompt"),
            Entry(keys: "Esc", action: "stop a reply / leave the prompt / close"),
            Entry(keys: "i", action: "back to the prompt line"),
            Entry(keys: "b", action: "probe: 20 streamed requests, TTFT and tok/s"),
            Entry(keys: "t", action: "parameters: system prompt, temperature, top_p, ..."),
            Entry(keys: "u", action: "the same request as a curl command"),
        ]))
        sections.append(Section(title: "Filter and dialogs", entries: [
            Entry(keys: "Enter", action: "keep the filter and leave it"),
            Entry(keys: "Esc", action: "clear the filter / cancel a dialog"),
            Entry(keys: "y", action: "confirm a dialog"),
        ]))
        sections.append(Section(title: "Forms", entries: [
            Entry(keys: "Tab ↑↓", action: "next / previous field (Shift-Tab back)"),
            Entry(keys: "Space", action: "switch a toggle or a region"),
            Entry(keys: "Enter", action: "open a list / pick / new env line"),
            Entry(keys: "Ctrl-S F10", action: "submit (the price shows at the bottom)"),
            Entry(keys: "Esc", action: "close a list / leave (asks if edited)"),
        ]))
        notes = [
            "Burn rate: the sum of $/h of billed instances: ACTIVE, and any status this version does not know (shown as unknown).",
            "Starting (NEW, PENDING, DEPLOYING, PARTIALLYDEPLOYED) is not debited yet: shown apart as +$/h starting.",
            "Not billed: DISABLED, DELETING, DELETED, ERROR, FAILED (Sesterce debits only while ACTIVE).",
            "$/day = $/h x 24, $/month = $/h x 730; spent = since launch, between polls that answered (no silence counted).",
            "Autoscaling: min 0 needs the HTTP trigger; a trigger is on when its threshold is filled in.",
        ] + (state.settings.readonly ? ["Read-only: nothing can be started, stopped, created, changed or deleted."] : [])
        layout = HelpLayout(title: title, sections: sections + [Self.cost(notes, besides: sections, width: state.width)],
                            width: state.width, height: Layout.bodyRows(height: state.height))
        scroll = state.helpScroll
    }

    /// The notes as a last section, each wrapped to what a box `width` columns
    /// wide holds beside the keys of `sections` and marked with a bullet,
    /// instead of being cut in the middle of a sentence.
    private static func cost(_ notes: [String], besides sections: [Section], width: Int) -> Section {
        let keyWidth = max(1, HelpLayout.keyWidth(of: sections))
        let wrapWidth = max(10, min(noteWidth, width - HelpLayout.frame - 2 * HelpLayout.gap - keyWidth))
        return Section(title: "Cost", entries: notes.flatMap { note in
            WordWrap.wrap(note, width: wrapWidth).enumerated().map { Entry(keys: $0.offset == 0 ? "•" : "", action: $0.element) }
        })
    }
}

extension ConfirmModel {
    /// What a stopped instance costs once started, from its detail and one
    /// pod's price: `$1.44/h at min (1 pod), $5.76/h at max (4 pods)`; nil
    /// while either is unknown.
    static func runningCost(_ id: String, _ state: State) -> String? {
        guard let cost = podCost(id, state) else { return nil }
        func pods(_ count: Int) -> String { count == 1 ? "1 pod" : "\(count) pods" }
        return "\(Formatting.money(cost.low))/h at min (\(pods(cost.lowPods))), "
            + "\(Formatting.money(cost.high))/h at max (\(pods(cost.highPods)))"
    }

    /// $/h of a stopped instance once running, at its min and max pods; nil
    /// while its detail or one pod's price is unknown.
    static func podCost(_ id: String, _ state: State) -> (low: Double, high: Double, lowPods: Int, highPods: Int)? {
        guard let detail = state.details[id], !detail.regions.isEmpty,
              let perPod = state.hardwarePrices[detail.hardwareId] else { return nil }
        let low = detail.regions.map { max(0, $0.scale.min) }.saturatingSum
        let high = detail.regions.map { max(0, $0.scale.max) }.saturatingSum
        return (perPod * Double(low), perPod * Double(high), low, high)
    }
}

/// A question before changing something: answered with y, or, to delete an
/// instance, by typing its name (`input` is what was typed so far).
public struct ConfirmModel: Equatable, Sendable {
    /// One answer on the question's last line: the key and what it does
    /// ("y confirm"), and what a click on it means.
    public struct Answer: Equatable, Sendable {
        public var text: String
        /// Nil for a note that answers nothing ("pricing…": y waits for the price).
        public var meaning: QuestionAnswer?

        public init(_ text: String, _ meaning: QuestionAnswer?) {
            self.text = text
            self.meaning = meaning
        }
    }

    public var title: String
    public var message: String
    /// In the order shown, joined by `answerSeparator`.
    public var answers: [Answer]
    public var input: String?

    public static let answerSeparator = " · "

    /// The last line as drawn: "y confirm · n/Esc cancel".
    public var hint: String { answers.map(\.text).joined(separator: Self.answerSeparator) }

    init(_ mutation: Mutation, _ state: State) {
        switch mutation {
        case .start(let id, let name):
            title = "Start instance"
            message = "Start \(name)? It will be billed while it runs: \(Self.runningCost(id, state).map { "\($0)." } ?? (state.startAwaitsPrice ? "pricing…" : "price unknown."))"
        case .stop(_, let name):
            title = "Stop instance"
            message = "Stop \(name)? Its endpoint stops answering."
        case .deleteRegistry(_, let name):
            title = "Delete registry"
            message = "Delete registry \(name)? Instances using its images can no longer pull them."
        case .createRegistry(let name, _), .updateRegistry(_, let name, _):
            title = "Registry"
            message = "Save registry \(name)?"
        case .createInstance(let spec), .updateInstance(_, let spec):
            title = "Instance"
            message = "Save instance \(spec.name)?"
        case .deleteInstance(_, let name):
            title = "Delete instance"
            message = "Delete \(name)?"
        }
        answers = [state.startAwaitsPrice ? Answer("pricing…", nil) : Answer("y confirm", .yes), Answer("n/Esc cancel", .no)]
    }

    /// Deleting an instance: its name must be typed.
    init(deleting name: String, typed: String) {
        title = "Delete instance"
        message = "Delete \(name) and its endpoint in every region? This cannot be undone. Type its name to confirm:"
        answers = [Answer("Enter delete", .yes), Answer("Esc cancel", .no)]
        input = typed
    }
}

extension ConfirmModel {
    /// `T`: when to stop an instance.
    init(stopTimerOf name: String, typed: String, current: StopTimer?, now: Date) {
        title = "Stop timer"
        let existing = current.map { " It stops in \(Formatting.countdown($0.dueAt.timeIntervalSince(now))) now; empty the line to cancel." } ?? ""
        message = "Stop \(name) in (45s, 30m, 2h, 1d) or at (19:00, 2026-12-04T08:00)?" + existing
        answers = [Answer("Enter set", .yes), Answer("Esc cancel", .no)]
        input = typed
    }

    /// Esc on a form with typed values.
    init(discarding title: String) {
        self.title = "Discard changes"
        message = "Close \"\(title)\" and lose what was typed?"
        answers = [Answer("y discard", .yes), Answer("n/Esc keep editing", .no)]
    }
}
