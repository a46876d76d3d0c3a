import Testing
import TerminalUI

@Suite("Progress bar")
struct ProgressBarTests {
    @Test(arguments: [
        (0, 2, "░░░░░░░░░░ 0/2"),
        (1, 2, "█████░░░░░ 1/2"),
        (2, 2, "██████████ 2/2"),
        (0, 0, "░░░░░░░░░░ 0/0"),
        (1, 100, "█░░░░░░░ 1/100"),
        (99, 100, "██████░ 99/100"),
        (3, 2, "██████████ 3/2"),
    ])
    func fillsInProportionToReadyReplicas(ready: Int, total: Int, expected: String) {
        var buffer = backdrop(width: 14, height: 1)
        ProgressBar(ready: ready, total: total).render(into: &buffer, area: buffer.area, theme: .dark)
        #expect(buffer.lines == [expected])
    }

    @Test func completeBarIsOkAndPartialBarIsInProgress() {
        let theme = Theme.dark
        var buffer = Buffer(width: 14, height: 2)
        ProgressBar(ready: 2, total: 2).render(into: &buffer, area: buffer.area, theme: theme)
        ProgressBar(ready: 1, total: 2).render(into: &buffer, area: Rect(x: 0, y: 1, width: 14, height: 1), theme: theme)
        #expect(buffer[0, 0].style == theme.ok)
        #expect(buffer[0, 1].style == theme.progress)
        #expect(buffer[5, 1].style == theme.muted)
        #expect(buffer[13, 1].style == theme.text)
    }

    @Test func withoutRoomForABarShowsOnlyTheNumbers() {
        var buffer = backdrop(width: 4, height: 2)
        ProgressBar(ready: 1, total: 2).render(into: &buffer, area: Rect(x: 0, y: 0, width: 4, height: 1), theme: .dark)
        ProgressBar(ready: 10, total: 20).render(into: &buffer, area: Rect(x: 0, y: 1, width: 4, height: 1), theme: .dark)
        #expect(buffer.lines == ["1/2 ", "10/…"])
    }

    @Test func filledCellsNeverFillBeforeEveryReplicaIsReady() {
        #expect(ProgressBar(ready: 9, total: 10).filledCells(barWidth: 5) == 4)
        #expect(ProgressBar(ready: 1, total: 10).filledCells(barWidth: 5) == 1)
        #expect(ProgressBar(ready: 1, total: 2).filledCells(barWidth: 1) == 0)
        #expect(ProgressBar(ready: -1, total: 2).filledCells(barWidth: 10) == 0)
    }
}
