import Testing
import TerminalUI
import TextLayout

@Suite("Help overlay")
struct HelpOverlayTests {
    let help = HelpOverlay(sections: [
        HelpSection("Navigation", keys: [KeyHint("j/k", "move"), KeyHint("g/G", "top/bottom")]),
        HelpSection("Instances", keys: [KeyHint("s", "start"), KeyHint("x", "stop")]),
    ])

    @Test func listsKeysInAlignedColumnsBySection() {
        var buffer = backdrop(width: 30, height: 12)
        let offset = help.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(offset == 0)
        let row = { (inside: String) in "...." + inside + "....." }
        let content = { (text: String) in row("│ " + padded(text, 17) + " │") }
        #expect(buffer.lines == [
            repeated(".", 30),
            row("┌─ Keys " + repeated("─", 12) + "┐"),
            content("Navigation"),
            content("  j/k  move"),
            content("  g/G  top/bottom"),
            content(""),
            content("Instances"),
            content("  s    start"),
            content("  x    stop"),
            row("└" + repeated("─", 19) + "┘"),
            repeated(".", 30), repeated(".", 30),
        ])
    }

    @Test func keysAndTitlesTakeTheirStyles() {
        let theme = Theme.dark
        var buffer = Buffer(width: 30, height: 12)
        help.render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[6, 2].style == theme.title)
        #expect(buffer[8, 3].style == theme.key)
        #expect(buffer[13, 3].style == theme.text)
    }

    @Test func smallTerminalShowsWhichLinesAreVisible() {
        var buffer = Buffer(width: 30, height: 6)
        help.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [
            "    ┌─ Keys " + repeated("─", 12) + "┐     ",
            "    │ " + padded("Navigation", 17) + " │     ",
            "    │ " + padded("  j/k  move", 17) + " │     ",
            "    │ " + padded("  g/G  top/bottom", 17) + " │     ",
            "    │ " + padded("", 17) + " │     ",
            "    └── lines 1-4 of 7 ─┘     ",
        ])
    }

    @Test func scrollOffsetIsClampedToTheLastPage() {
        var buffer = Buffer(width: 30, height: 6)
        var scrolled = help
        scrolled.scrollOffset = 10
        let offset = scrolled.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(offset == 3)
        #expect(Array(buffer.lines[1...5]) == [
            "    │ " + padded("", 17) + " │     ",
            "    │ " + padded("Instances", 17) + " │     ",
            "    │ " + padded("  s    start", 17) + " │     ",
            "    │ " + padded("  x    stop", 17) + " │     ",
            "    └── lines 4-7 of 7 ─┘     ",
        ])
    }

    @Test func narrowTerminalTruncatesDescriptions() {
        var buffer = Buffer(width: 16, height: 12)
        help.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[4] == "│   g/G  top/… │")
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 16 })
    }
}
