import DashboardCore
import Testing

@Suite("Form model")
struct FormModelTests {
    func lines(_ model: FormModel) -> [FormModel.FieldLine] {
        model.rows.compactMap { row in
            if case .field(let line) = row { return line }
            return nil
        }
    }

    func line(_ model: FormModel, _ id: String) -> FormModel.FieldLine? {
        lines(model).first { $0.fieldId == id }
    }

    /// The focused line is in view: a field line that is active, or Submit.
    func activeIsVisible(_ model: FormModel) -> Bool {
        model.rows.contains { row in
            switch row {
            case .field(let line): line.isActive
            case .submit(_, let isFocused): isFocused
            default: false
            }
        }
    }

    @Test func secretNeverAppearsInTheModelOrDescriptions() {
        var form = formSample()
        form.focusField("token")
        form.type("hf_SuperSecret42")
        form.press(.left, .left)
        let model = FormModel(form)
        #expect(line(model, "token")?.text == String(repeating: "•", count: 16))
        #expect(line(model, "token")?.cursor == 14)
        let descriptions = [
            String(describing: model), String(reflecting: model), String(describing: form), String(reflecting: form),
            String(describing: form.field("token")), String(describing: form.sections),
        ]
        var dumped = ""
        dump(form, to: &dumped)
        #expect(form.text("token") == "hf_SuperSecret42")
        for text in descriptions + [dumped] {
            #expect(!text.contains("SuperSecret"))
        }
        form.focusField("name")
        #expect(line(FormModel(form), "token")?.text == String(repeating: "•", count: 16))
    }

    @Test func secretLookingEnvValuesAreMaskedUnlessBeingEdited() {
        var form = formSample()
        form.setPairs("envs", [FormPair(key: "HF_TOKEN", value: "hf_abc"), FormPair(key: "MODE", value: "fast")])
        let envLines = lines(FormModel(form.resized(to: 100))).filter { $0.fieldId == "envs" }
        #expect(envLines.map(\.text) == ["HF_TOKEN=••••••••", "MODE=fast", "+ add NAME=value"])
        #expect(envLines.map(\.label) == ["Env vars", "", ""])
        form.focusField("envs")
        let editing = lines(FormModel(form.resized(to: 100))).filter { $0.fieldId == "envs" }
        #expect(editing.map(\.text) == ["HF_TOKEN=hf_abc", "MODE=fast", "+ add NAME=value"])
        #expect(editing.map(\.isActive) == [true, false, false])
        #expect(editing[0].cursor == 15)
    }

