import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TerminalUI

/// The Cost pane (6) as a person sees it: the burn-rate chart of the chosen
/// window, spend today and this month (observed and estimated), the month's
/// projection against the budget, and the instances that cost most.
@Suite("Cost pane screens")
struct CostScreenTests {
    @Test("Cost at 80x24: the 24 h chart, spend, projection over budget, top instances")
    func cost80x24() {
        expectScreen(ScreenFixture.cost(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2  3  4  5  6 Cost  7          over budget: $2,811.78 of $2,000.00/mo  Cost",
            "┌─ Cost ───────────────────────────────────────────────────────────────────────┐",
            "│ Burn rate ($/h)   last hour  [24 h]  7 days   30 days                        │",
            "│    $2.88/h│                                                █████████████████ │",
            "│           │                                                █████████████████ │",
            "│           │                                                █████████████████ │",
            "│           │                            ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄█████████████████ │",
            "│           │                            █████████████████████████████████████ │",
            "│           │                           ▆█████████████████████████████████████ │",
            "│         $0│                           ██████████████████████████████████████ │",
            "│                                                                              │",
            "│ Today (UTC)     $44.75        observed $41.25 · estimated $3.50              │",
            "│ This month      $670.50       observed $612.40 · estimated $58.10            │",
            "│ Month end       $2,811.78     projected: this month + $2.88/h until the 1st  │",
            "│ Monthly budget  $2,000.00     projected 141 %: over budget                   │",
            "│                                                                              │",
            "│ Most this month                                                              │",
            "│ chat-prod-eu                  $430.00  ▄▅▅▆▆▇▇█                              │",
            "│ llama70b-eu                   $208.10  ▁▁▂▆█▇▆▂                              │",
            "│ whisper-batch                  $32.40  █▇▇▁▁▁▁▁                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "Budget: 100% of the monthly budget",
            "w chart window  r refresh  ? help  q quit",
        ]))
    }

    @Test("Cost at 120x40: the 24 h chart taller, the budget in the header")
    func cost120x40() {
        expectScreen(ScreenFixture.cost(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1  2  3  4  5  6 Cost  7                                                  over budget: $2,811.78 of $2,000.00/mo  Cost",
            "┌─ Cost ───────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ Burn rate ($/h)   last hour  [24 h]  7 days   30 days                                                                │",
            "│    $2.88/h│                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                                                             ████████████████████████████ │",
            "│           │                                            ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│           │                                            █████████████████████████████████████████████████████████████ │",
            "│         $0│                                            █████████████████████████████████████████████████████████████ │",
            "│                                                                                                                      │",
            "│ Today (UTC)     $44.75        observed $41.25 · estimated $3.50                                                      │",
            "│ This month      $670.50       observed $612.40 · estimated $58.10                                                    │",
            "│ Month end       $2,811.78     projected: this month + $2.88/h until the 1st                                          │",
            "│ Monthly budget  $2,000.00     projected 141 %: over budget                                                           │",
            "│                                                                                                                      │",
            "│ Most this month                                                                                                      │",
            "│ chat-prod-eu                     $430.00  ▄▅▅▆▆▇▇█                                                                   │",
            "│ llama70b-eu                      $208.10  ▁▁▂▆█▇▆▂                                                                   │",
            "│ whisper-batch                     $32.40  █▇▇▁▁▁▁▁                                                                   │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "Budget: 100% of the monthly budget",
            "w chart window  r refresh  ? help  q quit",
        ]))
    }

    @Test("w switches the chart to the last hour at a steady $2.88/h")
    func lastHour() {
        let state = ScreenFixture.cost(width: 80, height: 24, window: .hour)
        let lines = ScreenFixture.render(state).lines
        #expect(lines.contains { $0.contains("[last hour]") })
        #expect(lines.contains { $0.contains("Month end") })
    }

    @Test("Without a ledger the pane says why")
    func noLedger() {
        let state = ScreenFixture.pane(.cost, width: 80, height: 24)
        #expect(ScreenFixture.render(state).lines.contains { $0.contains("No ledger") })
    }
}
