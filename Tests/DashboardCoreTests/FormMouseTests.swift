import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// The mouse in forms: a click focuses the line it lands on (a second click
/// on it ticks or opens), picks an option of an open list, presses Submit or
/// Cancel exactly as Ctrl-S and Esc would; the wheel scrolls and keeps the
/// focus in view.
@Suite("Mouse in forms")
struct FormMouseTests {
    static func click(_ target: ScreenTarget) -> Action { .mouse(.click(count: 1), on: target) }

    /// The Registries pane with `n` pressed: the empty registry form.
    static func registryForm() -> State {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        _ = reduce(&state, .command(.new))
        return state
    }

    @Test("A click on a field focuses it and the keys go there; a click on a heading, the border or nothing changes nothing")
    func clickFocuses() {
        var store = TestStore(Self.registryForm())
        #expect(store.state.form?.form.focus == .field("name"))
        store.send(Self.click(.formField(id: "username", line: 0))) { $0.form!.form.focus(.field("username")) }
        store.send(.formInput(.character("a"))) { $0.form!.form.apply(.character("a")) }
        #expect(store.state.form?.form.text("username") == "a")
        #expect(store.state.form?.form.text("name") == "")
        store.send(.mouse(.click(count: 1), on: nil))
        store.send(Self.click(.tab(.models)))
        store.send(Self.click(.tableRow(0)))
        store.send(Self.click(.formField(id: "no-such-field", line: 0)))
    }

    @Test("Cancel closes an untouched form at once; an edited one asks first, and its answers can be clicked")
    func cancelButton() {
        var store = TestStore(Self.registryForm())
        store.send(Self.click(.formCancel)) { $0.form = nil }
        store = TestStore(RegistryTests.filledForm())
        store.send(Self.click(.formCancel)) { $0.overlay = .discardForm }
        // While asked, the form's buttons are out of reach.
        store.send(Self.click(.formSubmit))
        store.send(Self.click(.answer(.no))) { $0.overlay = nil }
        #expect(store.state.form?.form.text("name") == "team-hub")
        store.send(Self.click(.formCancel)) { $0.overlay = .discardForm }
        store.send(Self.click(.answer(.yes))) {
            $0.overlay = nil
            $0.form = nil
        }
    }

    @Test("Submit sends what Ctrl-S sends, once; with a field to fix it sends nothing and focuses the field")
    func submitButton() {
        var store = TestStore(RegistryTests.filledForm())
        store.send(Self.click(.formSubmit), effects: [.perform(RegistryTests.teamHub), .flashExpiry(1)]) {
            $0.form!.form.clearSecrets()
            $0.submitsForm(saying: "Saving registry team-hub…")
        }
        store.send(Self.click(.formSubmit))
        store = TestStore(Self.registryForm())
        store.send(Self.click(.formField(id: "url", line: 0))) { $0.form!.form.focus(.field("url")) }
        store.send(Self.click(.formSubmit)) { _ = $0.form!.form.attemptSubmit() }
        #expect(store.state.form?.form.focus == .field("name"))
    }

    @Test("Regions: a click highlights the option it lands on, a second click on it ticks it and asks the new price")
    func multiSelectOption() throws {
        var (state, _) = InstanceFormFixture.newForm()
        guard case .multiSelect(let regions)? = InstanceFormFixture.form(state).field("regions")?.kind,
              regions.options.count >= 2 else {
            Issue.record("no regions to choose from")
            return
        }
        func highlight() -> Int? {
            guard case .multiSelect(let multi)? = state.form?.form.field("regions")?.kind else { return nil }
            return multi.highlight
        }
        let unticked = try #require(regions.options.indices.first { !regions.chosen.contains(regions.options[$0].id) })
        let other = unticked == 0 ? 1 : 0
        #expect(reduce(&state, Self.click(.formField(id: "regions", line: other))).isEmpty)
        #expect(state.form?.form.focus == .field("regions"))
        #expect(highlight() == other)
        // Another option of the focused field: highlighted, nothing ticked yet.
        #expect(reduce(&state, Self.click(.formField(id: "regions", line: unticked))).isEmpty)
        #expect(highlight() == unticked)
        #expect(state.form?.form.chosen("regions") == regions.chosenInOrder)
        let effects = reduce(&state, Self.click(.formField(id: "regions", line: unticked)))
        #expect(state.form?.form.chosen("regions").contains(regions.options[unticked].id) == true)
        #expect(effects.contains { if case .timer(.priceDebounce, _, _) = $0 { true } else { false } })
    }

