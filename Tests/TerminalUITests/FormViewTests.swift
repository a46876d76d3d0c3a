import DashboardCore
import Testing
import TerminalUI
import TextLayout

/// A form shaped like the instance form, with every kind of field.
func formViewSample(screenHeight: Int) -> Form {
    let models = [
        FormOption(id: "llama-8b", label: "Llama 3.1 8B", detail: "port 8000"),
        FormOption(id: "llama-70b", label: "Llama 3.1 70B", detail: "port 8000"),
        FormOption(id: "mistral-7b", label: "Mistral 7B", detail: "port 8080"),
    ]
    let regions = [
        FormOption(id: "eu-west", label: "eu-west-1", detail: "4 free"),
        FormOption(id: "us-east", label: "us-east-1", detail: "2 free"),
        FormOption(id: "ap-south", label: "ap-south-1", detail: "1 free"),
    ]
    return Form(title: "New instance", sections: [
        FormSection("Basics", [
            .text("name", "Name", rules: [.required, .pattern("[a-z0-9-]+", words: "lowercase letters, digits and -")],
                  hint: "required, a-z 0-9 -"),
            .text("description", "Description", placeholder: "optional"),
        ]),
        FormSection("Workload", [
            .select("model", "Model", options: models, selected: "llama-8b", rules: [.required]),
            .number("port", "Port", 8000, rules: [.required, .range(min: 1, max: 65535)]),
            .keyValueList("envs", "Env vars", [FormPair(key: "HF_TOKEN", value: "hf_abc"), FormPair(key: "MODE", value: "fast")],
                          rules: [.environmentNames]),
            .secret("token", "Registry password", placeholder: "optional"),
        ]),
        FormSection("Regions and autoscaling", [
            .multiSelect("regions", "Regions", options: regions, chosen: ["eu-west"], rules: [.minimumChosen(1)]),
            .number("min", "Min pods", 1, rules: [.required, .range(min: 0, max: 10)]),
            .number("max", "Max pods", 1, rules: [.required, .range(min: 1, max: 10)]),
            .number("cooldown", "Cooldown (s)", 300, rules: [.required, .range(min: 1, max: 3600)]),
            .toggle("http", "HTTP trigger", false, hint: "scales to and from 0"),
            .info("price", "Price", "$2.40/h · $1,752/month at max"),
        ]),
    ], submitLabel: "Deploy", visibleRows: Form.visibleRows(screenHeight: screenHeight))
}

extension Form {
    mutating func typeKeys(_ text: String) {
        for character in text {
            let key: KeyEvent = character == "\n" ? .enter : .character(character)
            if case .input(let input)? = input(for: key) { apply(input) }
        }
    }
}

/// The form drawn where the screen puts its body: under two header rows, over two footer rows.
func renderForm(_ form: Form, width: Int, height: Int, theme: Theme = .dark) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    let body = Rect(x: 0, y: 2, width: width, height: height - 4)
    FormView(model: FormModel(form), theme: theme).render(into: &buffer, area: body)
    return buffer
}

@Suite("Form view")
struct FormViewTests {
    let theme = Theme.dark

