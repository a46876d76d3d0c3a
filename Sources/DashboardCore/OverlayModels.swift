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
    }

    public var sections: [Section]
    public var notes: [String]
    public var scroll: Int

    static let groups: [(String, [Command])] = [
        ("Panes", Pane.allCases.map(Command.showPane) + [.nextPane, .previousPane]),
        ("Move", [.move(.up), .move(.down), .move(.pageUp), .move(.pageDown), .move(.top), .move(.bottom)]),
        ("Rows", [.openDetail, .back, .beginFilter, .cycleSort, .reverseSort]),
        ("Instances", [.start, .stop]),
        ("Registries", [.new, .edit, .delete]),
        ("General", [.refresh, .help, .quit]),
    ]

    init(_ state: State, keymap: Keymap) {
        sections = Self.groups.map { title, commands in
            Section(title: title, entries: commands.compactMap { command in
                let keys = keymap.keys(for: command)
                guard !keys.isEmpty else { return nil }
                return Entry(keys: keys.map(Keymap.label).joined(separator: " "), action: command.summary)
            })
        }
        sections.append(Section(title: "Filter and dialogs", entries: [
            Entry(keys: "Enter", action: "keep the filter and leave it"),
            Entry(keys: "Esc", action: "clear the filter / cancel a dialog"),
            Entry(keys: "y", action: "confirm a dialog"),
        ]))
        notes = [
            "Burn rate: the sum of $/h of instances in every status except DISABLED, DELETED, FAILED and ERROR.",
            "$/day = $/h x 24, $/month = $/h x 730; spent = integrated since launch between polls.",
        ] + (state.settings.readonly ? ["Read-only: start and stop are disabled."] : [])
        scroll = state.helpScroll
    }
}

/// A yes/no question before changing an instance.
public struct ConfirmModel: Equatable, Sendable {
    public var title: String
    public var message: String
    public var hint: String

    init(_ mutation: Mutation) {
        switch mutation {
        case .start(_, let name):
            title = "Start instance"
            message = "Start \(name)? It will be billed while it runs."
        case .stop(_, let name):
            title = "Stop instance"
            message = "Stop \(name)? Its endpoint stops answering."
        case .deleteRegistry(_, let name):
            title = "Delete registry"
            message = "Delete registry \(name)? Instances using its images can no longer pull them."
        case .createRegistry(let name, _), .updateRegistry(_, let name, _):
            title = "Registry"
            message = "Save registry \(name)?"
        }
        hint = "y confirm · n/Esc cancel"
    }
}

extension ConfirmModel {
    /// Esc on a form with typed values.
    init(discarding title: String) {
        self.title = "Discard changes"
        message = "Close \"\(title)\" and lose what was typed?"
        hint = "y discard · n/Esc keep editing"
    }
}
