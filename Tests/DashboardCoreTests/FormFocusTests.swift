import DashboardCore
import Testing

@Suite("Form focus and keys")
struct FormFocusTests {
    static let order: [FormFocus] = [
        .field("name"), .field("description"), .field("model"), .field("port"), .field("envs"), .field("token"),
        .field("regions"), .field("min"), .field("max"), .field("cooldown"), .field("http"), .submit,
    ]

    @Test func tabVisitsEveryFieldThenSubmitAndWraps() {
        var form = formSample()
        var visited: [FormFocus] = [form.focus]
        for _ in 0..<Self.order.count {
            form.press(.tab)
            visited.append(form.focus)
        }
        #expect(visited == Self.order + [.field("name")])
    }

    @Test func shiftTabGoesBackAndWrapsToSubmit() {
        var form = formSample()
        form.press(.backTab)
        #expect(form.focus == .submit)
        form.press(.backTab)
        #expect(form.focus == .field("http"))
    }

    @Test func downAndUpWalkLinesThenFields() {
        var form = formSample()
        var visited: [FormFocus] = []
        for _ in 0..<14 {
            form.press(.down)
            visited.append(form.focus)
        }
        // The env list has its "add" line, the region list three options.
        #expect(visited == [
            .field("description"), .field("model"), .field("port"), .field("envs"), .field("token"),
            .field("regions"), .field("regions"), .field("regions"), .field("min"), .field("max"),
            .field("cooldown"), .field("http"), .submit, .field("name"),
        ])
    }

    @Test func upIntoAListLandsOnItsLastLine() {
        var form = formSample()
        form.focusField("min")
        form.press(.up)
        #expect(form.focus == .field("regions"))
        guard case .multiSelect(let multi)? = form.field("regions")?.kind else { Issue.record("not multi"); return }
        #expect(multi.highlight == 2)
    }

    @Test func skipsHeadingsDisabledHiddenAndInfoFields() {
        var form = formSample()
        form.setEnabled("description", false)
        form.setHidden("model", true)
        form.press(.tab)
        #expect(form.focus == .field("port"))
        form.focusField("http")
        form.press(.tab)
        #expect(form.focus == .submit)  // "price" is read-only text
        form.focus(.field("description"))
        #expect(form.focus == .submit)  // a disabled field cannot take focus
    }

    @Test func focusLeavesAFieldThatIsHiddenUnderIt() {
        var form = formSample()
        form.focusField("port")
        form.setHidden("port", true)
        #expect(form.focus == .field("name"))
        #expect(form.text("port") == "8000")  // hidden fields keep their value
    }

    @Test func fieldsAddedLaterJoinTheOrderAndKeepTheFocus() {
        var form = formSample()
        form.focusField("max")
        form.sections[2].fields.insert(.number("max-us", "Max us-east-1", 2, rules: [.range(min: 1, max: 2)]), at: 3)
        #expect(form.focus == .field("max"))
        form.press(.tab)
        #expect(form.focus == .field("max-us"))
        #expect(form.int("max-us") == 2)
    }

    @Test func aValidFormSubmitsWithNothingToFix() {
        var form = formSample()
        form.type("llama-3")
        form.press(.tab, .tab)
        #expect(form.input(for: .ctrl("s")) == .submit)
        let errors = form.attemptSubmit()
        #expect(errors == [])
        #expect(form.submitAttempted)
        #expect(FormModel(form).messages == [])
        #expect(form.focus == .field("model"))
    }

    @Test func formKeys() {
        var form = formSample()
        #expect(form.input(for: .ctrl("s")) == .submit)
        #expect(form.input(for: .function(10)) == .submit)
        #expect(form.input(for: .enter) == .input(.enter))
        #expect(form.input(for: .escape) == .cancel)
        #expect(form.input(for: .tab) == .input(.nextField))
        #expect(form.input(for: .backTab) == .input(.previousField))
        #expect(form.input(for: .ctrl("c")) == nil)
        #expect(form.input(for: .resize) == nil)
        #expect(form.input(for: .function(1)) == nil)
        form.focus(.submit)
        #expect(form.input(for: .enter) == .submit)
    }
}

@Suite("Form select")
struct FormSelectTests {
    func openModel() -> Form {
        var form = formSample()
        form.focusField("model")
        form.press(.enter)
        return form
    }

    func select(_ form: Form) -> SelectInput? {
        guard case .select(let select)? = form.field("model")?.kind else { return nil }
        return select
    }

    @Test func enterOpensOnTheCurrentChoice() {
        let form = openModel()
        #expect(form.isSelectOpen)
        #expect(select(form)?.highlight == 0)
        #expect(form.input(for: .escape) == .input(.close))
    }

    @Test func typingFiltersAndEnterPicks() {
        var form = openModel()
        form.type("llama")
        #expect(select(form)?.matching.map(\.id) == ["llama-8b", "llama-70b"])
        form.press(.down)
        let picked = form.apply(.enter)
        #expect(picked == "model")
        #expect(form.selected("model") == "llama-70b")
        #expect(form.isSelectOpen == false)
        #expect(select(form)?.filter == "")
        #expect(form.isEdited)
    }

    @Test func filterMatchesEveryWordInLabelOrDetail() {
        var form = openModel()
        form.type("8080 mis")
        #expect(select(form)?.matching.map(\.id) == ["mistral-7b"])
        form.press(.backspace, .backspace, .backspace, .backspace)
        #expect(select(form)?.filter == "8080")
        #expect(select(form)?.matching.map(\.id) == ["mistral-7b"])
    }

    @Test func noMatchPicksNothing() {
        var form = openModel()
        form.type("zzz")
        let picked = form.apply(.enter)
        #expect(picked == nil)
        #expect(form.isSelectOpen)
        #expect(form.selected("model") == "llama-8b")
    }

    @Test func escapeClosesKeepingTheChoice() {
        var form = openModel()
        form.press(.down, .down)
        form.press(.escape)
        #expect(form.isSelectOpen == false)
        #expect(form.selected("model") == "llama-8b")
        #expect(form.isEdited == false)
        #expect(form.input(for: .escape) == .cancel)
    }

    @Test func typingOnAClosedSelectOpensItFiltered() {
        var form = formSample()
        form.focusField("model")
        form.type("q")
        #expect(form.isSelectOpen)
        #expect(select(form)?.matching.map(\.id) == ["qwen-32b"])
        form.press(.enter)
        #expect(form.selected("model") == "qwen-32b")
    }

    @Test func tabClosesTheListAndMovesOn() {
        var form = openModel()
        form.press(.down, .tab)
        #expect(form.focus == .field("port"))
        #expect(form.selected("model") == "llama-8b")
        #expect(select(form)?.isOpen == false)
    }

    @Test func highlightStaysInTheList() {
        var form = openModel()
        form.press(.up, .up)
        #expect(select(form)?.highlight == 0)
        form.press(.down, .down, .down, .down, .down, .down)
        #expect(select(form)?.highlight == 3)
    }
}
