import TextLayout

/// What a key does inside a form, once `Form.input(for:)` has read it.
public enum FormInput: Equatable, Sendable {
    /// Typed or pasted: inserted in text, filters an open list (and opens a
    /// closed one), ignored where it makes no sense (letters in a number).
    case character(Character)
    case backspace, delete, left, right, home, end
    /// Ctrl-U: deletes from the cursor back to the start of the line, or
    /// clears an open list's filter.
    case deleteToStart
    /// The previous / next line: the highlight in an open list, the option of a
    /// multi-select, the line of a key=value list; past the first or last line
    /// (and in one-line fields), the previous / next field.
    case up, down
    /// Tab / Shift-Tab: the next / previous field (closing an open list),
    /// wrapping around through the Submit button.
    case nextField, previousField
    /// Space on a toggle or a multi-select option.
    case toggle
    /// Opens a select's list or picks the highlighted option; toggles a toggle
    /// or option; splits a line of a key=value list; else goes to the next field.
    case enter
    /// Closes an open list without changing the choice (Esc).
    case close
}

/// What a key means to a form: an input for the focused field, or a request
/// for the caller to act on the whole form.
public enum FormKeyResult: Equatable, Sendable {
    case input(FormInput)
    /// Ctrl-S, F10, or Enter on the Submit button: call `attemptSubmit()`.
    case submit
    /// Esc with no list open: leave the form (ask first when `isEdited`).
    case cancel
}

extension Form {
    /// What `key` means in this form, or nil for keys the form leaves to the
    /// caller (Ctrl-C, resize, function keys other than F10).
    public func input(for key: KeyEvent) -> FormKeyResult? {
        switch key {
        case .ctrl("s"), .function(10): return .submit
        case .enter: return focus == .submit ? .submit : .input(.enter)
        case .escape: return isSelectOpen ? .input(.close) : .cancel
        case .tab: return .input(.nextField)
        case .backTab: return .input(.previousField)
        case .up: return .input(.up)
        case .down: return .input(.down)
        case .left: return .input(.left)
        case .right: return .input(.right)
        case .home, .ctrl("a"): return .input(.home)
        case .end, .ctrl("e"): return .input(.end)
        case .ctrl("u"): return .input(.deleteToStart)
        case .backspace: return .input(.backspace)
        case .delete: return .input(.delete)
        case .character(" "):
            switch focusedField?.kind {
            case .toggle?, .multiSelect?: return .input(.toggle)
            default: return .input(.character(" "))
            }
        case .character(let character): return .input(.character(character))
        default: return nil
        }
    }

    /// Applies one input to the focused field or to the focus, keeping the
    /// focused field in view. Returns the id of the field whose value changed
    /// (to ask for a new price, say), or nil when no value changed.
    @discardableResult
    public mutating func apply(_ input: FormInput) -> String? {
        defer { keepFocusVisible() }
        switch input {
        case .nextField:
            moveFocus(by: 1, fromBelow: false)
            return nil
        case .previousField:
            moveFocus(by: -1, fromBelow: false)
            return nil
        default:
            break
        }
        guard let field = focusedField else {
            switch input {
            case .up: moveFocus(by: -1, fromBelow: true)
            case .down: moveFocus(by: 1, fromBelow: false)
            default: break
            }
            return nil
        }
        var kind = field.kind
        let outcome = Self.edit(&kind, with: input)
        if kind != field.kind { update(field.id) { $0.kind = kind } }
        switch outcome {
        case .unchanged: break
        case .changed: markChanged(field.id); return field.id
        case .previousField: moveFocus(by: -1, fromBelow: true)
        case .nextField: moveFocus(by: 1, fromBelow: false)
        }
        return nil
    }

    /// What an input did to a field.
    private enum EditOutcome {
        /// Nothing, or only the caret or highlight moved.
        case unchanged
        /// The value changed.
        case changed
        /// The input leaves the field.
        case previousField, nextField
    }

