import Testing
import TerminalUI

@Suite("Dialog")
struct DialogTests {
    let stop = Dialog(title: "Stop instance", message: "Stop llama-70b? Its 2 replicas will be terminated.")

    @Test func isCentredAndClearsWhatIsUnderIt() {
        var buffer = backdrop(width: 60, height: 12)
        let box = stop.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(box == Rect(x: 3, y: 3, width: 54, height: 5))
        let row = { (inside: String) in "..." + inside + "..." }
        #expect(buffer.lines == [
            repeated(".", 60), repeated(".", 60), repeated(".", 60),
            row("┌─ Stop instance " + repeated("─", 36) + "┐"),
            row("│ Stop llama-70b? Its 2 replicas will be terminated. │"),
            row("│" + repeated(" ", 52) + "│"),
            row("│ " + padded("y confirm · n/Esc cancel", 50) + " │"),
            row("└" + repeated("─", 52) + "┘"),
            repeated(".", 60), repeated(".", 60), repeated(".", 60), repeated(".", 60),
        ])
    }

    @Test func wrapsTheMessageToTheDialogWidth() {
        var buffer = Buffer(width: 40, height: 10)
        let box = stop.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(box == Rect(x: 0, y: 2, width: 40, height: 6))
        #expect(Array(buffer.lines[3...6]) == [
            "│ " + padded("Stop llama-70b? Its 2 replicas will", 36) + " │",
            "│ " + padded("be terminated.", 36) + " │",
            "│" + repeated(" ", 38) + "│",
            "│ " + padded("y confirm · n/Esc cancel", 36) + " │",
        ])
    }

    @Test func shortQuestionsGetTheMinimumWidth() {
        var buffer = Buffer(width: 80, height: 24)
        let box = Dialog(title: "Quit", message: "Quit?", hint: "y/n").render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(box == Rect(x: 23, y: 9, width: 34, height: 5))
    }

    @Test func showsTypedInputWithACursor() {
        let theme = Theme.dark
        var buffer = Buffer(width: 40, height: 9)
        let dialog = Dialog(title: "Delete instance", message: "Type llama to delete it.",
                            hint: "Enter delete · Esc cancel", input: "lla")
        let box = dialog.render(into: &buffer, area: buffer.area, theme: theme)
        #expect(box == Rect(x: 3, y: 1, width: 34, height: 6))
        #expect(Array(buffer.lines[2...5]) == [
            "   │ " + padded("Type llama to delete it.", 30) + " │   ",
            "   │" + repeated(" ", 32) + "│   ",
            "   │ " + padded("> lla", 30) + " │   ",
            "   │ " + padded("Enter delete · Esc cancel", 30) + " │   ",
        ])
        #expect(buffer[9, 4].style == theme.dialog.with(.underline))
        #expect(buffer[10, 4].style == theme.dialog.with(.underline).with(.reverse))
        #expect(buffer[11, 4].style == theme.dialog.with(.underline))
    }

    @Test func longInputShowsItsEnd() {
        var buffer = Buffer(width: 40, height: 9)
        let dialog = Dialog(title: "Delete", message: "Type the name.", input: String(repeating: "a", count: 40) + "xyz")
        dialog.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[4] == "   │ > " + repeated("a", 24) + "xyz  │   ")
    }

    @Test func tooShortAreaCutsTheMessageButKeepsTheHint() {
        var buffer = Buffer(width: 40, height: 6)
        let message = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        Dialog(title: "Long", message: message).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(Array(buffer.lines[1...4]) == [
            "│ " + padded("one two three four five six seven", 36) + " │",
            "│ " + padded("eight nine ten eleven twelve…", 36) + " │",
            "│" + repeated(" ", 38) + "│",
            "│ " + padded("y confirm · n/Esc cancel", 36) + " │",
        ])
        #expect(buffer.lines[5] == "└" + repeated("─", 38) + "┘")
    }

    @Test func hostileMessageIsSanitized() {
        var buffer = Buffer(width: 60, height: 12)
        Dialog(title: "\u{1B}]0;x\u{07}Stop", message: "name: \u{1B}[2J\u{1B}[Hevil\u{202E}")
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(isControlFree(buffer))
        #expect(buffer.lines.contains { $0.contains("name: \u{FFFD}\u{FFFD}evil\u{FFFD}") })
    }
}
