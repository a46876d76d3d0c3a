import Testing
import TerminalUI
import TextLayout

/// The instances pane as a screen would declare it.
let instanceColumns = [
    TableColumn("NAME", width: .flexible(min: 12, weight: 2)),
    TableColumn("STATUS", width: .fixed(10)),
    TableColumn("READY", width: .fixed(8), alignment: .right),
    TableColumn("HARDWARE", width: .flexible(min: 10)),
    TableColumn("$/H", width: .fixed(8), alignment: .right),
]

func instanceRow(_ name: String, _ status: String = "Running", style: Style? = nil) -> [TableCell] {
    [TableCell(name), TableCell(status, style: style), "1/2", "1x H100 80GB", "2.49"]
}

@Suite("Table")
struct TableTests {
    @Test func columnWidthsAt80And120ShareTheSpareRoomByWeight() {
        #expect(Table.columnWidths(for: instanceColumns, in: 80) == [31, 10, 8, 19, 8])
        #expect(Table.columnWidths(for: instanceColumns, in: 120) == [58, 10, 8, 32, 8])
        #expect(Table.columnWidths(for: instanceColumns, in: 52) == [12, 10, 8, 10, 8])
    }

    @Test func tooNarrowDropsTheRightmostColumnsWholeAndCutsOnlyALoneColumn() {
        #expect(Table.columnWidths(for: instanceColumns, in: 40) == [20, 10, 8, 0, 0])
        #expect(Table.columnWidths(for: instanceColumns, in: 5) == [5, 0, 0, 0, 0])
    }

    @Test func tooNarrowDropsTheLowestPriorityFirst() {
        let columns = [
            TableColumn("NAME", width: .flexible(min: 12), priority: 10),
            TableColumn("FEATURES", width: .flexible(min: 8), priority: 1),
            TableColumn("READY", width: .fixed(5), priority: 10),
            TableColumn("AGE", width: .fixed(4), priority: 2),
            TableColumn("ADDRESS", width: .flexible(min: 10)),
            TableColumn("$/H", width: .fixed(8), priority: 10),
        ]
        #expect(Table.columnWidths(for: columns, in: 42) == [13, 8, 5, 4, 0, 8])
        #expect(Table.columnWidths(for: columns, in: 36) == [16, 0, 5, 4, 0, 8])
        #expect(Table.columnWidths(for: columns, in: 30) == [15, 0, 5, 0, 0, 8])
    }

