import DashboardCore
import TerminalUI
import Testing

@Suite("What a click lands on")
struct ScreenTargetTests {
    private func target(_ state: State, column: Int, row: Int) -> ScreenTarget? {
        Screen(model: ScreenModel(state), theme: .dark).target(column: column, row: row, width: state.width)
    }

    @Test("Each tab's label is its pane's, whole or cut to its number, on the tab row only, at 80 and 120 columns")
    func tabs() {
        for width in [80, 120] {
            let state = ScreenFixture.loaded(width: width, height: 24)
            let row = ScreenFixture.render(state).lines[1]
            for pane in Pane.allCases {
                let whole = " \(pane.rawValue) \(pane.title) "
                let label = row.contains(whole) ? whole : " \(pane.rawValue) "
                guard let start = row.range(of: label).map({ row.distance(from: row.startIndex, to: $0.lowerBound) })
                else { Issue.record("no tab \(label) at \(width)"); continue }
                #expect(target(state, column: start, row: 1) == .tab(pane))
                #expect(target(state, column: start + label.count - 1, row: 1) == .tab(pane))
            }
            #expect(target(state, column: width - 2, row: 1) == nil)
            #expect(target(state, column: 3, row: 0) == nil)
        }
    }

    @Test("A table row is found by its index in the pane's order, scrolled or not; the column titles and the footer are no row")
    func rows() {
        var state = ScreenFixture.loaded(width: 80, height: 24)
        #expect(target(state, column: 5, row: 2) == nil)
        #expect(target(state, column: 5, row: 3) == .tableRow(0))
        #expect(target(state, column: 5, row: 3 + state.listing.order.count - 1) == .tableRow(state.listing.order.count - 1))
        #expect(target(state, column: 5, row: 3 + state.listing.order.count) == nil)
        let many = (0..<40).map {
            ScreenFixture.instance("i\($0)", "node-\(100 + $0)", .active, price: 1, age: 60, address: nil)
        }
        state = ScreenFixture.after(ScreenFixture.loaded(width: 80, height: 24, fleet: many), [.command(.move(.bottom))])
        let visible = Layout.tableRows(height: 24)
        #expect(target(state, column: 5, row: 3) == .tableRow(40 - visible))
        #expect(target(state, column: 5, row: 3 + visible - 1) == .tableRow(39))
        #expect(target(state, column: 5, row: 3 + visible) == nil)
    }

    @Test("With a dialog or the help open, or the detail shown, nothing is a row")
    func covered() {
        #expect(target(ScreenFixture.stopConfirmation(width: 80, height: 24), column: 5, row: 4) == nil)
        #expect(target(ScreenFixture.help(width: 80, height: 24), column: 5, row: 4) == nil)
        #expect(target(ScreenFixture.detail(width: 80, height: 24), column: 5, row: 4) == nil)
    }
}
