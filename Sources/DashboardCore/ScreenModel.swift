/// Everything the screen shows, computed from `State`: the only input of the
/// renderer, so what a person sees can be tested without a terminal.
public struct ScreenModel: Equatable, Sendable {
    public enum Body: Equatable, Sendable {
        case table(TableModel)
        case detail(InstanceDetailModel)
        case cost(CostModel)
        case playground(PlaygroundModel)
    }

    public enum Overlay: Equatable, Sendable {
        case help(HelpModel)
        case page(TextPageModel)
        case confirm(ConfirmModel)
        case form(FormModel)
    }

    public struct Footer: Equatable, Sendable {
        public var flash: String?
        public var flashTone: Tone
        /// `/chat▏` while typing a filter.
        public var prompt: String?
        public var hints: [(key: String, action: String)]

        public static func == (a: Footer, b: Footer) -> Bool {
            a.flash == b.flash && a.flashTone == b.flashTone && a.prompt == b.prompt
                && a.hints.map(\.key) == b.hints.map(\.key) && a.hints.map(\.action) == b.hints.map(\.action)
        }
    }

    public var width: Int
    public var height: Int
    /// Set when the terminal is below 60x16: nothing else is drawn.
    public var tooSmall: Bool
    public var header: HeaderModel
    public var body: Body
    public var footer: Footer
    public var overlay: Overlay?
    /// The form under a "discard changes?" question, so that the person sees
    /// what they would lose.
    public var formBehind: FormModel?

    /// `keymap` names the keys in the footer and the help; by default the
    /// settings' own, which the reducer lays the help out with.
    public init(_ state: State, keymap: Keymap? = nil) {
        let keymap = keymap ?? state.settings.keymap
        width = state.width
        height = state.height
        tooSmall = !state.showsHeader
        header = HeaderModel(state)
        if let playground = state.playground {
            body = .playground(PlaygroundModel(playground, state))
        } else if let id = state.detailId {
            body = .detail(InstanceDetailModel(id: id, state))
        } else if state.pane == .cost {
            body = .cost(CostModel(state))
        } else {
            body = .table(TableModel(state.pane, state))
        }
        switch state.overlay {
        case .help: overlay = .help(HelpModel(state, keymap: keymap))
        case .messages, .raw: overlay = state.textPage.map(Overlay.page)
        case .confirm(let mutation): overlay = .confirm(ConfirmModel(mutation, state))
        case .discardForm:
            overlay = .confirm(ConfirmModel(discarding: state.form?.form.title ?? "the form"))
            formBehind = state.form.map { FormModel($0.form) }
        case .deleteInstance(_, let name, let typed): overlay = .confirm(ConfirmModel(deleting: name, typed: typed))
        case .stopTimer(let id, let name, let typed):
            overlay = .confirm(ConfirmModel(stopTimerOf: name, typed: typed, current: state.stopTimers[id], now: state.now))
        case .bulk(let action): overlay = .confirm(ConfirmModel(bulk: action, state))
        case nil: overlay = state.form.map { .form(FormModel($0.form)) }
        }
        footer = Footer(
            flash: state.flash?.text, flashTone: state.flash?.kind == .error ? .error : .accent,
            prompt: state.prompt.map { ":" + $0.text } ?? (state.filterEditing ? "/\(state.listing.filter)" : nil),
            hints: Self.hints(state, keymap))
    }

    static func playgroundHints(_ playground: Playground?) -> [(key: String, action: String)] {
        switch playground?.focus {
        case .secret?: return [("type", "the secret"), ("Enter", "keep it"), ("Esc", "close")]
        case .prompt?:
            return playground?.streaming != nil ? [("Esc", "stop the reply")] : [("Enter", "send"), ("Esc", "leave the prompt")]
        default:
            if playground?.streaming != nil || playground?.probe?.isRunning == true { return [("Esc", "stop")] }
            return [("i", "prompt"), ("b", "probe"), ("t", "parameters"), ("u", "curl"), ("Esc", "close"), ("?", "help")]
        }
    }

    static func hints(_ state: State, _ keymap: Keymap) -> [(key: String, action: String)] {
        func key(_ command: Command, _ fallback: String) -> String {
            keymap.keys(for: command).first.map(Keymap.label) ?? fallback
        }
        switch state.inputMode {
        case .filter: return [("type", "filter"), ("Enter", "keep"), ("Esc", "clear")]
        case .confirm: return [("y", "confirm"), ("n/Esc", "cancel")]
        case .typedConfirm:
            if case .stopTimer = state.overlay { return [("type", "2h or 19:00"), ("Enter", "set"), ("Esc", "cancel")] }
            if case .bulk(let action) = state.overlay {
                return action.kind == .stopTimer ? [("type", "2h or 19:00"), ("Enter", "set"), ("Esc", "cancel")]
                    : [("type", BulkAction.deleteWord), ("Enter", "delete"), ("Esc", "cancel")]
            }
            return [("type", "the name"), ("Enter", "delete"), ("Esc", "cancel")]
        case .help: return [("↑↓ PgUp PgDn g G", "scroll"), ("Esc/?", "close help")]
        case .page: return [("↑↓ PgUp PgDn g G", "scroll"), ("Esc", "close")]
        case .prompt: return [("Tab", "complete"), ("↑↓", "earlier"), ("Enter", "run"), ("Esc", "cancel")]
        case .form: return (state.form.map { FormModel($0.form).hints } ?? []).map { ($0.key, $0.action) }
        case .playground: return playgroundHints(state.playground)
        case .normal: break
        }
        var hints: [(key: String, action: String)] = []
        if state.detailId != nil {
            hints = [(key(.back, "Esc"), "back"), ("↑↓", "scroll")]
        } else if state.pane == .instances, state.marks.isEmpty {
            // With rows marked, what acts on them goes first instead.
            hints.append((key(.openDetail, "Enter"), "open"))
        } else if state.pane == .cost {
            hints = [(key(.nextCostWindow, "w"), "chart window")]
        }
        // What changes an instance comes before filter and sort: at 80
        // columns every one of them fits, with `? help` kept last.
        let marking = state.pane == .instances && state.detailId == nil && !state.settings.readonly
        if marking, !state.marks.isEmpty {
            // What acts on the marked rows, and how to let go of them.
            hints += [(key(.start, "s"), "start"), (key(.stop, "x"), "stop"), (key(.stopTimer, "T"), "timer"),
                      (key(.delete, "D"), "delete"), (key(.clearMarks, "\\"), "unmark")]
        } else if state.pane == .instances, !state.settings.readonly {
            hints += [(key(.start, "s"), "start"), (key(.stop, "x"), "stop"), (key(.new, "n"), "new"),
                      (key(.edit, "e"), "edit"), (key(.clone, "c"), "clone"), (key(.delete, "D"), "delete")]
        }
        if state.detailId == nil, state.pane != .cost {
            // Arrows and j/k need no hint.
            hints += [(key(.beginFilter, "/"), "filter"), (key(.cycleSort, "o"), "sort")]
        }
        if marking { hints.append((key(.mark, "Space"), "mark")) }
        if state.pane == .registries, !state.settings.readonly {
            hints += [(key(.new, "n"), "new"), (key(.edit, "e"), "edit"), (key(.delete, "D"), "delete")]
        }
        hints += [(key(.refresh, "r"), "refresh"), (key(.help, "?"), "help"), (key(.quit, "q"), "quit")]
        return hints
    }
}
