import DashCommands
import Testing

@Suite("Text tables")
struct TextTableTests {
    @Test("Columns line up under their header; numbers on the right")
    func alignment() {
        let table = TextTable(headers: ["NAME", "$/H"], rows: [["chat-prod", "$12.40"], ["x", "$3.00"]], rightAligned: [1])
        #expect(table.render() == """
            NAME          $/H
            chat-prod  $12.40
            x           $3.00

            """)
    }

    @Test("Control characters in the data cannot reach the terminal")
    func hostileText() {
        let table = TextTable(headers: ["NAME"], rows: [["evil\u{1B}[2Jname\u{07}"]])
        let text = table.render()
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(text.contains("evil\u{FFFD}name\u{FFFD}"))
    }

    @Test("A bidi override cannot reorder the output; wide characters keep the columns aligned")
    func bidiAndWideText() {
        let table = TextTable(headers: ["NAME", "$/H"], rows: [["\u{202E}kcatta", "$1.00"], ["東京", "$2.00"]], rightAligned: [1])
        #expect(table.render() == """
            NAME       $/H
            \u{FFFD}kcatta  $1.00
            東京     $2.00

            """)
    }
}
