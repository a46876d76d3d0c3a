import DashboardCore
import Testing
import TerminalUI

/// The screens at 60x16, a narrow tmux split: the header on one line each,
/// columns dropped by priority (NAME, STATUS, READY and $/H stay), the footer
/// down to what fits with `? help` kept; below 60x16, "too small".
@Suite("Screens at 60x16")
struct NarrowScreenTests {
    @Test("Instances: ADDRESS dropped first, the burn rate kept, `? help` kept in the footer")
    func instances() {
        expectScreen(ScreenFixture.loaded(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                Instances (5)",
            "[N]AME▲             [S]TATUS          [R]EADY    $/[H] [A]GE",
            "chat-prod-eu        ACTIVE                2/3    $2.88   12d",
            "llama70b-eu         PARTIALLYDEPLOYED     3/4    $9.96    1d",
            "sdxl-render         DEPLOYING               -    $1.44   34m",
            "support-bot         ERROR                   -    $1.44   40m",
            "whisper-batch       DISABLED                -    $1.44    2h",
        ], blank(7), [
            "Enter open  s start  x stop  n new  e edit  c clone  ? help",
        ]))
    }

    @Test("Instances sorted with Shift-H, two rows marked: the mark column and the sort letters still fit")
    func marked() {
        expectScreen(ScreenFixture.marked(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7      Instances (5, 2 marked)",
            "  [N]AME            [S]TATUS          [R]EADY   $/[H]▲ [A]GE",
            "✓ sdxl-render       DEPLOYING               -    $1.44   34m",
            "✓ support-bot       ERROR                   -    $1.44   40m",
            "  whisper-batch     DISABLED                -    $1.44    2h",
            "  chat-prod-eu      ACTIVE                2/3    $2.88   12d",
            "  llama70b-eu       PARTIALLYDEPLOYED     3/4    $9.96    1d",
        ], blank(7), [
            "s start  x stop  T timer  D delete  \\ unmark  ? help",
        ]))
    }

    @Test("Stopping marked rows: one question naming them, those left out and the $/h saved")
    func bulkStopConfirmation() {
        expectScreen(ScreenFixture.bulkStopConfirmation(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7      Instances (5, 4 marked)",
            "  [N]AME            [S]TATUS          [R]EADY   $/[H]▲ [A]GE",
            "✓ sdxl-render       DEPLOYING               -    $1.44   34m",
            "┌─ Stop 3 instances ───────────────────────────────────────┐",
            "│ sdxl-render, support-bot and chat-prod-eu?               │",
            "│ Burn rate: −$2.88/h, and $1.44/h starting no longer due. │",
            "│ Their endpoints stop answering.                          │",
            "│ Left out, already stopped: whisper-batch.                │",
            "│                                                          │",
            "│ y confirm · n/Esc cancel                                 │",
            "└──────────────────────────────────────────────────────────┘",
        ], blank(3), [
            "y confirm  n/Esc cancel",
        ]))
    }

    @Test("Regions: every hardware column still fits")
    func regions() {
        expectScreen(ScreenFixture.pane(.regions, width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1  2 Regions  3  4  5  6  7                    Regions (3)",
            "[R]EGION▲           [S]TATE     1xL40S 1xH100 8xH200 TOT[A]L",
            "Helsinki (FI)       ACTIVE           3      6      0       9",
            "Paris (FR)          ACTIVE          12      0      1      13",
            "Tokyo (JP)          MAINTENANCE      4      2      0       6",
        ], blank(9), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Hardware: RAM and vCPU dropped, the price and regions kept")
    func hardware() {
        expectScreen(ScreenFixture.pane(.hardware, width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1  2  3 Hardware  4  5  6  7                  Hardware (3)",
            "[N]AME▲           GPU                    $/[H] POD [R]EGIONS",
            "1xH100 / 26 vCPU… NVIDIA-H100-80GB x1        $2.49         1",
            "1xL40S / 16 vCPU… NVIDIA-L40S x1             $1.44         2",
            "8xH200 / 184 vCP… NVIDIA-H200-141GB x8      $28.72         1",
        ], blank(9), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Registries: UPDATED dropped")
    func registries() {
        expectScreen(ScreenFixture.pane(.registries, width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1  2  3  4  5 Registries  6  7              Registries (2)",
            "[N]AME▲           [U]RL                 [C]REATED",
            "dockerhub-acme    registry-1.docker.io… 2025-10-03 12:30 UTC",
            "ghcr-vllm         ghcr.io/acme/vllm     2025-11-22 00:00 UTC",
        ], blank(10), [
            "/ filter  o sort  n new  e edit  D delete  r refresh  ? help",
        ]))
    }

    @Test("Detail: the box narrows; the footer ends with ? help")
    func detail() {
        expectScreen(ScreenFixture.detail(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7",
            "┌─ chat-prod-eu ───────────────────────────────────────────┐",
            "│ Status       ACTIVE                                      │",
            "│ Price        $2.88/h                                     │",
            "│ Hardware     1xL40S / 16 vCPU / 232GiB RAM               │",
            "│ Model        llama-3.1-8b-instruct                       │",
            "│ Address      https://chat-prod-eu.ai.sesterce.dev/       │",
            "│                                                          │",
            "│ Regions                                                  │",
            "│ Paris            ██████████████████ 2/2  min 1 · max 4 … │",
            "│   triggers: gpuUtilization 80% · http 50 req/30s         │",
            "│ Tokyo            ░░░░░░░░░░░░░░░░░░ 0/1  min 1 · max 2 … │",
            "└──────────────────────────── lines 1-10 of 27 · Esc back ─┘",
            "",
            "Esc back  ↑↓ scroll  s start  x stop  n new  e edit  ? help",
        ]))
    }

    @Test("Help: scrolls in the rows left")
    func help() {
        expectScreen(ScreenFixture.help(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                Instances (5)",
            "┌─ Keys — Esc or ? closes ─────────────────────────────────┐",
            "│ Panes                                                    │",
            "│   1             show Instances                           │",
            "│   2             show Regions                             │",
            "│   3             show Hardware                            │",
            "│   4             show Models                              │",
            "│   5             show Registries                          │",
            "│   6             show Cost                                │",
            "│   7             show Events                              │",
            "│   Tab           next pane                                │",
            "│   Shift-Tab     previous pane                            │",
            "└─────────────────────────────────────── lines 1-10 of 90 ─┘",
            "",
            "↑↓ PgUp PgDn g G scroll  Esc/? close help",
        ]))
    }

    @Test("Stop confirmation: the dialog fits over the table")
    func stopConfirmation() {
        expectScreen(ScreenFixture.stopConfirmation(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                Instances (5)",
            "[N]AME▲             [S]TATUS          [R]EADY    $/[H] [A]GE",
            "chat-prod-eu        ACTIVE                2/3    $2.88   12d",
            "llama70b-eu         PARTIALLYDEPLOYED     3/4    $9.96    1d",
            "sdxl┌─ Stop instance ──────────────────────────────────┐ 34m",
            "supp│ Stop chat-prod-eu? Its endpoint stops answering. │ 40m",
            "whis│                                                  │  2h",
            "    │ y confirm · n/Esc cancel                         │",
            "    └──────────────────────────────────────────────────┘",
        ], blank(5), [
            "y confirm  n/Esc cancel",
        ]))
    }

    @Test("Cost: the figures are cut, the chart and budget stay")
    func cost() {
        expectScreen(ScreenFixture.cost(width: 60, height: 16), screen(
        [
            " updated 3s ago                  $2.88/h +$11.40/h starting",
            " 1  2  3  4  5  6 Cost  7   over budget: $2,811.78 o…  Cost",
            "┌─ Cost ───────────────────────────────────────────────────┐",
            "│ Burn rate ($/h)   last hour  [24 h]  7 days   30 days    │",
            "│    $2.88/h│                                 ████████████ │",
            "│         $0│                   ██████████████████████████ │",
            "│                                                          │",
            "│ Today (UTC)     $44.75        observed $41.25 · estimat… │",
            "│ This month      $670.50       observed $612.40 · estima… │",
            "│ Month end       $2,811.78     projected: this month + $… │",
            "│ Monthly budget  $2,000.00     projected 141 %: over bud… │",
            "│                                                          │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
            "Budget: 100% of the monthly budget",
            "w chart window  r refresh  ? help  q quit",
        ]))
    }

    @Test("Below 60x16 only the sizes are shown")
    func tooSmall() {
        expectScreen(ScreenFixture.loaded(width: 59, height: 16), screen(
        blank(7), [
            "                    Terminal too small",
            "               current 59x16, minimum 60x16",
        ], blank(7)))
        expectScreen(ScreenFixture.loaded(width: 60, height: 15), screen(
        blank(6), [
            "                     Terminal too small",
            "                current 60x15, minimum 60x16",
        ], blank(7)))
    }
}
