import DashboardCore
import Testing
import TextLayout

/// A form shaped like the instance form: every kind of field, three sections,
/// taller than a 24-row screen.
func formSample(visibleRows: Int = Form.visibleRows(screenHeight: 24)) -> Form {
    let models = [
        FormOption(id: "llama-8b", label: "Llama 3.1 8B", detail: "port 8000"),
        FormOption(id: "llama-70b", label: "Llama 3.1 70B", detail: "port 8000"),
        FormOption(id: "mistral-7b", label: "Mistral 7B", detail: "port 8080"),
        FormOption(id: "qwen-32b", label: "Qwen 2.5 32B", detail: "port 8000"),
    ]
    let regions = [
        FormOption(id: "eu-west", label: "eu-west-1", detail: "4 free"),
        FormOption(id: "us-east", label: "us-east-1", detail: "2 free"),
        FormOption(id: "ap-south", label: "ap-south-1", detail: "1 free"),
    ]
    return Form(title: "New instance", sections: [
        FormSection("Basics", [
            .text("name", "Name", rules: [
                .required, .length(min: nil, max: 63),
                .pattern("[a-z0-9-]+", words: "lowercase letters, digits and -"),
            ], hint: "required, a-z 0-9 -"),
            .text("description", "Description", placeholder: "optional"),
        ]),
        FormSection("Workload", [
            .select("model", "Model", options: models, selected: "llama-8b", rules: [.required]),
            .number("port", "Port", 8000, rules: [.required, .range(min: 1, max: 65535)]),
            .keyValueList("envs", "Env vars", [], rules: [.environmentNames]),
            .secret("token", "HF token", placeholder: "optional"),
        ]),
        FormSection("Regions and autoscaling", [
            .multiSelect("regions", "Regions", options: regions, chosen: ["eu-west"], rules: [.minimumChosen(1)]),
            .number("min", "Min pods", 1, rules: [.required, .range(min: 0, max: 10)]),
            .number("max", "Max pods", 1, rules: [.required, .range(min: 1, max: 10)]),
            .number("cooldown", "Cooldown (s)", 300, rules: [.required, .range(min: 1, max: 3600)]),
            .toggle("http", "HTTP trigger", false, hint: "scales to and from 0"),
            .info("price", "Price", "$2.40/h · $1,752/month at max"),
        ]),
    ], submitLabel: "Deploy", visibleRows: visibleRows)
}

extension Form {
    /// Feeds keys the way the reducer will: through `input(for:)`, applying inputs.
    mutating func press(_ keys: KeyEvent...) {
        for key in keys {
            if case .input(let input)? = input(for: key) { apply(input) }
        }
    }

    mutating func type(_ text: String) {
        for character in text {
            if character == "\n" { press(.enter) } else { press(.character(character)) }
        }
    }

    mutating func focusField(_ id: String) {
        focus(.field(id))
    }
}

@Suite("Form editing")
struct FormEditingTests {
    @Test func opensOnTheFirstFieldWithNothingEdited() {
        let form = formSample()
        #expect(form.focus == .field("name"))
        #expect(form.isEdited == false)
        #expect(form.text("name") == "")
    }

    @Test func insertsInTheMiddle() {
        var form = formSample()
        form.type("helo")
        form.press(.left)
        form.type("l")
        #expect(form.text("name") == "hello")
        guard case .text(let input)? = form.field("name")?.kind else { Issue.record("not text"); return }
        #expect(input.cursor == 4)
        #expect(form.isEdited)
        #expect(form.field("name")?.isTouched == true)
    }

    @Test func backspaceAtTheStartChangesNothing() {
        var form = formSample()
        form.focusField("port")
        form.press(.home)
        let changed = form.apply(.backspace)
        #expect(changed == nil)
        #expect(form.text("port") == "8000")
        #expect(form.isEdited == false)
        form.press(.end, .backspace)
        #expect(form.text("port") == "800")
        #expect(form.isEdited)
    }

    @Test func homeEndAndDelete() {
        var form = formSample()
        form.type("bc")
        form.press(.home)
        form.type("a")
        form.press(.end)
        form.type("d")
        #expect(form.text("name") == "abcd")
        form.press(.delete)
        #expect(form.text("name") == "abcd")
        form.press(.ctrl("a"), .delete)
        #expect(form.text("name") == "bcd")
        form.press(.ctrl("e"), .left, .delete)
        #expect(form.text("name") == "bc")
    }

    @Test("Ctrl-U deletes back to the start of the line, as in a shell; in an env line too")
    func ctrlUDeletesToTheStart() {
        var form = formSample()
        form.type("old-name")
        form.press(.left, .left, .left, .left, .ctrl("u"))
        #expect(form.text("name") == "name")
        form.press(.ctrl("u"))
        #expect(form.text("name") == "name")
        form.focusField("envs")
        form.type("MODE=fast")
        form.press(.ctrl("u"))
        #expect(form.pairs("envs").isEmpty)
    }