    @Test func linesCarryLabelsValuesHintsAndPlaceholders() {
        var form = formSample()
        form.setSelected("model", "mistral-7b")
        let model = FormModel(form.resized(to: 100))
        #expect(line(model, "name") == FormModel.FieldLine(
            fieldId: "name", label: "Name", text: "", hint: "required, a-z 0-9 -", cursor: 0, isFocused: true,
            isActive: true))
        #expect(line(model, "description")?.text == "optional")
        #expect(line(model, "description")?.tone == .muted)
        #expect(line(model, "model")?.text == "Mistral 7B")
        #expect(line(model, "model")?.detail == "port 8080")
        #expect(line(model, "model")?.look == .choice)
        #expect(line(model, "port")?.hint == "required, 1 to 65535")
        #expect(line(model, "http")?.text == "[ ]")
        #expect(line(model, "price")?.look == .plain)
        let regions = lines(model).filter { $0.fieldId == "regions" }
        #expect(regions.map(\.text) == ["[x] eu-west-1", "[ ] us-east-1", "[ ] ap-south-1"])
        #expect(model.labelWidth == 12)
        #expect(model.rows.first == .heading("Basics"))
        #expect(model.rows.last == .submit(label: "Deploy", isFocused: false))
        #expect(model.totalRows == 21)
        #expect(model.rows.count == 21)
    }

    @Test("The label column is as wide as the widest label in terminal columns, not characters")
    func labelWidthCountsColumns() {
        let form = Form(title: "Registry", sections: [
            FormSection("", [.text("name", "名前"), .text("url", "URL")]),
        ])
        #expect(FormModel(form).labelWidth == 4)
    }

    @Test func hintsFollowTheFocus() {
        var form = formSample()
        #expect(FormModel(form).hints.map(\.key) == ["Tab", "Shift-Tab", "Ctrl-S", "Esc"])
        form.focusField("http")
        #expect(FormModel(form).hints.map(\.action) == ["next", "previous", "toggle", "submit", "cancel"])
        form.focusField("model")
        form.press(.enter)
        #expect(FormModel(form).hints.map(\.action) == ["highlight", "pick", "filter", "close"])
    }

    @Test func scrollingKeepsTheFocusVisibleAt24Rows() {
        var form = formSample()
        #expect(form.visibleRows == 18)
        var offsets: [Int] = []
        for _ in 0..<24 {
            let model = FormModel(form)
            #expect(model.rows.count == 18)
            #expect(activeIsVisible(model))
            offsets.append(model.firstRow)
            form.press(.down)
        }
        #expect(offsets.max() == 21 - 18)
        #expect(offsets.first == 0)
        // Going back up scrolls back to the top, with the first heading.
        for _ in 0..<24 {
            form.press(.up)
            #expect(activeIsVisible(FormModel(form)))
        }
        form.focusField("name")
        #expect(FormModel(form).rows.first == .heading("Basics"))
    }

    @Test func theHeadingOfASectionComesIntoViewWithItsFirstField() {
        var form = formSample(visibleRows: 6)
        form.focus(.submit)
        form.press(.up, .up, .up, .up)
        #expect(form.focus == .field("min"))
        #expect(FormModel(form).rows.first == .field(FormModel.FieldLine(
            fieldId: "min", label: "Min pods", text: "1", hint: "required, 0 to 10", cursor: 1, isFocused: true,
            isActive: true)))
        form.press(.up)
        #expect(form.focus == .field("regions"))
        #expect(FormModel(form).rows.first == .heading("Regions and autoscaling"))
    }

    @Test func resizingKeepsTheFocusVisible() {
        var form = formSample()
        form.focusField("cooldown")
        form.resize(visibleRows: 5)
        let small = FormModel(form)
        #expect(small.rows.count == 5)
        #expect(activeIsVisible(small))
        form.resize(visibleRows: Form.visibleRows(screenHeight: 40))
        let large = FormModel(form)
        #expect(large.firstRow == 0)
        #expect(large.rows.count == 21)
    }

    @Test func messagesTakeRowsFromTheFields() {
        var form = formSample()
        form.focusField("cooldown")
        form.setErrors([:], general: ["quota exceeded", "try another region"])
        let model = FormModel(form)
        #expect(model.messages.count == 2)
        #expect(model.rows.count == 16)
        #expect(activeIsVisible(model))
    }

    @Test func anOpenListFitsUnderItsField() throws {
        var form = formSample()
        form.focusField("model")
        form.resize(visibleRows: 8)
        form.press(.enter)
        let model = FormModel(form)
        let dropdown = try #require(model.dropdown)
        #expect(dropdown.visibleOptions == 4)
        #expect(dropdown.row + 1 + dropdown.visibleOptions + 2 <= model.rows.count)
        #expect(dropdown.options.map(\.label) == ["Llama 3.1 8B", "Llama 3.1 70B", "Mistral 7B", "Qwen 2.5 32B"])
        #expect(dropdown.options.map(\.isSelected) == [true, false, false, false])
        #expect(dropdown.options.map(\.isHighlighted) == [true, false, false, false])
    }

    @Test func aLongListShowsAWindowAroundTheHighlight() throws {
        var form = formSample()
        let many = (1...30).map { FormOption(id: "h\($0)", label: "Hardware \($0)") }
        form.setOptions("model", many)
        form.focusField("model")
        form.press(.enter)
        for _ in 0..<20 { form.press(.down) }
        let dropdown = try #require(FormModel(form).dropdown)
        #expect(dropdown.visibleOptions == 8)
        #expect(dropdown.matching == 30)
        #expect(dropdown.firstOption == 16)
        let highlighted = dropdown.options.first { $0.isHighlighted }
        #expect(highlighted?.label == "Hardware 21")
        form.type("2")
        let filtered = try #require(FormModel(form).dropdown)
        #expect(filtered.filter == "2")
        #expect(filtered.matching == 12)
        #expect(filtered.firstOption == 0)
    }
}
