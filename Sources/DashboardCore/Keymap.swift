import TextLayout

/// Turns key presses into actions. Normal-mode keys are a table of bindings
/// (remappable); text entry, confirmations and the help overlay have fixed keys.
public struct Keymap: Equatable, Sendable {
    public var bindings: [KeyEvent: Command]

    public static let standard = Keymap(bindings: [
        .character("1"): .showPane(.instances), .character("2"): .showPane(.regions),
        .character("3"): .showPane(.hardware), .character("4"): .showPane(.models),
        .character("5"): .showPane(.registries), .character("6"): .showPane(.cost), .character("7"): .showPane(.events),
        .character("w"): .nextCostWindow,
        .tab: .nextPane, .backTab: .previousPane,
        .character("j"): .move(.down), .down: .move(.down),
        .character("k"): .move(.up), .up: .move(.up),
        .pageDown: .move(.pageDown), .pageUp: .move(.pageUp), .ctrl("f"): .move(.pageDown), .ctrl("b"): .move(.pageUp),
        .character("g"): .move(.top), .home: .move(.top),
        .character("G"): .move(.bottom), .end: .move(.bottom),
        .enter: .openDetail, .escape: .back,
        .character("/"): .beginFilter,
        .character("o"): .cycleSort, .character("O"): .reverseSort,
        .character(" "): .mark, .ctrl("@"): .clearMarks, .character("\\"): .clearMarks,
        .character("s"): .start, .character("x"): .stop,
        .character("n"): .new, .character("e"): .edit, .character("c"): .clone,
        .character("D"): .delete,
        .character("r"): .refresh, .ctrl("r"): .refresh,
        .character("p"): .playground, .character("T"): .stopTimer,
        .character("?"): .help, .function(1): .help,
        .character("!"): .messages, .character(":"): .beginPrompt, .character("y"): .rawJSON,
        .character("Y"): .copyAddress,
        .character("q"): .quit, .ctrl("c"): .quit,
    ])

    public init(bindings: [KeyEvent: Command]) {
        self.bindings = bindings
    }

    /// The action for `key` in the state's current input mode, if any.
    public func action(for key: KeyEvent, in state: State) -> Action? {
        if key == .resize { return nil }
        switch state.inputMode {
        case .confirm:
            switch key {
            case .character("y"), .character("Y"): return .confirm
            case .character("n"), .character("N"), .escape, .character("q"): return .cancel
            case .ctrl("c"): return .command(.quit)
            default: return nil
            }
        case .typedConfirm:
            switch key {
            case .character(let character): return .confirmInput(character)
            case .backspace, .delete: return .confirmBackspace
            case .enter: return .confirm
            case .escape: return .cancel
            case .ctrl("c"): return .command(.quit)
            default: return nil
            }
        case .help:
            switch key {
            case .escape, .character("?"), .character("q"), .enter, .function(1): return .command(.help)
            default: return scrolling(key)
            }
        case .prompt:
            switch key {
            case .character(let character): return .prompt(.character(character))
            case .backspace, .delete: return .prompt(.backspace)
            case .tab: return .prompt(.complete)
            case .up: return .prompt(.older)
            case .down: return .prompt(.newer)
            case .enter: return .prompt(.run)
            case .escape: return .prompt(.cancel)
            case .ctrl("c"): return .command(.quit)
            default: return nil
            }
        case .page:
            switch key {
            case .escape, .character("q"), .enter:
                if case .raw? = state.overlay { return .command(.rawJSON) }
                return .command(.messages)
            case .character("!"): return .command(.messages)
            case .character("y"): return .command(.rawJSON)
            default: return scrolling(key)
            }
        case .filter:
            switch key {
            case .character(let character): return .filterInput(character)
            case .backspace, .delete: return .filterBackspace
            case .ctrl("w"): return .filterDeleteWord
            case .ctrl("u"): return .filterDeleteAll
            case .enter: return .commitFilter
            case .escape: return .clearFilter
            case .ctrl("c"): return .command(.quit)
            case .up: return .command(.move(.up))
            case .down: return .command(.move(.down))
            default: return nil
            }
        case .form:
            switch state.form?.form.input(for: key) {
            case .input(let input)?: return .formInput(input)
            case .submit?: return .submitForm
            case .cancel?: return .cancelForm
            case nil: return key == .ctrl("c") ? .command(.quit) : nil
            }
        case .playground:
            return key == .ctrl("c") ? .command(.quit) : .playgroundKey(key)
        case .normal:
            return bindings[key].map(Action.command) ?? sortLetter(key).map { .command(.sortBy($0)) }
        }
    }

    /// Shift and a letter sorts by the column that letter marks, unless the
    /// keymap gives the key to a command (`D`, `G`, `O`, `T` by default).
    public func sortLetter(_ key: KeyEvent) -> Character? {
        guard case .character(let character) = key, bindings[key] == nil,
              character.isASCII, character.isUppercase else { return nil }
        return character
    }

    /// In the help or a page of text: the arrows and the keymap's movement
    /// keys (j, k, PgDn, g, G…) scroll it; Ctrl-C still quits.
    private func scrolling(_ key: KeyEvent) -> Action? {
        switch key {
        case .ctrl("c"): return .command(.quit)
        case .down: return .command(.move(.down))
        case .up: return .command(.move(.up))
        default:
            if case .move(let movement)? = bindings[key] { return .command(.move(movement)) }
            return nil
        }
    }

    /// The keys bound to a command, for hints and help: short ones first.
    public func keys(for command: Command) -> [KeyEvent] {
        bindings.filter { $0.value == command }.map(\.key).sorted {
            (Self.label($0).count, Self.label($0)) < (Self.label($1).count, Self.label($1))
        }
    }

    /// How a key is written in hints and help: `j`, `Enter`, `Ctrl-C`, `PgDn`.
    public static func label(_ key: KeyEvent) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .ctrl("@"): "Ctrl-Space"  // what a terminal sends for it (NUL)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .mouse: "mouse"
        }
    }
}
