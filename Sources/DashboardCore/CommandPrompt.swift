/// The `:` prompt, as in k9s: a command typed by name (`:regions`, `:q`),
/// Tab completing it and ↑/↓ going through the ones run before.
public struct CommandPrompt: Equatable, Sendable {
    public var text = ""
    /// Which earlier command ↑ brought back (0 is the latest); nil while typing.
    var recalled: Int?

    public init() {}

    /// The names the prompt knows and what each runs. Adding a command is
    /// one line here (and completion, help and errors follow).
    static let commands: [(name: String, command: Command)] = [
        ("instances", .showPane(.instances)),
        ("regions", .showPane(.regions)),
        ("hardware", .showPane(.hardware)),
        ("models", .showPane(.models)),
        ("registries", .showPane(.registries)),
        ("cost", .showPane(.cost)),
        ("events", .showPane(.events)),
        ("messages", .messages),
        ("help", .help),
        ("quit", .quit),
        ("q", .quit),
    ]

    /// `:ctx [PROFILE]`, the one command that takes a word after it (see `runContext`).
    static let context = "ctx"

    /// Every name the prompt knows, for completion and the unknown-command message.
    static let names = commands.map(\.name) + [context]

    /// Commands kept for ↑, newest last.
    static let historyLimit = 50

    /// The command named `name`, or the one it is the start of (`:reg` is
    /// ambiguous, `:regi` runs registries); nil if none or several.
    static func command(named name: String) -> Command? {
        if let exact = commands.first(where: { $0.name == name }) { return exact.command }
        let matches = completions(of: name)
        return matches.count == 1 ? commands.first { $0.name == matches[0] }?.command : nil
    }

    /// The names that start with `text`.
    static func completions(of text: String) -> [String] {
        names.filter { $0.hasPrefix(text) && !text.isEmpty }
    }
}

/// A key typed in the prompt.
public enum PromptKey: Equatable, Sendable {
    case character(Character)
    case backspace
    /// Tab: the name completed as far as it is the only one.
    case complete
    /// ↑ and ↓: an earlier command, a later one.
    case older, newer
    case run, cancel
}

extension State {
    /// `:` opens the prompt.
    mutating func openPrompt() {
        prompt = CommandPrompt()
    }

    mutating func prompt(_ key: PromptKey) -> [Effect] {
        guard var current = prompt else { return [] }
        switch key {
        case .character(let character):
            current.text.append(character)
            current.recalled = nil
        case .backspace:
            if !current.text.isEmpty { current.text.removeLast() }
            current.recalled = nil
        case .complete:
            complete(&current.text)
        case .older, .newer:
            guard !promptHistory.isEmpty else { return [] }
            let latest = promptHistory.count - 1
            let index = switch (key, current.recalled) {
            case (.older, nil): 0
            case (.older, let index?): min(latest, index + 1)
            case (_, let index?): index - 1
            default: -1
            }
            current.recalled = index >= 0 ? index : nil
            current.text = index >= 0 ? promptHistory[latest - index] : ""
        case .run:
            prompt = nil
            return runPrompt(current.text.trimmingWhitespace)
        case .cancel:
            prompt = nil
            return []
        }
        prompt = current
        return []
    }

    /// Tab: a command's name, or after `ctx ` a profile's, completed as far
    /// as it is the only one; when several remain, the footer lists them.
    /// `ctx` completed gets its blank, ready for the profile.
    private mutating func complete(_ text: inout String) {
        let contextPrefix = CommandPrompt.context + " "
        if text.hasPrefix(contextPrefix) {
            let typed = String(text.dropFirst(contextPrefix.count)).trimmingWhitespace
            let matches = settings.profiles.names.filter { $0.hasPrefix(typed) }
            if let common = Self.commonPrefix(matches), common.count > typed.count { text = contextPrefix + common }
            if matches.count > 1 { showInfo("profiles: " + matches.joined(separator: "  ")) }
        } else {
            let matches = CommandPrompt.completions(of: text)
            if let common = Self.commonPrefix(matches), common.count > text.count { text = common }
            if matches.count > 1 { showInfo(matches.map { ":" + $0 }.joined(separator: "  ")) }
            if text == CommandPrompt.context { text = contextPrefix }
        }
    }

    private mutating func runPrompt(_ text: String) -> [Effect] {
        guard !text.isEmpty else { return [] }
        if promptHistory.last != text { promptHistory.append(text) }
        if promptHistory.count > CommandPrompt.historyLimit { promptHistory.removeFirst() }
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if words[0] == CommandPrompt.context || CommandPrompt.completions(of: words[0]) == [CommandPrompt.context] {
            return runContext(words.count > 1 ? words[1].trimmingWhitespace : nil)
        }
        guard let command = CommandPrompt.command(named: text) else {
            let known = CommandPrompt.names.map { ":" + $0 }.joined(separator: " ")
            showError("Unknown command :\(text) (\(known))")
            return []
        }
        return run(command)
    }

    private static func commonPrefix(_ names: [String]) -> String? {
        guard var common = names.first else { return nil }
        for name in names.dropFirst() {
            while !name.hasPrefix(common) { common.removeLast() }
        }
        return common
    }
}
