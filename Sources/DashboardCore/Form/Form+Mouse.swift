/// What the mouse does in a form. A click focuses the line it lands on and,
/// on the line that already takes the keys, does what Space or Enter would
/// (ticks a box, opens a list); a click on an option of an open list picks
/// it. The wheel scrolls, and takes the focus along when it would leave the
/// view: keys never go to a field out of sight, and the next change to the
/// form (a new price) does not scroll back to it.
extension Form {
    /// A click on line `line` of field `id` (an option of a multi-select, a
    /// line of a key=value list, else 0). Returns the id of the field whose
    /// value changed, as `apply` does.
    @discardableResult
    public mutating func click(field id: String, line: Int) -> String? {
        guard let clicked = field(id), clicked.isFocusable else { return nil }
        if focus == .field(id), activeLine == line {
            switch clicked.kind {
            case .toggle, .multiSelect: return apply(.toggle)
            case .select(let select): return apply(select.isOpen ? .close : .enter)
            default: return nil
            }
        }
        let top = scroll
        place(focusOn: id, line: line)
        scroll = top
        keepFocusVisible()
        return nil
    }

    /// A click on an option of the open list, by its place among the options
    /// the filter keeps: picks it, as Enter on it would.
    @discardableResult
    public mutating func pick(optionAt index: Int) -> String? {
        guard isSelectOpen, case .field(let id) = focus,
              case .select(var select)? = field(id)?.kind, select.matching.indices.contains(index) else { return nil }
        select.highlight = index
        update(id) { $0.kind = .select(select) }
        return apply(.enter)
    }

    /// Turns of the wheel: the rows in view move by `rows` (down when
    /// positive); an open list moves its highlight instead. The focus stays
    /// while it stays in view, else it goes to the line in view that lets the
    /// rows go furthest (the first one scrolling down, the last scrolling up).
    public mutating func scroll(by rows: Int) {
        guard rows != 0 else { return }
        if isSelectOpen, case .field(let id) = focus, case .select(var select)? = field(id)?.kind {
            select.moveHighlight(by: rows)
            update(id) { $0.kind = .select(select) }
            return
        }
        let plan = FormPlan(self)
        let wanted = min(max(0, scroll + rows), max(0, plan.rows.count - plan.contentRows))
        guard wanted != scroll else { return }
        let shown = plan.rows.indices.filter { $0 >= wanted && $0 < wanted + plan.contentRows }
        var best: Form?
        // Each candidate as `keepFocusVisible` would leave it: the scroll must
        // move the wheel's way, and the nearest to `wanted` wins.
        func consider(_ candidate: Form) {
            guard (candidate.scroll - scroll) * rows.signum() > 0 else { return }
            if let best, abs(best.scroll - wanted) <= abs(candidate.scroll - wanted) { return }
            best = candidate
        }
        var staying = self
        staying.scroll = wanted
        staying.keepFocusVisible()
        consider(staying)
        for index in rows > 0 ? shown : shown.reversed() {
            var candidate = self
            switch plan.rows[index] {
            case .field(let line) where field(line.fieldId)?.isFocusable == true:
                candidate.place(focusOn: line.fieldId, line: line.line)
            case .submit:
                candidate.focus = .submit
            default:
                continue
            }
            candidate.scroll = wanted
            candidate.keepFocusVisible()
            consider(candidate)
        }
        if let best { self = best }
    }

    /// The line of the focused field that takes the keys.
    var activeLine: Int? {
        switch focusedField?.kind {
        case nil: nil
        case .multiSelect(let multi)?: multi.highlight
        case .keyValueList(let list)?: list.row
        default: 0
        }
    }

    /// Focus on a line of a field, the caret where arriving by Tab puts it;
    /// the caller settles the scroll.
    private mutating func place(focusOn id: String, line: Int) {
        closeOpenSelect()
        focus = .field(id)
        enterFocusedField(fromBelow: false)
        update(id) { field in
            switch field.kind {
            case .multiSelect(var multi):
                multi.highlight = min(max(0, line), max(0, multi.options.count - 1))
                field.kind = .multiSelect(multi)
            case .keyValueList(var list):
                list.moveTo(row: line)
                field.kind = .keyValueList(list)
            default:
                break
            }
        }
    }
}
