import DashboardCore
import Testing

@Suite("Form validation")
struct FormValidationTests {
    func message(_ form: Form, _ id: String) -> String? {
        form.validate().first { $0.fieldId == id }?.message
    }

    /// The error line drawn under a field, if any.
    func shownError(_ form: Form, _ id: String) -> String? {
        let plan = FormModel(form.resized(to: 200))
        guard let index = plan.rows.lastIndex(where: { row in
            if case .field(let line) = row { return line.fieldId == id }
            return false
        }), plan.rows.indices.contains(index + 1), case .error(let text) = plan.rows[index + 1] else { return nil }
        return text
    }

    @Test func requiredShowsOnlyOnceTouchedOrSubmitted() {
        var form = formSample()
        #expect(message(form, "name") == "required")
        #expect(shownError(form, "name") == nil)
        form.type("a")
        form.press(.backspace)
        #expect(shownError(form, "name") == "required")
    }

    @Test func submittingAnInvalidFormListsWhatToFixAndFocusesIt() {
        var form = formSample()
        form.focusField("cooldown")
        form.press(.backspace, .backspace, .backspace)
        form.type("0")
        form.focus(.submit)
        let errors = form.attemptSubmit()
        #expect(errors == [
            FieldError(fieldId: "name", label: "Name", message: "required"),
            FieldError(fieldId: "cooldown", label: "Cooldown (s)", message: "must be between 1 and 3600"),
        ])
        #expect(form.focus == .field("name"))
        #expect(shownError(form, "name") == "required")
        let model = FormModel(form)
        #expect(model.messages == ["Fix 2 fields before submitting: Name, Cooldown (s)"])
        #expect(form.text("cooldown") == "0")
    }

    @Test func rangeMessagesInWords() {
        var form = formSample()
        form.setText("cooldown", "3601")
        #expect(message(form, "cooldown") == "must be between 1 and 3600")
        form.setText("cooldown", "99999999999999999999999")
        #expect(message(form, "cooldown") == "must be between 1 and 3600")
        form.setText("cooldown", "3600")
        #expect(message(form, "cooldown") == nil)
        form.setText("cooldown", "")
        #expect(message(form, "cooldown") == "required")
        #expect(form.field("cooldown")?.hint == "required, 1 to 3600")
        #expect(FormRule.range(min: 0, max: nil).words == "at least 0")
        #expect(FormRule.range(min: nil, max: 4).words == "at most 4")
    }

    @Test func aValueBreakingARuleShowsAtOnce() {
        var form = formSample()
        form.setText("max", "11")
        #expect(shownError(form, "max") == "must be between 1 and 10")
    }

    @Test func patternAndLength() {
        var form = formSample()
        form.setText("name", "Bad_Name")
        #expect(message(form, "name") == "must be lowercase letters, digits and -")
        form.setText("name", String(repeating: "a", count: 64))
        #expect(message(form, "name") == "must be at most 63 characters")
        form.setText("name", "llama-3")
        #expect(message(form, "name") == nil)
    }

    @Test func environmentNames() {
        var form = formSample()
        form.setPairs("envs", [FormPair(key: "1X", value: "2")])
        #expect(message(form, "envs") == "line 1: a name is letters, digits and _, not starting with a digit")
        form.focusField("envs")
        form.setPairs("envs", [FormPair(key: "A", value: "1")])
        form.type("\nNOEQUALS")
        #expect(message(form, "envs") == "line 2: NAME=value expected")
        form.type("=1\nA=2")
        #expect(message(form, "envs") == "line 3: A is set twice")
        form.press(.home, .delete)
        form.type("B")
        #expect(message(form, "envs") == nil)
    }

    @Test func choiceRules() {
        var form = formSample()
        form.setChosen("regions", [])
        #expect(message(form, "regions") == "choose at least 1")
        form.setSelected("model", nil)
        #expect(message(form, "model") == "choose one")
    }

    @Test func hiddenAndDisabledFieldsAreNotChecked() {
        var form = formSample()
        form.setHidden("name", true)
        form.setEnabled("cooldown", false)
        form.setText("cooldown", "0")
        #expect(form.isValid)
    }

    @Test func serverErrorsGoNextToTheirFieldsAndKeepValues() {
        var form = formSample()
        form.type("llama")
        form.focusField("max")
        form.press(.backspace)
        form.type("8")
        form.setErrors(["max": "max must not be greater than 4", "unknown": "region 9 is full"],
                       general: ["quota exceeded"])
        #expect(form.text("name") == "llama")
        #expect(form.int("max") == 8)
        #expect(form.field("max")?.error == "max must not be greater than 4")
        #expect(form.messages == ["quota exceeded", "region 9 is full"])
        #expect(shownError(form, "max") == "max must not be greater than 4")
        #expect(message(form, "max") == "max must not be greater than 4")
        #expect(form.focus == .field("max"))
        #expect(FormModel(form).messages == ["quota exceeded", "region 9 is full"])
        // Changing the value clears its outside error; messages stay until the next answer.
        form.press(.backspace)
        form.type("4")
        #expect(form.field("max")?.error == nil)
        #expect(form.isValid)
        #expect(form.messages == ["quota exceeded", "region 9 is full"])
    }

    @Test func checksFromTheCallerStayUntilReplaced() {
        var form = formSample()
        form.type("llama")
        form.setChecks(["max": "above the capacity of eu-west-1 (4)"])
        #expect(shownError(form, "max") == "above the capacity of eu-west-1 (4)")
        form.focusField("max")
        form.type("1")
        #expect(shownError(form, "max") == "must be between 1 and 10")
        form.press(.backspace)
        #expect(shownError(form, "max") == "above the capacity of eu-west-1 (4)")
        form.setChecks([:])
        #expect(form.isValid)
    }

    @Test func manyMessagesAreSummed() {
        var form = formSample()
        form.setErrors([:], general: ["one", "two", "three", "four"])
        #expect(FormModel(form).messages == ["one", "two", "… and 2 more"])
        form.clearErrors()
        #expect(FormModel(form).messages == [])
    }
}

extension Form {
    /// The same form with room for every row, to look at all of them.
    func resized(to rows: Int) -> Form {
        var copy = self
        copy.resize(visibleRows: rows)
        return copy
    }
}
