import Testing
import TerminalUI

@Suite("Themes")
struct ThemeTests {
    func styles(_ theme: Theme) -> [Style] {
        [theme.text, theme.header, theme.tabActive, theme.tabInactive, theme.tableHeader, theme.selectedRow,
         theme.ok, theme.progress, theme.stopped, theme.failed, theme.unknown, theme.warning, theme.error,
         theme.muted, theme.border, theme.title, theme.key, theme.flashInfo, theme.flashError, theme.dialog]
    }

    @Test func monoUsesNoColour() {
        for style in styles(.mono) {
            #expect(style.foreground == .default)
            #expect(style.background == .default)
        }
    }

    @Test func monoStillTellsSelectionHeaderAndErrorsApart() {
        let mono = Theme.mono
        #expect(mono.selectedRow != mono.text)
        #expect(mono.tabActive != mono.tabInactive)
        #expect(mono.flashError != mono.flashInfo)
        #expect(mono.tableHeader != mono.text)
    }

    @Test(arguments: ["dark", "light"])
    func colourThemesStayReadableOnEightColours(name: String) {
        let theme = name == "dark" ? Theme.dark : Theme.light
        for style in styles(theme) where style.background != .default {
            #expect(style.foreground.basic != style.background.basic)
        }
        #expect(theme.selectedRow != theme.text)
        #expect(theme.tabActive != theme.tabInactive)
    }

    @Test func lightThemeAvoidsTextThatVanishesOnWhite() {
        for style in styles(.light) where style.background == .default {
            #expect(style.foreground.basic != .white)
            #expect(style.foreground.basic != .yellow)
        }
    }
}
