import Testing
import TerminalUI

@Suite("Terminal too small")
struct TooSmallTests {
    @Test func minimumIs60x16() {
        let tooSmall = TooSmall()
        #expect(tooSmall.isTooSmall(width: 59, height: 16))
        #expect(tooSmall.isTooSmall(width: 60, height: 15))
        #expect(!tooSmall.isTooSmall(width: 60, height: 16))
        #expect(!tooSmall.isTooSmall(width: 200, height: 60))
    }

    @Test func centresCurrentAndMinimumSize() {
        var buffer = backdrop(width: 40, height: 10)
        TooSmall().render(into: &buffer, theme: .dark)
        var expected = Array(repeating: repeated(" ", 40), count: 10)
        expected[4] = padded(repeated(" ", 11) + "Terminal too small", 40)
        expected[5] = padded(repeated(" ", 6) + "current 40x10, minimum 60x16", 40)
        #expect(buffer.lines == expected)
        #expect(buffer[11, 4].style == Theme.dark.warning)
    }

    @Test func tinyTerminalStillShowsWhatFits() {
        var buffer = Buffer(width: 10, height: 1)
        TooSmall().render(into: &buffer, theme: .dark)
        #expect(buffer.lines == ["Terminal …"])
    }
}
