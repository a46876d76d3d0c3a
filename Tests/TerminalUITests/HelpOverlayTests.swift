import DashboardCore
import Testing
import TerminalUI
import TextLayout

@Suite("Help overlay")
struct HelpOverlayTests {
    static let sections = [
        HelpModel.Section(title: "Navigation", entries: [.init(keys: "j/k", action: "move"), .init(keys: "g/G", action: "top/bottom")]),
        HelpModel.Section(title: "Instances", entries: [.init(keys: "s", action: "start"), .init(keys: "x", action: "stop")]),
    ]

    /// The overlay laid out for the whole of `buffer`, scrolled to `scroll`.
    func help(for buffer: Buffer, scroll: Int = 0) -> HelpOverlay {
        HelpOverlay(layout: HelpLayout(title: "Keys", sections: Self.sections, width: buffer.width, height: buffer.height),
                    scrollOffset: scroll)
    }

    @Test func listsKeysInAlignedColumnsBySection() {
        var buffer = backdrop(width: 30, height: 12)
        help(for: buffer).render(into: &buffer, area: buffer.area, theme: .dark)
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
        help(for: buffer).render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[6, 2].style == theme.title)
        #expect(buffer[8, 3].style == theme.key)
        #expect(buffer[13, 3].style == theme.text)
    }

    @Test func smallTerminalShowsWhichLinesAreVisible() {
        var buffer = Buffer(width: 30, height: 6)
        help(for: buffer).render(into: &buffer, area: buffer.area, theme: .dark)
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
        let scrolled = help(for: buffer, scroll: 10)
        #expect(scrolled.layout.maxScroll == 3)
        scrolled.render(into: &buffer, area: buffer.area, theme: .dark)
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
        help(for: buffer).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[4] == "│   g/G  top/… │")
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 16 })
    }
}