    @Test("The sort marker takes a cell from a flexible column rather than cut a title that fills its column")
    func sortMarkerDoesNotCutTheTitle() {
        var buffer = backdrop(width: 30, height: 2)
        let columns = [TableColumn("NAME", width: .flexible(min: 8)), TableColumn("READY", width: .fixed(5), alignment: .right)]
        Table(columns: columns, rows: [[TableCell("chat"), TableCell("1/2")]], sort: TableSort(column: 1, ascending: false))
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [padded("NAME" + repeated(" ", 20) + "READY▼", 30), padded("chat" + repeated(" ", 23) + "1/2", 30)])
    }

    @Test("A column's sort letter is bracketed in its title, the sort marker after it")
    func sortLetterBracketed() {
        var buffer = backdrop(width: 30, height: 2)
        let columns = [
            TableColumn("NAME", width: .flexible(min: 8), sortLetter: "N"),
            TableColumn("$/H", width: .fixed(8), alignment: .right, sortLetter: "H"),
        ]
        Table(columns: columns, rows: [[TableCell("chat"), TableCell("$2.88")]], sort: TableSort(column: 0))
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[0] == "[N]AME▲" + repeated(" ", 18) + "$/[H]")
        #expect(buffer[0, 0].style == Theme.dark.tableHeader)
    }

    @Test("Where the brackets do not fit, the title stays whole and its letter is underlined")
    func sortLetterUnderlinedWhenNarrow() {
        var buffer = backdrop(width: 20, height: 2)
        let columns = [
            TableColumn("NAME", width: .fixed(8), sortLetter: "N"),
            TableColumn("READY", width: .fixed(5), alignment: .right, sortLetter: "R"),
            TableColumn("AGE", width: .fixed(4), alignment: .right, sortLetter: "G"),
        ]
        Table(columns: columns, rows: [[TableCell("chat"), TableCell("1/2"), TableCell("3d")]])
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[0] == padded("[N]AME   READY  AGE", 20))
        let underlined = (0..<20).filter { buffer[$0, 0].style.attributes.contains(.underline) }
        #expect(underlined == [9, 17])  // R of READY, G of AGE (right-aligned)
        #expect(buffer[9, 0].style == Theme.dark.tableHeader.with(.underline))
    }

    @Test func onlyFixedColumnsLeaveTheSpareRoomEmpty() {
        let columns = [TableColumn("A", width: .fixed(3)), TableColumn("B", width: .fixed(2))]
        #expect(Table.columnWidths(for: columns, in: 20) == [3, 2])
    }

    @Test func rendersHeaderAndRowsAt80Columns() {
        var buffer = backdrop(width: 80, height: 4)
        let rows = [instanceRow("llama-3-70b"), instanceRow("mistral-7b", "Stopped")]
        Table(columns: instanceColumns, rows: rows).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [
            padded("NAME", 32) + padded("STATUS", 11) + "   READY " + padded("HARDWARE", 20) + "     $/H",
            padded("llama-3-70b", 32) + padded("Running", 11) + "     1/2 " + padded("1x H100 80GB", 20) + "    2.49",
            padded("mistral-7b", 32) + padded("Stopped", 11) + "     1/2 " + padded("1x H100 80GB", 20) + "    2.49",
            repeated(" ", 80),
        ])
    }

    @Test func columnsStartWhereTheWidthsSayAt120Columns() {
        var buffer = Buffer(width: 120, height: 2)
        Table(columns: instanceColumns, rows: [instanceRow("llama")]).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(displayColumn(of: "STATUS", in: buffer.lines[0]) == 59)
        #expect(displayColumn(of: "Running", in: buffer.lines[1]) == 59)
        #expect(displayColumn(of: "HARDWARE", in: buffer.lines[0]) == 79)
        #expect(buffer.lines[1].hasSuffix(" 2.49"))
        #expect(DisplayWidth.of(buffer.lines[1]) == 120)
    }

    @Test func longNamesAreTruncatedWithEllipsisAtTheColumnEdge() {
        var buffer = Buffer(width: 52, height: 2)
        let name = "an-instance-with-a-very-long-name"
        Table(columns: instanceColumns, rows: [instanceRow(name)]).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[1].hasPrefix("an-instance… Running "))
    }

    @Test func sortMarkerFollowsTheSortedColumnTitle() {
        var buffer = Buffer(width: 52, height: 1)
        Table(columns: instanceColumns, rows: [[TableCell]](), sort: TableSort(column: 0))
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[0].hasPrefix("NAME▲        STATUS"))

        Table(columns: instanceColumns, rows: [[TableCell]](), sort: TableSort(column: 4, ascending: false))
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[0].hasSuffix("    $/H▼"))
    }

    @Test func sortMarkerSurvivesATruncatedTitle() {
        let columns = [TableColumn("REPLICAS", width: .fixed(5))]
        var buffer = Buffer(width: 5, height: 1)
        Table(columns: columns, rows: [[TableCell]](), sort: TableSort(column: 0, ascending: false))
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == ["REP…▼"])
    }

    @Test func selectedRowTakesTheSelectionStyleOverTheFullWidth() {
        let theme = Theme.dark
        var buffer = Buffer(width: 80, height: 4)
        let rows = [instanceRow("a"), instanceRow("b", "Failed", style: theme.failed), instanceRow("c", "Failed", style: theme.failed)]
        Table(columns: instanceColumns, rows: rows, selected: 1).render(into: &buffer, area: buffer.area, theme: theme)
        for x in 0..<80 {
            #expect(buffer[x, 2].style == theme.selectedRow)
            #expect(buffer[x, 1].style != theme.selectedRow)
        }
        #expect(buffer[32, 3].style == theme.failed)
        #expect(buffer[31, 3].style == theme.text)
        #expect(buffer[0, 0].style == theme.tableHeader)
    }

    @Test func cjkAndEmojiNamesKeepColumnsAligned() {
        var buffer = Buffer(width: 80, height: 6)
        let names = ["推理サーバー", "🚀 launch-day", "cafe\u{0301}-model", "한국어-모델-서버-이름이-아주-길어요", "👩‍💻🇫🇷❤️ team"]
        Table(columns: instanceColumns, rows: names.map { instanceRow($0) }).render(into: &buffer, area: buffer.area, theme: .dark)
        for line in buffer.lines {
            #expect(DisplayWidth.of(line) == 80)
        }
        for line in buffer.lines.dropFirst() {
            #expect(displayColumn(of: "Running", in: line) == 32)
            #expect(displayColumn(of: "1x H100", in: line) == 52)
        }
        #expect(buffer.lines[4].hasPrefix("한국어-모델-서버-이름이-아주-…  Running"))
        #expect(wideCharactersAreWhole(buffer))
    }

    @Test func hostileTextNeverReachesACellAndStaysTruncated() {
        let hostile = [
            "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;pwned\u{07}title", "bell\u{07}\u{07}", "del\u{7F}", "c1\u{9B}2J\u{85}",
            "\u{202E}evil.exe", "\u{1B}[2J\u{1B}[H", "nul\u{0}byte", String(repeating: "A", count: 10_000),
            String(repeating: "\u{1B}[1m", count: 1_000) + "x",
        ]
        var buffer = Buffer(width: 80, height: hostile.count + 1)
        let rows = hostile.map { [TableCell($0), TableCell($0), TableCell($0), TableCell($0), TableCell($0)] }
        Table(columns: instanceColumns, rows: rows).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(isControlFree(buffer))
        #expect(wideCharacterAreWholeAndWidthsMatch(buffer))
        #expect(buffer.lines[1].hasPrefix(padded("\u{FFFD}red\u{FFFD}", 32) + "\u{FFFD}red\u{FFFD}"))
        #expect(buffer.lines[2].hasPrefix("\u{FFFD}title"))
        #expect(buffer.lines[9].hasPrefix(repeated("A", 30) + "… " + repeated("A", 9) + "… "))
    }

    @Test func missingCellsAreBlank() {
        var buffer = Buffer(width: 52, height: 2)
        Table(columns: instanceColumns, rows: [[TableCell("only-name")]]).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines[1] == padded("only-name", 52))
    }

    @Test func cellsCanBeWrittenAsInterpolatedLiterals() {
        let ready = 1, total = 2
        let cell: TableCell = "\(ready)/\(total)"
        #expect(cell == TableCell("1/2"))
    }

    @Test func emptyTableShowsItsPlaceholder() {
        var buffer = backdrop(width: 30, height: 3)
        let columns = [TableColumn("NAME", width: .flexible(min: 4))]
        Table(columns: columns, rows: [[TableCell]](), emptyText: "no instances")
            .render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [padded("NAME", 30), padded("         no instances", 30), repeated(" ", 30)])
    }

    @Test func drawsOnlyInsideItsArea() {
        var buffer = backdrop(width: 60, height: 5)
        let area = Rect(x: 4, y: 1, width: 52, height: 3)
        Table(columns: instanceColumns, rows: [instanceRow("x")]).render(into: &buffer, area: area, theme: .dark)
        #expect(buffer.lines[0] == repeated(".", 60))
        #expect(buffer.lines[4] == repeated(".", 60))
        #expect(buffer.lines[1].hasPrefix("....NAME"))
        #expect(buffer.lines[3] == "...." + repeated(" ", 52) + "....")
    }
}
