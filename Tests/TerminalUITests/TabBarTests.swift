import Testing
import TerminalUI

let paneTitles = ["Instances", "Regions", "Hardware", "Models", "Registries"]

@Suite("Tab bar")
struct TabBarTests {
    @Test func numbersTabsAndHighlightsTheActiveOne() {
        let theme = Theme.dark
        var buffer = Buffer(width: 80, height: 1)
        let used = TabBar(titles: paneTitles, active: 1).render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.lines == [padded(" 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries ", 80)])
        #expect(used == 60)
        #expect(buffer[13, 0].style == theme.tabActive)
        #expect(buffer[23, 0].style == theme.tabActive)
        #expect(buffer[12, 0].style == theme.tabInactive)
        #expect(buffer[24, 0].style == theme.tabInactive)
        #expect(buffer[70, 0].style == theme.header)
    }

    @Test func shortensInactiveTabsToTheirNumberWhenNarrow() {
        var buffer = Buffer(width: 40, height: 1)
        TabBar(titles: paneTitles, active: 0).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [padded(" 1 Instances  2  3  4  5 ", 40)])
    }

    @Test func cutsTheLastTabWhenEvenShortLabelsDoNotFit() {
        var buffer = Buffer(width: 12, height: 1)
        TabBar(titles: paneTitles, active: 4).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [" 1  2  3  4 "])
        var tighter = Buffer(width: 16, height: 1)
        TabBar(titles: paneTitles, active: 4).render(into: &tighter, area: tighter.area, theme: .dark)
        #expect(tighter.lines == [" 1  2  3  4  5 …"])
    }

    @Test func drawsInsideItsArea() {
        var buffer = backdrop(width: 30, height: 2)
        TabBar(titles: ["Instances"], active: 0).render(into: &buffer, area: Rect(x: 5, y: 1, width: 20, height: 1), theme: .dark)
        #expect(buffer.lines == [repeated(".", 30), "....." + padded(" 1 Instances ", 20) + "....."])
    }
}