    private static func edit(_ kind: inout FormField.Kind, with input: FormInput) -> EditOutcome {
        switch kind {
        case .text(var text):
            defer { kind = .text(text) }
            return editLine(&text, input, accepts: \.isTypable)
        case .number(var text):
            defer { kind = .number(text) }
            return editLine(&text, input) { $0.isASCII && $0.isWholeNumber }
        case .secret(var secret):
            defer { kind = .secret(secret) }
            return editLine(&secret.input, input, accepts: \.isTypable)
        case .select(var select):
            defer { kind = .select(select) }
            return editSelect(&select, input)
        case .multiSelect(var multi):
            defer { kind = .multiSelect(multi) }
            switch input {
            case .up:
                guard multi.highlight > 0 else { return .previousField }
                multi.highlight -= 1
            case .down:
                guard multi.highlight + 1 < multi.options.count else { return .nextField }
                multi.highlight += 1
            case .toggle, .enter, .character(" "):
                return multi.toggleHighlighted() ? .changed : .unchanged
            default: break
            }
            return .unchanged
        case .toggle(let isOn):
            switch input {
            case .toggle, .enter, .character(" "):
                kind = .toggle(!isOn)
                return .changed
            case .up: return .previousField
            case .down: return .nextField
            default: return .unchanged
            }
        case .keyValueList(var list):
            defer { kind = .keyValueList(list) }
            return editList(&list, input)
        case .info:
            switch input {
            case .up: return .previousField
            case .down: return .nextField
            default: return .unchanged
            }
        }
    }

    private static func editLine(_ text: inout TextInput, _ input: FormInput,
                                 accepts: (Character) -> Bool) -> EditOutcome {
        switch input {
        case .character(let character):
            guard accepts(character) else { return .unchanged }
            text.insert(character)
            return .changed
        case .backspace: return text.backspace() ? .changed : .unchanged
        case .delete: return text.delete() ? .changed : .unchanged
        case .deleteToStart: return text.deleteToStart() ? .changed : .unchanged
        case .left: text.left()
        case .right: text.right()
        case .home: text.home()
        case .end: text.end()
        case .up: return .previousField
        case .down, .enter: return .nextField
        case .toggle, .close, .nextField, .previousField: break
        }
        return .unchanged
    }

    private static func editSelect(_ select: inout SelectInput, _ input: FormInput) -> EditOutcome {
        guard select.isOpen else {
            switch input {
            case .enter, .toggle: select.open()
            case .character(let character) where character.isTypable:
                select.open(filter: character == " " ? "" : String(character))
            case .up: return .previousField
            case .down: return .nextField
            default: break
            }
            return .unchanged
        }
        switch input {
        case .character(let character) where character.isTypable:
            select.filter.append(character)
            select.highlight = 0
        case .backspace:
            if !select.filter.isEmpty {
                select.filter.removeLast()
                select.highlight = 0
            }
        case .deleteToStart:
            select.filter = ""
            select.highlight = 0
        case .up: select.moveHighlight(by: -1)
        case .down: select.moveHighlight(by: 1)
        case .home: select.highlight = 0
        case .end: select.highlight = max(0, select.matching.count - 1)
        case .enter:
            let before = select.selected
            guard select.pick() else { return .unchanged }
            return select.selected == before ? .unchanged : .changed
        case .close: select.close()
        default: break
        }
        return .unchanged
    }

    private static func editList(_ list: inout KeyValueListInput, _ input: FormInput) -> EditOutcome {
        switch input {
        case .character(let character):
            guard character.isTypable else { return .unchanged }
            return list.insert(character) ? .changed : .unchanged
        case .backspace: return list.backspace() ? .changed : .unchanged
        case .delete: return list.delete() ? .changed : .unchanged
        case .deleteToStart: return list.deleteToStart() ? .changed : .unchanged
        case .left: list.left()
        case .right: list.right()
        case .home: list.home()
        case .end: list.end()
        case .up:
            guard list.row > 0 else { return .previousField }
            list.moveTo(row: list.row - 1)
        case .down:
            guard list.row < list.lines.count else { return .nextField }
            list.moveTo(row: list.row + 1)
        case .enter: return list.newLine() ? .changed : .nextField
        case .toggle, .close, .nextField, .previousField: break
        }
        return .unchanged
    }
}
