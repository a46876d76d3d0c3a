import DashboardCore
import TerminalUI
import Testing
import TextLayout

/// What a click lands on in a drawn form or question: found from the frame
/// as drawn, so each label, option and button seen is what is clicked.
@Suite("What a click lands on in forms and questions")
struct FormTargetTests {
    private func target(_ state: State, column: Int, row: Int) -> ScreenTarget? {
        Screen(model: ScreenModel(state), theme: .dark).target(column: column, row: row, width: state.width)
    }

    /// Where `text` is drawn (its first cell), the `occurrence`-th time from the top.
    private func place(of text: String, in state: State, occurrence: Int = 0) -> (column: Int, row: Int)? {
        var seen = 0
        for (row, line) in ScreenFixture.render(state).lines.enumerated() {
            var rest = line[...]
            while let range = rest.range(of: text) {
                if seen == occurrence { return (DisplayWidth.of(String(line[..<range.lowerBound])), row) }
                seen += 1
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }

    @Test("New instance at 120x40: each field's label and value, a region's option, a trigger's threshold and both buttons")
    func instanceForm() throws {
        let state = ScreenFixture.newInstance(width: 120, height: 40)
        let expected: [(String, ScreenTarget)] = [
            ("Name", .formField(id: "name", line: 0)),
            ("chat-eu", .formField(id: "name", line: 0)),
            ("Container port", .formField(id: "port", line: 0)),
            ("[ ] Helsinki (FI)", .formField(id: "regions", line: 0)),
            ("[x] Paris (FR)", .formField(id: "regions", line: 1)),
            ("Same limits", .formField(id: "sameLimits", line: 0)),
            ("CPU trigger %", .formField(id: "all.cpu.threshold", line: 0)),
            ("HTTP window (s)", .formField(id: "all.http.window", line: 0)),
            ("[ Deploy ]", .formSubmit),
            ("[ Cancel ]", .formCancel),
        ]
        for (text, want) in expected {
            let (column, row) = try #require(place(of: text, in: state), "\(text) not drawn")
            #expect(target(state, column: column, row: row) == want, "\(text)")
            #expect(target(state, column: column + text.count - 1, row: row) == want, "end of \(text)")
        }
        // Headings, the gap between the buttons, the price line, the border and the tabs under the form: nothing.
        for text in ["Autoscaling", "Price at max"] {
            let (column, row) = try #require(place(of: text, in: state))
            #expect(target(state, column: column, row: row) == nil, "\(text)")
        }
        let (deploy, buttons) = try #require(place(of: "[ Deploy ]", in: state))
        #expect(target(state, column: deploy + 11, row: buttons) == nil)
        #expect(target(state, column: deploy + 30, row: buttons) == nil)
        #expect(target(state, column: 0, row: buttons) == nil)
        #expect(target(state, column: 5, row: 1) == nil)
        #expect(target(state, column: 5, row: 39) == nil)
    }

    @Test("A form scrolled at 80x24: the lines in view are the fields drawn there, not the first ones")
    func scrolledForm() throws {
        let state = ScreenFixture.newInstanceScrolled(width: 80, height: 24)
        #expect((state.form?.form.scroll ?? 0) > 0)
        let (column, row) = try #require(place(of: "Max pods", in: state))
        #expect(target(state, column: column, row: row) == .formField(id: "all.max", line: 0))
        let (minColumn, minRow) = try #require(place(of: "Min pods", in: state))
        #expect(target(state, column: minColumn, row: minRow) == .formField(id: "all.min", line: 0))
    }

    @Test("An open list: each option drawn is found by its place among the matches; its border is nothing")
    func openList() throws {
        var state = ScreenFixture.newInstance(width: 120, height: 40)
        state.form?.form.focus(.field("hardware"))
        state = ScreenFixture.after(state, [.formInput(.enter)])
        #expect(state.form?.form.isSelectOpen == true)
        let options = ["1xL40S / 16 vCPU", "1xH100 / 26 vCPU", "8xH200 / 184 vCPU"]
        for (index, text) in options.enumerated() {
            let (column, row) = try #require(place(of: text, in: state, occurrence: index == 0 ? 1 : 0), "\(text)")
            #expect(target(state, column: column, row: row) == .formOption(index), "\(text)")
        }
        let (column, row) = try #require(place(of: "type to filter", in: state))
        #expect(target(state, column: column, row: row) == nil)
    }

    @Test("A registry form at 60x16: its fields and buttons")
    func registryForm() throws {
        var state = ScreenFixture.pane(.registries, width: 60, height: 16)
        state = ScreenFixture.after(state, [.command(.new)])
        for (text, id) in [("URL", "url"), ("Password", "password")] {
            let (column, row) = try #require(place(of: text, in: state), "\(text)")
            #expect(target(state, column: column, row: row) == .formField(id: id, line: 0))
        }
        let (column, row) = try #require(place(of: "[ Cancel ]", in: state))
        #expect(target(state, column: column + 2, row: row) == .formCancel)
    }

    @Test("A question: y and n are found on its last line, the separator and the message are nothing; pricing… answers nothing")
    func questionAnswers() throws {
        let stop = ScreenFixture.stopConfirmation(width: 80, height: 24)
        let (yes, row) = try #require(place(of: "y confirm", in: stop))
        #expect(target(stop, column: yes, row: row) == .answer(.yes))
        #expect(target(stop, column: yes + 8, row: row) == .answer(.yes))
        #expect(target(stop, column: yes + 10, row: row) == nil)
        let (no, noRow) = try #require(place(of: "n/Esc cancel", in: stop))
        #expect(target(stop, column: no, row: noRow) == .answer(.no))
        #expect(target(stop, column: no + 11, row: noRow) == .answer(.no))
        #expect(target(stop, column: no + 12, row: noRow) == nil)
        let (message, messageRow) = try #require(place(of: "Stop chat-prod-eu?", in: stop))
        #expect(target(stop, column: message, row: messageRow) == nil)
        // The table under the question is out of reach.
        #expect(target(stop, column: 5, row: 3) == nil)
        #expect(target(stop, column: 3, row: 1) == nil)

        let delete = ScreenFixture.deleteInstance(width: 80, height: 24)
        let (enter, enterRow) = try #require(place(of: "Enter delete", in: delete))
        #expect(target(delete, column: enter, row: enterRow) == .answer(.yes))
        let (esc, escRow) = try #require(place(of: "Esc cancel", in: delete))
        #expect(target(delete, column: esc, row: escRow) == .answer(.no))

        var start = ScreenFixture.loaded(width: 80, height: 24)
        start = ScreenFixture.after(start, [.command(.move(.bottom)), .command(.start)])
        let (pricing, pricingRow) = try #require(place(of: "pricing…", in: start))
        #expect(target(start, column: pricing, row: pricingRow) == nil)
    }

    @Test("Discard changes? over a form: the answers only, the form behind is out of reach")
    func discardQuestion() throws {
        let state = ScreenFixture.after(ScreenFixture.newInstance(width: 120, height: 40), [.cancelForm])
        #expect(state.overlay == .discardForm)
        let (yes, row) = try #require(place(of: "y discard", in: state))
        #expect(target(state, column: yes, row: row) == .answer(.yes))
        let (no, noRow) = try #require(place(of: "n/Esc keep editing", in: state))
        #expect(target(state, column: no + 6, row: noRow) == .answer(.no))
        let (name, nameRow) = try #require(place(of: "chat-eu", in: state))
        #expect(target(state, column: name, row: nameRow) == nil)
    }
}
