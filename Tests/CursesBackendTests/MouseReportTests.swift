@testable import CursesBackend
import Testing
import TextLayout

@Suite("Mouse reports")
struct MouseReportTests {
    @Test("SGR reports: a left press is a click, buttons 64 and 65 the wheel, counted from 1 on the terminal and 0 here")
    func decoded() {
        #expect(MouseReports.event(fromParameters: "0;12;5M") == MouseEvent(.click(count: 1), column: 11, row: 4))
        #expect(MouseReports.event(fromParameters: "64;1;1M") == MouseEvent(.wheelUp, column: 0, row: 0))
        #expect(MouseReports.event(fromParameters: "65;300;90M") == MouseEvent(.wheelDown, column: 299, row: 89))
        // Shift or Ctrl held: still a click.
        #expect(MouseReports.event(fromParameters: "16;3;4M") == MouseEvent(.click(count: 1), column: 2, row: 3))
    }

    @Test("A release, another button, motion or a malformed report is no event", arguments: [
        "0;12;5m", "2;12;5M", "1;3;3M", "32;4;4M", "0;0;5M", "0;12M", "0;a;5M", "0;12;5", "", "M", "0;;5M",
    ])
    func ignored(text: String) {
        #expect(MouseReports.event(fromParameters: text) == nil)
    }
}
