import Foundation
import Testing

/// Clicks, the wheel and Ctrl-Z, as a person does them: SGR mouse reports
/// typed into the pane (`send-keys -l`), and job control from a real shell.
@Suite("Mouse and suspend end to end", .serialized)
struct MouseAndSuspendTests {
    /// An SGR mouse press at `column`, `row` (0-based), as a terminal sends it, and its release.
    static func click(_ tmux: TmuxSession, column: Int, row: Int) throws {
        try tmux.send("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m", literal: true)
    }

    /// The column where `text` starts on screen row `row`, in cells (the rows looked at are ASCII before it).
    static func column(of text: String, row: Int, in screen: String) -> Int? {
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false)[row]
        return line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }

    /// The names of the first four instance rows (rows with a price).
    static func names(in screen: String) -> [String] {
        screen.split(separator: "\n").dropFirst(3).prefix(4).filter { $0.contains("$") }
            .compactMap { $0.split(separator: " ").first }.map(String.init)
    }

    /// Waits (up to 5 s) until tmux, which reads the pane's output on its own
    /// time, shows `format` as `value`.
    static func waitForFormat(_ tmux: TmuxSession, _ format: String, _ value: String) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        var seen = try tmux.format(format)
        while seen != value, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            seen = try tmux.format(format)
        }
        #expect(seen == value, "\(format)")
    }

    static func line(of name: String, in screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(name + " ") }
    }

    @Test("A click on a tab switches pane, a double click on a row opens its detail, the wheel moves the selection; reports stop on quit")
    func mouse() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch()
        defer { tmux.close(); _ = simulator }
        var screen = try await tmux.waitFor(text: "chat-prod")
        try await Self.waitForFormat(tmux, "#{mouse_sgr_flag} #{mouse_standard_flag}", "1 1")

        let regions = try #require(Self.column(of: "2 Regions", row: 1, in: screen))
        try Self.click(tmux, column: regions + 2, row: 1)
        try await tmux.waitFor(text: "Regions (")
        let instances = try #require(Self.column(of: "1 Instances", row: 1, in: screen))
        try Self.click(tmux, column: instances, row: 1)
        screen = try await tmux.waitFor("the instances table") { $0.contains("Instances (") && Self.names(in: $0).count == 4 }
        let names = Self.names(in: screen)
        let row = try #require(Self.line(of: names[2], in: screen))
        try Self.click(tmux, column: 5, row: row)
        try Self.click(tmux, column: 5, row: row)
        try await tmux.waitFor("the detail of \(names[2])") { $0.contains("┌─ \(names[2]) ") }

        try tmux.send("Escape")
        try await tmux.waitFor(text: "Instances (")
        // The selection is on the third row; a turn of the wheel back up takes it to the first.
        try tmux.send("\u{1B}[<64;10;10M", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the detail of \(names[0])") { $0.contains("┌─ \(names[0]) ") }
        try tmux.send("Escape")
        try tmux.send("\u{1B}[<65;10;10M", literal: true)
        try tmux.send("Enter")
        try await tmux.waitFor("the detail of \(names[3])") { $0.contains("┌─ \(names[3]) ") }

        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
        try await Self.waitForFormat(tmux, "#{mouse_sgr_flag} #{mouse_standard_flag}", "0 0")
    }

    @Test("--no-mouse leaves the mouse to the terminal")
    func noMouse() async throws {
        let (tmux, simulator) = try DashboardEndToEndTests.launch("--no-mouse")
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "chat-prod")
        try await Self.waitForFormat(tmux, "#{mouse_sgr_flag} #{mouse_standard_flag}", "0 0")
    }

    @Test("Ctrl-Z gives the shell its prompt and the terminal back; fg redraws in full at the new size")
    func suspend() async throws {
        let simulator = try SimulatorProcess(arguments: [])
        let dash = Products.url(of: "sesterce-dash").path
        let tmux = try TmuxSession(command: "PS1='shell$ ' bash --norc -i", width: 120, height: 40)
        defer { tmux.close(); _ = simulator }
        try await tmux.waitFor(text: "shell$")
        try tmux.send("SESTERCE_API_KEY=demo-key '\(dash)' --api-url \(simulator.url) --refresh 1", "Enter")
        try await tmux.waitFor(text: "chat-prod")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-suspend-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try tmux.copyOutput(to: output)

        try tmux.send("C-z")
        try await tmux.waitFor(text: "Stopped")
        let suspended = try tmux.cursorAndScreen()
        #expect(suspended.cursorVisible && !suspended.alternateScreen)
        // What the terminal was sent: mouse reports off after leaving the alternate screen, before the stop.
        let sent = try String(contentsOf: output, encoding: .utf8)
        let leave = try #require(sent.range(of: "\u{1B}[?1049l"))
        #expect(sent[leave.upperBound...].contains("\u{1B}[?1006l\u{1B}[?1000l"), "\(sent.suffix(300).debugDescription)")
        try tmux.send("stty -a", "Enter")
        try await tmux.waitFor("cooked mode") { TmuxSession.words($0).contains("icanon") }

        try tmux.send("clear", "Enter")
        try tmux.resize(width: 100, height: 30)
        try tmux.send("fg", "Enter")
        let screen = try await tmux.waitFor("the dashboard again, 100 wide") {
            $0.contains("chat-prod") && $0.contains("1 Instances")
                && $0.split(separator: "\n").allSatisfy { $0.count <= 100 }
        }
        #expect(!screen.contains("shell$"))
        try await Self.waitForFormat(tmux, "#{mouse_sgr_flag} #{alternate_on}", "1 1")
        try tmux.send("q")
        try await tmux.waitFor(text: "shell$")
    }
}
