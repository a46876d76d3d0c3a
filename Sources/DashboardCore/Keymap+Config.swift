import TextLayout

/// Remapping from a config file: commands by name, keys by the labels the
/// help overlay shows, so that what a person reads on screen is what they write.
extension Command {
    /// Each command a key can be bound to in the normal mode, in help order,
    /// with its name in the `keys:` section: the word of its footer hint where
    /// it has one (`detail`, `filter`, `sort`, `refresh`, `quit`). A table
    /// rather than a switch so that a new command is remappable once listed.
    public static let configNames: [(command: Command, name: String)] =
        Pane.allCases.map { (Command.showPane($0), "show-\($0.title.lowercased())") } + [
            (.nextPane, "next-pane"), (.previousPane, "previous-pane"),
            (.move(.up), "up"), (.move(.down), "down"), (.move(.pageUp), "page-up"), (.move(.pageDown), "page-down"),
            (.move(.top), "top"), (.move(.bottom), "bottom"),
            (.openDetail, "detail"), (.back, "back"), (.beginFilter, "filter"),
            (.cycleSort, "sort"), (.reverseSort, "reverse-sort"), (.mark, "mark"), (.clearMarks, "clear-marks"),
            (.start, "start"), (.stop, "stop"), (.playground, "playground"), (.stopTimer, "stopTimer"), (.new, "new"), (.edit, "edit"), (.clone, "clone"), (.delete, "delete"),
            (.nextCostWindow, "cost-window"),
            (.refresh, "refresh"), (.help, "help"), (.messages, "messages"), (.beginPrompt, "prompt"), (.rawJSON, "json"), (.quit, "quit"),
            (.copyAddress, "copy-address"),
        ]

    public static var remappable: [Command] { configNames.map(\.command) }

    /// The name in the `keys:` section; nil for a command not (yet) listed.
    public var configName: String? {
        Self.configNames.first { $0.command == self }?.name
    }

    public init?(configName: String) {
        guard let entry = Self.configNames.first(where: { $0.name == configName }) else { return nil }
        self = entry.command
    }
}

extension KeyEvent {
    /// Reads a key as `Keymap.label` writes it (`q`, `Ctrl-R`, `Enter`, `PgDn`,
    /// `F1`, `↑`), also `Up`, `Escape`, `Delete`, `PageDown`; names other than
    /// single characters ignore case. Nil for anything a terminal cannot send
    /// as one key (Ctrl-M is Enter, Ctrl-I is Tab).
    public init?(label: String) {
        let arrows: [String: KeyEvent] = ["↑": .up, "↓": .down, "←": .left, "→": .right]
        if let arrow = arrows[label] {
            self = arrow
            return
        }
        if label.count == 1, let character = label.first {
            guard !character.isWhitespace, !character.isNewline else { return nil }
            self = .character(character)
            return
        }
        let lowered = label.lowercased()
        if lowered.hasPrefix("ctrl-"), lowered.count == 6, let character = lowered.last {
            let asOtherKey: Set<Character> = ["h", "i", "j", "m", "["]
            guard character.isASCII, !character.isWhitespace, !asOtherKey.contains(character) else { return nil }
            self = .ctrl(character)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        let named: [String: KeyEvent] = [
            "space": .character(" "), "ctrl-space": .ctrl("@"), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "del": .delete, "delete": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end,
        ]
        guard let key = named[lowered] else { return nil }
        self = key
    }
}

extension Keymap {
    /// Ctrl-C quits whatever the config says, so that a remapping can never
    /// leave a person without a way out.
    public static let alwaysQuit = KeyEvent.ctrl("c")

    /// Two commands asked for one key.
    public struct KeyConflict: Error, Equatable, Sendable {
        public var key: KeyEvent
        /// The command the key already belonged to, and the one that asked for it.
        public var holder: Command
        public var claimant: Command
    }

    /// This keymap with each listed command's keys replaced by the given ones.
    /// Remapped commands are applied in the order given; a key already bound to
    /// another command (by default or by an earlier remapping) is a conflict.
    public func remapping(_ remaps: [(command: Command, keys: [KeyEvent])]) throws(KeyConflict) -> Keymap {
        let remapped = Set(remaps.map(\.command))
        var result = bindings.filter { !remapped.contains($0.value) }
        if remapped.contains(.quit) { result[Self.alwaysQuit] = .quit }
        for (command, keys) in remaps {
            for key in keys {
                if let holder = result[key], holder != command {
                    throw KeyConflict(key: key, holder: holder, claimant: command)
                }
                result[key] = command
            }
        }
        return Keymap(bindings: result)
    }
}
