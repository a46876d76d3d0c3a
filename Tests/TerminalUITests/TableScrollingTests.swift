import Testing
import TerminalUI

/// Counts how often a table asks for a row.
final class RowRequests {
    var indices: [Int] = []
}

@Suite("Table scrolling")
struct TableScrollingTests {
    @Test func selectionAtTheTopNeedsNoScroll() {
        #expect(Table.scrollOffset(selected: 0, previousOffset: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(Table.scrollOffset(selected: 9, previousOffset: 0, visibleRows: 10, rowCount: 100) == 0)
    }

    @Test func movingPastTheBottomScrollsByOne() {
        #expect(Table.scrollOffset(selected: 10, previousOffset: 0, visibleRows: 10, rowCount: 100) == 1)
    }

    @Test func movingAboveTheTopScrollsUpToTheSelection() {
        #expect(Table.scrollOffset(selected: 44, previousOffset: 45, visibleRows: 10, rowCount: 100) == 44)
    }

    @Test func selectionInsideTheViewKeepsTheOffset() {
        #expect(Table.scrollOffset(selected: 50, previousOffset: 45, visibleRows: 10, rowCount: 100) == 45)
    }

    @Test func jumpToTheEndWithGAndBackWithg() {
        #expect(Table.scrollOffset(selected: 99, previousOffset: 0, visibleRows: 10, rowCount: 100) == 90)
        #expect(Table.scrollOffset(selected: 0, previousOffset: 90, visibleRows: 10, rowCount: 100) == 0)
    }

    @Test func fewerRowsThanTheViewNeverScroll() {
        #expect(Table.scrollOffset(selected: 4, previousOffset: 3, visibleRows: 10, rowCount: 5) == 0)
    }

    @Test func shrinkingTheListLeavesNoEmptyRowsAtTheBottom() {
        #expect(Table.scrollOffset(selected: nil, previousOffset: 200, visibleRows: 10, rowCount: 100) == 90)
        #expect(Table.scrollOffset(selected: 500, previousOffset: 0, visibleRows: 10, rowCount: 100) == 90)
    }

    @Test func emptyTableOrNoRoomGivesZero() {
        #expect(Table.scrollOffset(selected: 3, previousOffset: 7, visibleRows: 10, rowCount: 0) == 0)
        #expect(Table.scrollOffset(selected: 3, previousOffset: 7, visibleRows: 0, rowCount: 10) == 0)
    }

    @Test func tenThousandRowsAskOnlyForTheVisibleOnes() {
        let requests = RowRequests()
        var buffer = Buffer(width: 52, height: 11)
        let table = Table(columns: instanceColumns, rowCount: 10_000, selected: 9_999) { index in
            requests.indices.append(index)
            return instanceRow("instance-\(index)")
        }
        let offset = table.render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(offset == 9_990)
        #expect(requests.indices == Array(9_990..<10_000))
        #expect(buffer.lines[1].hasPrefix("instance-99… Running"))
        #expect(buffer[0, 10].style == Theme.dark.selectedRow)
        #expect(Table.visibleRows(in: buffer.area) == 10)
    }

    @Test func renderKeepsThePreviousOffsetWhenTheSelectionIsVisible() {
        var buffer = Buffer(width: 52, height: 4)
        let rows = (0..<20).map { instanceRow("row-\($0)") }
        let offset = Table(columns: instanceColumns, rows: rows, selected: 6, scrollOffset: 5)
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(offset == 5)
        #expect(buffer.lines.map { String($0.prefix(6)) } == ["NAME  ", "row-5 ", "row-6 ", "row-7 "])
    }
}
