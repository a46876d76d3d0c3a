import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TerminalUI
import TextLayout

/// Styles a person notices on the whole screen: the selection bar, status
/// colours, errors in red, empty capacity dimmed, stale data and failures.
@Suite("Screen styles")
struct ScreenStyleTests {
    let theme = Theme.dark

    @Test("The selected row is highlighted across the whole width and follows the selection")
    func selectedRow() {
        let state = ScreenFixture.loaded(width: 80, height: 24)
        let buffer = ScreenFixture.render(state)
        #expect(rowStyles(buffer, y: 3) == [theme.selectedRow])
        #expect(!rowStyles(buffer, y: 4).contains(theme.selectedRow))

        let moved = ScreenFixture.render(ScreenFixture.after(state, [.command(.move(.down))]))
        #expect(rowStyles(moved, y: 4) == [theme.selectedRow])
        #expect(!rowStyles(moved, y: 3).contains(theme.selectedRow))
    }

    @Test("Without colours the selected row is drawn reversed")
    func selectedRowWithoutColours() {
        let buffer = ScreenFixture.render(ScreenFixture.loaded(width: 80, height: 24), theme: .mono)
        let styles = rowStyles(buffer, y: 3)
        #expect(styles == [Theme.mono.selectedRow])
        #expect(Theme.mono.selectedRow.attributes.contains(.reverse))
    }

    @Test("Statuses take their class colour; prices not billed (starting ones too) and unknown readiness are muted")
    func statusColours() {
        // The selection moves to the second row so that the first shows its own colours.
        let state = ScreenFixture.after(ScreenFixture.loaded(width: 80, height: 24), [.command(.move(.down))])
        let buffer = ScreenFixture.render(state)
        #expect(styles(of: "ACTIVE", in: buffer, y: 3) == [theme.ok])
        #expect(styles(of: "chat-prod-eu", in: buffer, y: 3) == [theme.text])
        #expect(styles(of: "2/3", in: buffer, y: 3) == [theme.warning])
        #expect(styles(of: "DEPLOYING", in: buffer, y: 5) == [theme.progress])
        let readyEnd = (displayColumn(of: "[R]EADY", in: buffer.lines[2]) ?? 0) + 6
        #expect(buffer[readyEnd, 5].text == "-")
        #expect(buffer[readyEnd, 5].style == theme.muted)
        #expect(styles(of: "ERROR", in: buffer, y: 6) == [theme.failed])
        #expect(styles(of: "$1.44", in: buffer, y: 6) == [theme.muted])
        #expect(styles(of: "DISABLED", in: buffer, y: 7) == [theme.stopped])
        #expect(styles(of: "$1.44", in: buffer, y: 7) == [theme.muted])
        #expect(styles(of: "$1.44", in: buffer, y: 5) == [theme.muted])  // DEPLOYING: not debited yet
        #expect(styles(of: "$2.88", in: buffer, y: 3) == [theme.text])
    }

    @Test("Header: active tab, burn rate in bold, column titles")
    func header() {
        let buffer = ScreenFixture.render(ScreenFixture.loaded(width: 80, height: 24))
        #expect(styles(of: " 1 Instances ", in: buffer, y: 1) == [theme.tabActive])
        #expect(styles(of: " 2 ", in: buffer, y: 1) == [theme.tabInactive])
        #expect(styles(of: "$2.88/h +$11.40/h starting", in: buffer, y: 0) == [theme.header.with(.bold)])
        #expect(styles(of: "updated 3s ago", in: buffer, y: 0) == [theme.header])
        #expect(rowStyles(buffer, y: 2) == [theme.tableHeader])
    }

    @Test("Detail: the region's error in the error style, status and bars in their colours")
    func detail() throws {
        let buffer = ScreenFixture.render(ScreenFixture.detail(width: 80, height: 24))
        let errorRow = try #require(row(containing: "Insufficient capacity", in: buffer))
        #expect(styles(of: "Insufficient capacity: no 1xL40S node free in Tokyo", in: buffer, y: errorRow) == [theme.error])
        #expect(styles(of: "ACTIVE", in: buffer, y: 3) == [theme.ok])
        #expect(styles(of: "Status", in: buffer, y: 3) == [theme.muted])
        #expect(styles(of: "https://chat-prod-eu.ai.sesterce.dev/", in: buffer, y: 7) == [theme.title])
        #expect(styles(of: "Regions", in: buffer, y: 9) == [theme.title.with(.bold)])
        #expect(styles(of: "██████████████████", in: buffer, y: 10) == [theme.ok])
        #expect(styles(of: "░░░░░░░░░░░░░░░░░░", in: buffer, y: 12) == [theme.muted])
        #expect(styles(of: "triggers: cpu 70%", in: buffer, y: 13) == [theme.muted])
        #expect(buffer[0, 2].style == theme.border)
    }

