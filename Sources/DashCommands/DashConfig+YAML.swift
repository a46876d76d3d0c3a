import DashboardCore
import Foundation
import SesterceModels
import TextLayout
import Yams

extension DashConfig {
    /// Reads `config.yaml`. Strict on purpose: an unknown setting or a value out
    /// of range is an error naming the line and the field, never silently
    /// ignored, so that a typo (`theme: drak`, `refesh: 10`) is noticed at once.
    ///
    /// - Parameter file: the file as shown in errors (`~/.config/...`).
    public init(yaml text: String, file: String) throws(ConfigError) {
        func fail(_ node: Node?, _ field: String?, _ problem: String) -> ConfigError {
            ConfigError(file: file, line: node?.mark?.line, field: field, problem: problem)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        } catch {
            throw ConfigError(file: file, line: nil, field: nil, problem: "not readable as YAML: \(error)")
        }
        self.init()
        guard let root else { return }
        guard case .mapping(let settings) = root else {
            throw fail(root, nil, "expected settings as `name: value` lines (\(Self.settings.joined(separator: ", ")))")
        }
        for (key, value) in settings {
            guard case .scalar(let name) = key else { throw fail(key, nil, "expected a setting name") }
            switch name.string {
            case "refresh":
                let text = try Self.scalar(value, field: "refresh", file: file)
                guard let seconds = Double(text), Self.refreshRange.contains(seconds) else {
                    throw fail(value, "refresh", "expected seconds from 1 to 3600, got \(Self.quoted(text))")
                }
                refresh = seconds
            case "theme":
                let text = try Self.scalar(value, field: "theme", file: file)
                guard let choice = ThemeChoice(rawValue: text) else {
                    throw fail(value, "theme", "expected dark, light or mono, got \(Self.quoted(text))")
                }
                theme = choice
            case "profile":
                let text = try Self.scalar(value, field: "profile", file: file)
                guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" }) else {
                    throw fail(value, "profile", "expected a profile name of ~/.sesterce/credentials, got \(Self.quoted(text))")
                }
                profile = text
            case "mouse":
                let text = try Self.scalar(value, field: "mouse", file: file)
                guard let on = ["true": true, "false": false][text] else {
                    throw fail(value, "mouse", "expected true or false, got \(Self.quoted(text))")
                }
                mouse = on
            case "keys":
                keymap = try Self.keymap(value, file: file)
            case "budget":
                budget = try Self.budget(value, file: file)
            case "ledger":
                retentionDays = try Self.ledger(value, file: file)
            case "alerts":
                (alerts, webhook) = try Self.alertSettings(value, file: file)
            case "detailRate":
                let text = try Self.scalar(value, field: "detailRate", file: file)
                guard let rate = Double(text), Self.detailRateRange.contains(rate) else {
                    throw fail(value, "detailRate", "expected requests a second from 0.1 to 50, got \(Self.quoted(text))")
                }
                detailRate = rate
            default:
                throw fail(key, name.string, "unknown setting; known: \(Self.settings.joined(separator: ", "))")
            }
        }
    }

    /// `keys:`, a mapping of command name to one key or a list of keys.
    private static func keymap(_ node: Node, file: String) throws(ConfigError) -> Keymap {
        if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain { return .standard }
        guard case .mapping(let entries) = node else {
            throw ConfigError(file: file, line: node.mark?.line, field: "keys", problem: "expected `command: key` lines below it")
        }
        var remaps: [(command: Command, keys: [KeyEvent])] = []
        var lines: [Command: Int?] = [:]
        for (key, value) in entries {
            let name = key.string ?? ""
            let field = "keys.\(name)"
            guard let command = Command(configName: name) else {
                let known = Command.configNames.map(\.name).joined(separator: ", ")
                throw ConfigError(file: file, line: key.mark?.line, field: field, problem: "unknown command; known: \(known)")
            }
            let labels: [(String, Node)]
            if case .sequence(let list) = value {
                labels = try list.map { item throws(ConfigError) in (try scalar(item, field: field, file: file), item) }
            } else {
                labels = [(try scalar(value, field: field, file: file), value)]
            }
            guard !labels.isEmpty else {
                throw ConfigError(file: file, line: value.mark?.line, field: field, problem: "expected at least one key")
            }
            var keys: [KeyEvent] = []
            for (label, item) in labels {
                guard let key = KeyEvent(label: label) else {
                    throw ConfigError(
                        file: file, line: item.mark?.line, field: field,
                        problem: "unknown key \(quoted(label)); write keys as the help shows them: q, Q, Ctrl-R, Enter, Esc, Tab, Space, F1, PgDn, Up")
                }
                keys.append(key)
            }
            remaps.append((command, keys))
            lines[command] = key.mark?.line
        }
        do {
            return try Keymap.standard.remapping(remaps)
        } catch {
            let label = Keymap.label(error.key)
            let holder = error.holder.configName ?? error.holder.summary
            let problem = error.holder == .quit && error.key == Keymap.alwaysQuit
                ? "\(label) always quits"
                : "\(label) is already the key of \(holder); map \(holder) to another key too"
            let claimant = error.claimant.configName ?? error.claimant.summary
            throw ConfigError(file: file, line: lines[error.claimant] ?? nil, field: "keys.\(claimant)", problem: problem)
        }
    }

    /// `alerts:` with `on:` (a list of event classes), `bell:`, `desktop:`
    /// (true or false) and `webhook:` (an http(s) URL).
    private static func alertSettings(_ node: Node, file: String) throws(ConfigError) -> (AlertSettings, URL?) {
        var alerts = AlertSettings(), webhook: URL?
        let fields = ["on", "bell", "desktop", "webhook"]
        for (name, value) in try section(node, field: "alerts", known: fields, file: file) {
            let field = "alerts.\(name)"
            func fail(_ problem: String) -> ConfigError {
                ConfigError(file: file, line: value.mark?.line, field: field, problem: problem)
            }
            switch name {
            case "on":
                guard case .sequence(let list) = value else {
                    throw fail("expected a list such as [error, partial, ready, stopped, deleted, budget, timer]")
                }
                var classes = Set<AlertClass>()
                for item in list {
                    let text = try scalar(item, field: field, file: file)
                    guard let alert = AlertClass(rawValue: text) else {
                        throw fail("unknown event \(quoted(text)); known: \(AlertClass.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    classes.insert(alert)
                }
                alerts.on = classes
            case "bell", "desktop":
                let text = try scalar(value, field: field, file: file)
                guard let on = ["true": true, "false": false][text] else { throw fail("expected true or false, got \(quoted(text))") }
                if name == "bell" { alerts.bell = on } else { alerts.desktop = on }
            default:
                let text = try scalar(value, field: field, file: file)
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw fail("expected an http(s) URL such as https://hooks.example.com/…")
                }
                webhook = url
                alerts.webhook = true
            }
        }
        return (alerts, webhook)
    }

    /// `budget:`, `monthly:` and/or `daily:` in dollars.
    private static func budget(_ node: Node, file: String) throws(ConfigError) -> Budget {
        var budget = Budget()
        for (name, value) in try section(node, field: "budget", known: ["monthly", "daily"], file: file) {
            let text = try scalar(value, field: "budget.\(name)", file: file)
            guard let dollars = Double(text.replacingOccurrences(of: "$", with: "")), dollars > 0, dollars.isFinite else {
                throw ConfigError(
                    file: file, line: value.mark?.line, field: "budget.\(name)",
                    problem: "expected dollars above 0, got \(quoted(text))")
            }
            if name == "monthly" { budget.monthly = dollars } else { budget.daily = dollars }
        }
        return budget
    }

    /// `ledger:`, with `retentionDays:`.
    private static func ledger(_ node: Node, file: String) throws(ConfigError) -> Int? {
        var days: Int?
        for (_, value) in try section(node, field: "ledger", known: ["retentionDays"], file: file) {
            let text = try scalar(value, field: "ledger.retentionDays", file: file)
            guard let number = Int(text), retentionRange.contains(number) else {
                throw ConfigError(
                    file: file, line: value.mark?.line, field: "ledger.retentionDays",
                    problem: "expected days from \(retentionRange.lowerBound) to \(retentionRange.upperBound), got \(quoted(text))")
            }
            days = number
        }
        return days
    }

    /// The `name: value` entries of a section, each name one of `known`.
    private static func section(_ node: Node, field: String, known: [String], file: String) throws(ConfigError) -> [(String, Node)] {
        guard case .mapping(let entries) = node else {
            throw ConfigError(
                file: file, line: node.mark?.line, field: field,
                problem: "expected \(known.map { "`\($0): …`" }.joined(separator: " and/or ")) below it")
        }
        var result: [(String, Node)] = []
        for (key, value) in entries {
            let name = key.string ?? ""
            guard known.contains(name) else {
                throw ConfigError(
                    file: file, line: key.mark?.line, field: "\(field).\(name)",
                    problem: "unknown setting; known: \(known.joined(separator: ", "))")
            }
            result.append((name, value))
        }
        return result
    }

    /// The text of a single value; a list or a section where one value belongs is an error.
    private static func scalar(_ node: Node, field: String, file: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw ConfigError(file: file, line: node.mark?.line, field: field, problem: "expected a single value")
        }
        return scalar.string
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, field: nil, problem: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(
                file: file, line: context.mark.line, field: duplicates.first, problem: "set more than once")
        default:
            return ConfigError(file: file, line: nil, field: nil, problem: "not readable as YAML: \(error)")
        }
    }
}
