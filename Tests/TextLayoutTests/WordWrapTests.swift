import Testing
import TextLayout

@Suite("Word wrap")
struct WordWrapTests {
    @Test func breaksAtSpaces() {
        #expect(WordWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func collapsesRunsOfSpaces() {
        #expect(WordWrap.wrap("  a   b  ", width: 10) == ["a b"])
    }

    @Test func keepsLineBreaksAndEmptyLines() {
        #expect(WordWrap.wrap("one\n\ntwo\r\nthree", width: 10) == ["one", "", "two", "three"])
    }

    @Test func cutsWordsLongerThanALine() {
        #expect(WordWrap.wrap("ab abcdefghij", width: 4) == ["ab", "abcd", "efgh", "ij"])
    }

    @Test func countsWideCharactersAsTwoColumns() {
        let lines = WordWrap.wrap("推理サーバー 🚀 ok", width: 5)
        #expect(lines == ["推理", "サー", "バー", "🚀 ok"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
    }

    @Test func sanitizesWhatItWraps() {
        #expect(WordWrap.wrap("\u{1B}[31mdanger\u{1B}[0m\tzone", width: 20) == ["\u{FFFD}danger\u{FFFD} zone"])
    }

    @Test func nothingFitsInZeroColumns() {
        #expect(WordWrap.wrap("abc", width: 0) == [])
    }
}