    @Test("Autoscaling: a click on a trigger's threshold focuses it, typing fills it in; a click on Same limits twice switches it")
    func scalingFields() {
        var (state, _) = InstanceFormFixture.newForm(height: 40)
        let cpu = "all.cpu.threshold"
        _ = reduce(&state, Self.click(.formField(id: cpu, line: 0)))
        #expect(state.form?.form.focus == .field(cpu))
        InstanceFormFixture.type("70", into: &state)
        #expect(state.form?.form.text(cpu) == "70")
        let same = state.form?.form.bool("sameLimits")
        _ = reduce(&state, Self.click(.formField(id: "sameLimits", line: 0)))
        #expect(state.form?.form.bool("sameLimits") == same)
        _ = reduce(&state, Self.click(.formField(id: "sameLimits", line: 0)))
        #expect(state.form?.form.bool("sameLimits") == same.map(!))
    }

    @Test("A select: a click focuses, a second opens its list, a click on an option picks it and closes the list")
    func selectList() {
        var (state, _) = InstanceFormFixture.newForm(height: 40)
        #expect(state.form?.form.selected("model") == "m-llama")
        _ = reduce(&state, Self.click(.formField(id: "model", line: 0)))
        #expect(state.form?.form.isSelectOpen == false)
        _ = reduce(&state, Self.click(.formField(id: "model", line: 0)))
        #expect(state.form?.form.isSelectOpen == true)
        // The wheel moves the open list's highlight, not the form.
        let scroll = state.form?.form.scroll
        _ = reduce(&state, .mouse(.wheelDown, on: nil))
        #expect(state.form?.form.scroll == scroll)
        #expect(state.form?.form.isSelectOpen == true)
        _ = reduce(&state, Self.click(.formOption(1)))
        #expect(state.form?.form.isSelectOpen == false)
        #expect(state.form?.form.selected("model") == "m-whisper")
        // An option that is not there picks nothing.
        _ = reduce(&state, Self.click(.formOption(7)))
        #expect(state.form?.form.selected("model") == "m-whisper")
    }

    @Test("The wheel scrolls the form three rows a turn; the focus follows into view and a new price does not scroll back")
    func wheel() {
        var (state, _) = InstanceFormFixture.newForm(height: 24)
        #expect(state.form?.form.scroll == 0)
        #expect(state.form?.form.focus == .field("name"))
        _ = reduce(&state, .mouse(.wheelDown, on: nil))
        #expect(state.form?.form.scroll == 3)
        #expect(state.form?.form.focus != .field("name"))
        #expect(Self.activeLineInView(state))
        // A change from outside (the price) keeps the rows where the wheel left them.
        let token = state.form!.price.token
        _ = reduce(&state, .priceQuoted(token: token, .failure(.server(status: 503, message: "busy"))))
        #expect(state.form?.form.scroll == 3)
        var turns = 0
        while turns < 40, let model = state.form.map({ FormModel($0.form) }), model.firstRow + model.rows.count < model.totalRows {
            _ = reduce(&state, .mouse(.wheelDown, on: nil))
            #expect(Self.activeLineInView(state))
            turns += 1
        }
        let bottom = FormModel(state.form!.form)
        #expect(bottom.firstRow > 3)
        #expect(bottom.rows.last.map { if case .submit = $0 { true } else { false } } == true)
        while turns < 80, state.form!.form.scroll > 0 {
            _ = reduce(&state, .mouse(.wheelUp, on: nil))
            #expect(Self.activeLineInView(state))
            turns += 1
        }
        #expect(state.form?.form.scroll == 0)
        // Typed values were never touched by scrolling.
        #expect(state.form?.form.isEdited == false)
    }

    /// The line that takes the keys is among the rows drawn.
    static func activeLineInView(_ state: State) -> Bool {
        guard let form = state.form?.form else { return false }
        return FormModel(form).rows.contains { row in
            switch row {
            case .field(let line): line.isActive
            case .submit(_, let isFocused): isFocused
            default: false
            }
        }
    }
}
