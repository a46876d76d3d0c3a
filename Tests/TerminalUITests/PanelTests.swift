import Testing
import TerminalUI

@Suite("Panel")
struct PanelTests {
    @Test func drawsABoxWithItsTitleAndClearsInside() {
        var buffer = backdrop(width: 16, height: 5)
        let inner = Panel(title: "Regions").render(into: &buffer, area: Rect(x: 1, y: 0, width: 14, height: 4), theme: .dark)
        #expect(buffer.lines == [
            ".┌─ Regions ──┐.",
            ".│            │.",
            ".│            │.",
            ".└────────────┘.",
            repeated(".", 16),
        ])
        #expect(inner == Rect(x: 2, y: 1, width: 12, height: 2))
        #expect(Panel.inner(of: Rect(x: 1, y: 0, width: 14, height: 4)) == inner)
    }

    @Test func truncatesALongTitleAndShowsTheFooter() {
        var buffer = Buffer(width: 12, height: 3)
        Panel(title: "Registries", footer: "1-2 of 9").render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [
            "┌─ Regis… ─┐",
            "│          │",
            "└─ 1-2 o… ─┘",
        ])
    }

    @Test func borderTakesTheBackgroundOfItsInside() {
        let theme = Theme.dark
        var buffer = Buffer(width: 10, height: 3)
        Panel(style: theme.dialog).render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[0, 0].style.background == theme.dialog.background)
        #expect(buffer[0, 0].style.foreground == theme.border.foreground)
        #expect(buffer[4, 1].style == theme.dialog)
    }

    @Test func tooSmallAreaIsOnlyCleared() {
        var buffer = backdrop(width: 3, height: 2)
        let inner = Panel(title: "x").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 2), theme: .dark)
        #expect(buffer.lines == [" ..", " .."])
        #expect(inner.isEmpty)
    }
}