    @Test func pasteOf200CharactersArrivesWhole() {
        var form = formSample()
        form.focusField("description")
        let pasted = String((0..<200).map { index in Character(UnicodeScalar(UInt8(97 + index % 26))) })
        form.type(pasted)
        #expect(form.text("description") == pasted)
        guard case .text(let input)? = form.field("description")?.kind else { Issue.record("not text"); return }
        #expect(input.cursor == 200)
    }

    @Test func controlCharactersNeverGetIn() {
        var form = formSample()
        form.type("ab")
        let changed = form.apply(.character("\u{1B}"))
        form.apply(.character("\u{202E}"))
        #expect(changed == nil)
        #expect(form.text("name") == "ab")
    }

    @Test func numberRejectsLetters() {
        var form = formSample()
        form.focusField("port")
        let letter = form.apply(.character("a"))
        form.type("-.x ")
        #expect(letter == nil)
        #expect(form.text("port") == "8000")
        #expect(form.isEdited == false)
        form.press(.backspace, .backspace, .backspace, .backspace)
        form.type("80a80")
        #expect(form.text("port") == "8080")
        #expect(form.int("port") == 8080)
    }

    @Test func applyNamesTheFieldWhoseValueChanged() {
        var form = formSample()
        form.focusField("max")
        let moved = form.apply(.left)
        let typed = form.apply(.character("2"))
        #expect(moved == nil)
        #expect(typed == "max")
        #expect(form.int("max") == 21)
    }

    @Test func toggleSwitchesWithSpace() {
        var form = formSample()
        form.focusField("http")
        #expect(form.input(for: .character(" ")) == .input(.toggle))
        form.press(.character(" "))
        #expect(form.bool("http"))
        form.press(.enter)
        #expect(form.bool("http") == false)
        form.focusField("name")
        #expect(form.input(for: .character(" ")) == .input(.character(" ")))
    }

    @Test func multiSelectTogglesTheHighlightedOption() {
        var form = formSample()
        form.focusField("regions")
        #expect(form.input(for: .character(" ")) == .input(.toggle))
        form.press(.down, .down, .character(" "))
        #expect(form.chosen("regions") == ["eu-west", "ap-south"])
        form.press(.up, .character(" "))
        #expect(form.chosen("regions") == ["eu-west", "us-east", "ap-south"])
        form.press(.up, .character(" "))
        #expect(form.chosen("regions") == ["us-east", "ap-south"])
    }

    @Test func keyValueListTakesLinesAndPastedBlocks() {
        var form = formSample()
        form.focusField("envs")
        form.type("HF_HOME=/data\nLOG_LEVEL=debug\nMODE=a=b")
        #expect(form.pairs("envs") == [
            FormPair(key: "HF_HOME", value: "/data"), FormPair(key: "LOG_LEVEL", value: "debug"),
            FormPair(key: "MODE", value: "a=b"),
        ])
        // An empty line removed with Backspace, a line joined back with Backspace at its start.
        form.press(.enter, .backspace)
        #expect(form.pairs("envs").count == 3)
        form.press(.home, .backspace)
        #expect(form.pairs("envs").map(\.key) == ["HF_HOME", "LOG_LEVEL"])
        #expect(form.pairs("envs").last?.value == "debugMODE=a=b")
    }

    @Test func keyValueListAddLineAndLeaving() {
        var form = formSample()
        form.focusField("envs")
        form.type("A=1")
        form.press(.down)
        #expect(form.focus == .field("envs"))
        form.type("B=2")
        #expect(form.pairs("envs").map(\.key) == ["A", "B"])
        form.press(.down, .enter)
        #expect(form.focus == .field("token"))
        form.press(.up, .up, .up)
        #expect(form.focus == .field("envs"))
        form.press(.up)
        #expect(form.focus == .field("port"))
    }

    @Test func programmaticChangesAreNotEdits() {
        var form = formSample()
        form.setText("name", "llama")
        form.setSelected("model", "mistral-7b")
        form.setChosen("regions", ["us-east"])
        form.setBool("http", true)
        form.setPairs("envs", [FormPair(key: "A", value: "1")])
        form.setInfo("price", "$9.60/h", tone: .warning)
        #expect(form.isEdited == false)
        #expect(form.text("name") == "llama")
        #expect(form.selected("model") == "mistral-7b")
        #expect(form.chosen("regions") == ["us-east"])
        #expect(form.bool("http"))
        #expect(form.pairs("envs") == [FormPair(key: "A", value: "1")])
        #expect(form.field("price")?.kind == .info("$9.60/h", tone: .warning))
    }

    @Test func newOptionsDropChoicesThatAreGone() {
        var form = formSample()
        form.setChosen("regions", ["eu-west", "us-east"])
        form.setOptions("regions", [FormOption(id: "us-east", label: "us-east-1")])
        #expect(form.chosen("regions") == ["us-east"])
        form.setOptions("model", [FormOption(id: "qwen-32b", label: "Qwen")])
        #expect(form.selected("model") == nil)
    }

    @Test func secretsClearAfterTheRequest() {
        var form = formSample()
        form.focusField("token")
        form.type("hf_abc")
        #expect(form.text("token") == "hf_abc")
        form.clearSecrets()
        #expect(form.text("token") == "")
    }
}
