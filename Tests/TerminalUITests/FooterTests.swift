import Testing
import TerminalUI

@Suite("Flash line and key hints")
struct FooterTests {
    @Test func flashMessageIsTruncatedWithEllipsis() {
        var buffer = backdrop(width: 20, height: 1)
        FlashLine("Instance llama stopped successfully").render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == ["Instance llama stop…"])
        #expect(buffer[0, 0].style == Theme.dark.flashInfo)
    }

    @Test func flashErrorUsesTheErrorStyleAndClearsTheRest() {
        let theme = Theme.dark
        var buffer = backdrop(width: 20, height: 1)
        FlashLine("quota exceeded", kind: .error).render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.lines == [padded("quota exceeded", 20)])
        #expect(buffer[0, 0].style == theme.flashError)
        #expect(buffer[19, 0].style == theme.text)
    }

    @Test func flashNeverShowsControlCharacters() {
        var buffer = Buffer(width: 30, height: 1)
        FlashLine("error:\n\u{1B}[31mboom\u{07} at line 1", kind: .error).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [padded("error: \u{FFFD}boom\u{FFFD} at line 1", 30)])
        #expect(isControlFree(buffer))
    }

    @Test func keyHintsLeaveOutWholeHintsThatDoNotFit() {
        let theme = Theme.dark
        var buffer = backdrop(width: 20, height: 1)
        KeyHintBar([KeyHint("s", "start"), KeyHint("x", "stop"), KeyHint("?", "help")])
            .render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.lines == [padded("s start  x stop", 20)])
        #expect(buffer[0, 0].style == theme.key)
        #expect(buffer[2, 0].style == theme.muted)
    }
}
