import Foundation
import Testing

/// The mouse in a form and the Instances table's columns from details, as a
/// person sees them: the real binary in tmux against the simulator.
@Suite("Mouse in forms end to end", .serialized)
struct FormMouseEndToEndTests {
    typealias Mouse = MouseAndSuspendTests

    /// The row where `text` is drawn, and the column (in cells) where it starts.
    static func place(of text: String, in screen: String) -> (column: Int, row: Int)? {
        for (row, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), row) }
        }
        return nil
    }

    /// "4-21 of 40" in the form's bottom border: the first row shown.
    static func firstFormRow(in screen: String) -> Int? {
        guard let match = screen.firstMatch(of: /(\d+)-\d+ of \d+ ─┘/) else { return nil }
        return Int(match.1)
    }

    static func wheel(_ tmux: TmuxSession, down: Bool, column: Int, row: Int) throws {
        try tmux.send("\u{1B}[<\(down ? 65 : 64);\(column + 1);\(row + 1)M", literal: true)
    }

    @Test("HARDWARE and REGIONS at 120 columns once details come, gone at 80; in the new-instance form a click focuses Description, typing fills it, the wheel scrolls, Cancel asks and its answers are clicked")
    func formWithTheMouse() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch()
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor("chat-prod's hardware and regions") { screen in
            let row = screen.split(separator: "\n").first { $0.hasPrefix("chat-prod ") }
            return screen.contains("HARD[W]ARE") && screen.contains("REG[I]ONS")
                && row?.contains("1xL40S") == true && row?.contains("Paris") == true
        }
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitFor("80 columns without them") { $0.contains("ADDR[E]SS") && !$0.contains("HARD") }

        try tmux.send("n")
        var screen = try await tmux.waitFor(text: "› Name")
        let description = try #require(Self.place(of: "Description", in: screen))
        try Mouse.click(tmux, column: description.column, row: description.row)
        screen = try await tmux.waitFor(text: "› Description")
        try tmux.send("typed by mouse", literal: true)
        screen = try await tmux.waitFor("the text in Description") { screen in
            screen.split(separator: "\n").contains { $0.contains("Description") && $0.contains("typed by mouse") }
        }
        #expect(!screen.split(separator: "\n").contains { $0.contains("Name ") && $0.contains("typed by mouse") })

        // The wheel over the form: three rows a turn, until the buttons show.
        #expect(Self.firstFormRow(in: screen) == 1)
        try Self.wheel(tmux, down: true, column: 30, row: 10)
        screen = try await tmux.waitFor("the form scrolled by three rows") { Self.firstFormRow(in: $0) == 4 }
        var turns = 0
        while !screen.contains("[ Cancel ]"), turns < 20 {
            let before = Self.firstFormRow(in: screen)
            try Self.wheel(tmux, down: true, column: 30, row: 10)
            screen = try await tmux.waitFor("the form scrolled further") {
                Self.firstFormRow(in: $0) != before || $0.contains("[ Cancel ]")
            }
            turns += 1
        }
        let cancel = try #require(Self.place(of: "[ Cancel ]", in: screen))
        try Mouse.click(tmux, column: cancel.column + 2, row: cancel.row)
        screen = try await tmux.waitFor(text: "Discard changes")
        let keep = try #require(Self.place(of: "n/Esc keep editing", in: screen))
        try Mouse.click(tmux, column: keep.column + 1, row: keep.row)
        screen = try await tmux.waitFor("the form again") { !$0.contains("Discard changes") && $0.contains("[ Cancel ]") }

        // Back up to the top: what was typed is still there.
        for _ in 0..<12 { try Self.wheel(tmux, down: false, column: 30, row: 10) }
        try await tmux.waitFor("the top of the form, as typed") { screen in
            Self.firstFormRow(in: screen) == 1
                && screen.split(separator: "\n").contains { $0.contains("Description") && $0.contains("typed by mouse") }
        }
        screen = try tmux.screen()
        while !screen.contains("[ Cancel ]"), turns < 40 {
            try Self.wheel(tmux, down: true, column: 30, row: 10)
            try await Task.sleep(for: .milliseconds(100))
            screen = try tmux.screen()
            turns += 1
        }
        let again = try #require(Self.place(of: "[ Cancel ]", in: screen))
        try Mouse.click(tmux, column: again.column, row: again.row)
        screen = try await tmux.waitFor(text: "y discard")
        let discard = try #require(Self.place(of: "y discard", in: screen))
        try Mouse.click(tmux, column: discard.column, row: discard.row)
        try await tmux.waitFor("the table, the form gone") { $0.contains("Instances (") && !$0.contains("New instance") }

        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }
}