    @Test func golden80x24() {
        var form = formViewSample(screenHeight: 24)
        form.typeKeys("llama-3")
        let buffer = renderForm(form, width: 80, height: 24)
        #expect(buffer.lines == [
            "                                                                                ",
            "                                                                                ",
            "┌─ New instance ───────────────────────────────────────────────────────────────┐",
            "│ Basics                                                                       │",
            "│ › Name               llama-3                            required, a-z 0-9 -  │",
            "│   Description        optional                                                │",
            "│                                                                              │",
            "│ Workload                                                                     │",
            "│   Model              Llama 3.1 8B  port 8000         ▾  required             │",
            "│   Port               8000                               required, 1 to 65535 │",
            "│   Env vars           HF_TOKEN=••••••••                  NAME=value per line  │",
            "│                      MODE=fast                                               │",
            "│                      + add NAME=value                                        │",
            "│   Registry password  optional                                                │",
            "│                                                                              │",
            "│ Regions and autoscaling                                                      │",
            "│   Regions            [x] eu-west-1  4 free              choose at least 1    │",
            "│                      [ ] us-east-1  2 free                                   │",
            "│                      [ ] ap-south-1  1 free                                  │",
            "│   Min pods           1                                  required, 0 to 10    │",
            "│   Max pods           1                                  required, 1 to 10    │",
            "└───────────────────────────────────────────────────────────────── 1-18 of 23 ─┘",
            "                                                                                ",
            "                                                                                ",
        ])
    }

    @Test func golden80x24ScrolledToTheFocus() {
        var form = formViewSample(screenHeight: 24)
        form.typeKeys("llama")
        form.focus(.field("max"))
        form.typeKeys("2")
        form.focus(.field("cooldown"))
        let buffer = renderForm(form, width: 80, height: 24)
        #expect(buffer.lines == [
            "                                                                                ",
            "                                                                                ",
            "┌─ New instance ───────────────────────────────────────────────────────────────┐",
            "│   Description        optional                                                │",
            "│                                                                              │",
            "│ Workload                                                                     │",
            "│   Model              Llama 3.1 8B  port 8000         ▾  required             │",
            "│   Port               8000                               required, 1 to 65535 │",
            "│   Env vars           HF_TOKEN=••••••••                  NAME=value per line  │",
            "│                      MODE=fast                                               │",
            "│                      + add NAME=value                                        │",
            "│   Registry password  optional                                                │",
            "│                                                                              │",
            "│ Regions and autoscaling                                                      │",
            "│   Regions            [x] eu-west-1  4 free              choose at least 1    │",
            "│                      [ ] us-east-1  2 free                                   │",
            "│                      [ ] ap-south-1  1 free                                  │",
            "│   Min pods           1                                  required, 0 to 10    │",
            "│   Max pods           12                                 required, 1 to 10    │",
            "│                      ✗ must be between 1 and 10                              │",
            "│ › Cooldown (s)       300                                required, 1 to 3600  │",
            "└───────────────────────────────────────────────────────────────── 3-20 of 24 ─┘",
            "                                                                                ",
            "                                                                                ",
        ])
    }

    @Test func golden120x40WithAnOpenList() {
        var form = formViewSample(screenHeight: 40)
        form.typeKeys("Llama")
        form.focus(.field("model"))
        form.typeKeys("l")
        let buffer = renderForm(form, width: 120, height: 40)
        #expect(buffer.lines == [
            "                                                                                                                        ",
            "                                                                                                                        ",
            "┌─ New instance ───────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ Basics                                                                                                               │",
            "│   Name               Llama                                         required, a-z 0-9 -                               │",
            "│                      ✗ must be lowercase letters, digits and -                                                       │",
            "│   Description        optional                                                                                        │",
            "│                                                                                                                      │",
            "│ Workload                                                                                                             │",
            "│ › Model              Llama 3.1 8B  port 8000                    ▾  required                                          │",
            "│   Port              ┌─ /l ───────────────────────────────────────┐ required, 1 to 65535                              │",
            "│   Env vars          │✓ Llama 3.1 8B  port 8000                   │ NAME=value per line                               │",
            "│                     │  Llama 3.1 70B  port 8000                  │                                                   │",
            "│                     │  Mistral 7B  port 8080                     │                                                   │",
            "│   Registry password └─────────────────────────────────── 3 of 3 ─┘                                                   │",
            "│                                                                                                                      │",
            "│ Regions and autoscaling                                                                                              │",
            "│   Regions            [x] eu-west-1  4 free                         choose at least 1                                 │",
            "│                      [ ] us-east-1  2 free                                                                           │",
            "│                      [ ] ap-south-1  1 free                                                                          │",
            "│   Min pods           1                                             required, 0 to 10                                 │",
            "│   Max pods           1                                             required, 1 to 10                                 │",
            "│   Cooldown (s)       300                                           required, 1 to 3600                               │",
            "│   HTTP trigger       [ ]                                           scales to and from 0                              │",
            "│   Price              $2.40/h · $1,752/month at max                                                                   │",
            "│                                                                                                                      │",
            "│   [ Deploy ]  [ Cancel ]                                                                                             │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "                                                                                                                        ",
            "                                                                                                                        ",
        ])
    }

    @Test func theCursorIsAReverseCellOnAnUnderlinedField() {
        var form = formViewSample(screenHeight: 24)
        form.typeKeys("llama-3")
        form.apply(.left)
        let buffer = renderForm(form, width: 80, height: 24)
        let field = theme.text.with(.underline)
        // The value starts at column 23 of row 4 ("llama-3"); the cursor is on "3".
        #expect(buffer[23, 4].style == field)
        #expect(buffer[29, 4].text == "3")
        #expect(buffer[29, 4].style == field.with(.reverse))
        #expect(buffer[30, 4].style == field)
        #expect(buffer[4, 4].style == theme.key)
        #expect(buffer[2, 4].text == "›")
        let mono = renderForm(form, width: 80, height: 24, theme: .mono)
        #expect(mono[29, 4].style.attributes.contains(.reverse))
    }

    @Test func errorsUseTheErrorStyle() {
        var form = formViewSample(screenHeight: 24)
        form.typeKeys("Llama")
        let buffer = renderForm(form, width: 80, height: 24)
        #expect(buffer.lines[5].hasPrefix("│                      ✗ must be lowercase letters, digits and -"))
        #expect(buffer[23, 5].style == theme.error)
    }

    @Test func longTextShowsThePartAroundTheCursor() {
        var form = formViewSample(screenHeight: 24)
        let text = "head-" + String(repeating: "x", count: 40) + "-tail"
        form.typeKeys(text)
        let buffer = renderForm(form, width: 80, height: 24)
        let line = buffer.lines[4]
        #expect(line.contains("xxx-tail "))
        #expect(!line.contains("head"))
        // The field is 33 columns wide (23..<56): the cursor sits in its last cell.
        #expect(buffer[54, 4].text == "l")
        #expect(buffer[55, 4].style == theme.text.with(.underline).with(.reverse))
        form.apply(.home)
        let atHome = renderForm(form, width: 80, height: 24).lines[4]
        #expect(atHome.contains("│ › Name               head-" + String(repeating: "x", count: 28) + "  required"))
    }

    @Test func secretsAreDrawnMasked() {
        var form = formViewSample(screenHeight: 24)
        form.focus(.field("token"))
        form.typeKeys("hunter2")
        let buffer = renderForm(form, width: 80, height: 24)
        #expect(!buffer.lines.joined().contains("hunter2"))
        let line = buffer.lines.first { $0.contains("Registry password") } ?? ""
        #expect(line.contains("•••••••"))
    }

    @Test func wideTextAndHostileLabelsStaySafe() {
        var form = Form(title: "\u{1B}]0;x\u{07}Evil", sections: [
            FormSection("\u{1B}[2JHeading", [
                .text("name", "名前\u{202E}", "東京リージョン"),
                .select("pick", "Pick", options: [FormOption(id: "a", label: "\u{1B}[31mred", detail: "漢字")], selected: "a"),
            ]),
        ], visibleRows: 17)
        form.apply(.left)
        let buffer = renderForm(form, width: 80, height: 24)
        #expect(isControlFree(buffer))
        #expect(wideCharactersAreWhole(buffer))
        form.focus(.field("pick"))
        form.apply(.enter)
        let open = renderForm(form, width: 80, height: 24)
        #expect(isControlFree(open))
        #expect(wideCharactersAreWhole(open))
    }

    @Test func tinyAreasDoNotCrash() {
        let form = formViewSample(screenHeight: 24)
        for (width, height) in [(0, 0), (1, 1), (3, 3), (10, 4), (20, 6)] {
            var buffer = Buffer(width: width, height: height)
            FormView(model: FormModel(form), theme: theme).render(into: &buffer, area: buffer.area)
            #expect(buffer.width == width)
        }
    }

    @Test func visibleRowsMatchTheDrawnArea() {
        let area = Rect(x: 0, y: 2, width: 80, height: 20)
        #expect(FormView.visibleRows(in: area) == Form.visibleRows(screenHeight: 24))
        #expect(Form.visibleRows(screenHeight: 24) == 18)
        let columns = FormView.columns(in: Panel.inner(of: area), labelWidth: 17)
        #expect(columns.valueX == 23)
        #expect(columns.valueWidth == 33)
        #expect(columns.hintX == 58)
    }
}