    @Test("Detail: a secret env var is masked everywhere on screen")
    func secretsMasked() {
        for state in [ScreenFixture.detail(width: 120, height: 40), ScreenFixture.detailAtEnd(width: 80, height: 24)] {
            let text = ScreenFixture.render(state).lines.joined(separator: "\n")
            #expect(text.contains("HF_TOKEN=••••••••"))
            #expect(text.contains("MAX_MODEL_LEN=8192"))
            #expect(!text.contains("hf_live"))
        }
    }

    @Test("Regions: zero capacity and regions under maintenance are muted, states coloured")
    func capacityMatrix() {
        let buffer = ScreenFixture.render(ScreenFixture.pane(.regions, width: 80, height: 24))
        let lines = buffer.lines
        // Right edge of each capacity column, where its number ends.
        let l40s = (displayColumn(of: "1xL40S", in: lines[2]) ?? 0) + 5
        let h100 = (displayColumn(of: "1xH100", in: lines[2]) ?? 0) + 5
        #expect(lines[4].hasPrefix("Paris (FR)"))
        #expect(buffer[h100, 4].text == "0")
        #expect(buffer[h100, 4].style == theme.muted)
        #expect(buffer[l40s, 4].text == "2")
        #expect(buffer[l40s, 4].style == theme.text)
        #expect(styles(of: "ACTIVE", in: buffer, y: 4) == [theme.ok])
        #expect(lines[5].hasPrefix("Tokyo (JP)"))
        #expect(buffer[l40s, 5].text == "4")
        #expect(buffer[l40s, 5].style == theme.muted)
        #expect(styles(of: "MAINTENANCE", in: buffer, y: 5) == [theme.warning])
    }

    @Test("A failed poll: stale warning in the header, the error on the flash line")
    func stale() {
        let buffer = ScreenFixture.render(ScreenFixture.staleAfterFailure(width: 80, height: 24))
        #expect(styles(of: "stale: updated 8s ago", in: buffer, y: 0) == [theme.warning.with(.bold)])
        let flash = "Refresh failed, retrying in 5s: Server error (503): upstream unavailable"
        #expect(styles(of: flash, in: buffer, y: 22) == [theme.flashError])
    }

    @Test("A failed poll: the spend, counted no further, is marked stale in the same tone")
    func staleSpend() {
        let buffer = ScreenFixture.render(ScreenFixture.staleAfterFailure(width: 120, height: 40))
        #expect(styles(of: "spent $1.44", in: buffer, y: 0) == [theme.header.with(.bold)])
        #expect(styles(of: "(stale)", in: buffer, y: 0) == [theme.warning.with(.bold)])
        let fresh = ScreenFixture.render(ScreenFixture.loaded(width: 120, height: 40))
        #expect(!fresh.lines[0].contains("(stale)"))
    }

    @Test("Typing a filter: the prompt and its cursor in the title style")
    func filterPrompt() {
        let buffer = ScreenFixture.render(ScreenFixture.typingFilter(width: 80, height: 24))
        #expect(styles(of: "/eu", in: buffer, y: 22) == [theme.title.with(.bold)])
        #expect(styles(of: "▏", in: buffer, y: 22) == [theme.title])
    }

    @Test("Overlays: help keys in the key style, the dialog on its own background")
    func overlays() {
        let help = ScreenFixture.render(ScreenFixture.help(width: 80, height: 24))
        #expect(styles(of: "Shift-Tab", in: help, y: 12) == [theme.key])
        #expect(styles(of: "Panes", in: help, y: 3) == [theme.title])

        let dialog = ScreenFixture.render(ScreenFixture.stopConfirmation(width: 80, height: 24))
        #expect(styles(of: "Stop chat-prod-eu? Its endpoint stops answering.", in: dialog, y: 10) == [theme.dialog])
        #expect(styles(of: "y confirm · n/Esc cancel", in: dialog, y: 12) == [theme.muted.on(theme.dialog)])
        #expect(styles(of: "y", in: dialog, y: 23) == [theme.key])
    }

    @Test("Too small: the message in the warning style")
    func tooSmall() {
        let buffer = ScreenFixture.render(ScreenFixture.loaded(width: 59, height: 16))
        #expect(styles(of: "Terminal too small", in: buffer, y: 7) == [theme.warning])
    }
}

/// The styles of the cells of row `y`.
func rowStyles(_ buffer: Buffer, y: Int) -> Set<Style> {
    Set((0..<buffer.width).map { buffer[$0, y].style })
}

/// The styles of the cells where `text` first appears on row `y`, or [] when
/// it is not there.
func styles(of text: String, in buffer: Buffer, y: Int) -> Set<Style> {
    guard let start = displayColumn(of: text, in: buffer.lines[y]) else { return [] }
    return Set((start..<start + DisplayWidth.of(text)).map { buffer[$0, y].style })
}

/// The first row whose text contains `text`.
func row(containing text: String, in buffer: Buffer) -> Int? {
    buffer.lines.firstIndex { $0.contains(text) }
}
