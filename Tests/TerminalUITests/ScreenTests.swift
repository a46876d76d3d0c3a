import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TerminalUI

/// Whole screens, rendered from a `State` built through `reduce` and compared
/// line by line with what a person would see. Expected lines are written
/// without their trailing blanks; `blank(n)` stands for n empty rows.
@Suite("Screens")
struct ScreenTests {
    // MARK: Panes

    @Test("Instances at 80x24: burn rate and freshness in the header, all rows, hints")
    func instances80x24() {
        expectScreen(ScreenFixture.loaded(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "[N]AME▲         [S]TATUS          [F]EATURES [R]EADY    $/[H] [A]GE ADDR[E]SS",
            "chat-prod-eu    ACTIVE            chat           2/3    $2.88   12d chat-prod-e…",
            "llama70b-eu     PARTIALLYDEPLOYED chat,tools     3/4    $9.96    1d llama70b-eu…",
            "sdxl-render     DEPLOYING         image            -    $1.44   34m -",
            "support-bot     ERROR             chat             -    $1.44   40m support-bot…",
            "whisper-batch   DISABLED          audio            -    $1.44    2h whisper-bat…",
        ], blank(15), [
            "Enter open  s start  x stop  n new  e edit  c clone  D delete  / filter  ? help",
        ]))
    }

    @Test("Instances at 120x40: the host and refresh interval fit too")
    func instances120x40() {
        expectScreen(ScreenFixture.loaded(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "[N]AME▲            [S]TATUS          [F]EATURES     [R]EADY    $/[H] [A]GE ADDR[E]SS        HARD[W]ARE REG[I]ONS",
            "chat-prod-eu       ACTIVE            chat               2/3    $2.88   12d chat-prod-eu.ai… 1xL40S     Paris,Tokyo",
            "llama70b-eu        PARTIALLYDEPLOYED chat,tools         3/4    $9.96    1d llama70b-eu.ai.… 1xH100     Paris",
            "sdxl-render        DEPLOYING         image                -    $1.44   34m -                -          -",
            "support-bot        ERROR             chat                 -    $1.44   40m support-bot.ai.… -          -",
            "whisper-batch      DISABLED          audio                -    $1.44    2h whisper-batch.a… -          -",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Enter open  s start  x stop  n new  e edit  c clone  D delete  / filter  o sort  Space mark  r refresh  ? help  q quit",
        ]))
    }

    @Test("Instances at 120x40 sorted with Shift-H, two rows marked: the mark column, the count, the keys for marks")
    func marked120x40() {
        expectScreen(ScreenFixture.marked(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                   Instances (5, 2 marked)",
            "  [N]AME             [S]TATUS          [F]EATURES    [R]EADY   $/[H]▲ [A]GE ADDR[E]SS       HARD[W]ARE REG[I]ONS",
            "✓ sdxl-render        DEPLOYING         image               -    $1.44   34m -               -          -",
            "✓ support-bot        ERROR             chat                -    $1.44   40m support-bot.ai… -          -",
            "  whisper-batch      DISABLED          audio               -    $1.44    2h whisper-batch.… -          -",
            "  chat-prod-eu       ACTIVE            chat              2/3    $2.88   12d chat-prod-eu.a… 1xL40S     Paris,Tokyo",
            "  llama70b-eu        PARTIALLYDEPLOYED chat,tools        3/4    $9.96    1d llama70b-eu.ai… 1xH100     Paris",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "s start  x stop  T timer  D delete  \\ unmark  / filter  o sort  Space mark  r refresh  ? help  q quit",
        ]))
    }

    @Test("Regions at 80x24: capacity matrix region x hardware, with totals")
    func regions80x24() {
        expectScreen(ScreenFixture.pane(.regions, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2 Regions  3  4  5  6  7                                        Regions (3)",
            "[R]EGION▲                               [S]TATE     1xL40S 1xH100 8xH200 TOT[A]L",
            "Helsinki (FI)                           ACTIVE           3      6      0       9",
            "Paris (FR)                              ACTIVE          12      0      1      13",
            "Tokyo (JP)                              MAINTENANCE      4      2      0       6",
        ], blank(17), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Regions at 120x40")
    func regions120x40() {
        expectScreen(ScreenFixture.pane(.regions, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                               Regions (3)",
            "[R]EGION▲                                                                       [S]TATE     1xL40S 1xH100 8xH200 TOT[A]L",
            "Helsinki (FI)                                                                   ACTIVE           3      6      0       9",
            "Paris (FR)                                                                      ACTIVE          12      0      1      13",
            "Tokyo (JP)                                                                      MAINTENANCE      4      2      0       6",
        ], blank(33), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Hardware at 80x24: the GPU model and count stay whole")
    func hardware80x24() {
        expectScreen(ScreenFixture.pane(.hardware, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2  3 Hardware  4  5  6  7                                      Hardware (3)",
            "[N]AME▲         GPU                  GPU [M]EM vCPU      RAM $/[H] POD [R]EGIONS",
            "1xH100 / 26 vC… NVIDIA-H100-80GB x1     80 GiB   26  225 GiB     $2.49         1",
            "1xL40S / 16 vC… NVIDIA-L40S x1          48 GiB   16  232 GiB     $1.44         2",
            "8xH200 / 184 v… NVIDIA-H200-141GB x8   141 GiB  184 1536 GiB    $28.72         1",
        ], blank(17), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Hardware at 120x40")
    func hardware120x40() {
        expectScreen(ScreenFixture.pane(.hardware, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                              Hardware (3)",
            "[N]AME▲                             GPU                                      GPU [M]EM vCPU      RAM $/[H] POD [R]EGIONS",
            "1xH100 / 26 vCPU / 225GiB RAM       NVIDIA-H100-80GB x1                         80 GiB   26  225 GiB     $2.49         1",
            "1xL40S / 16 vCPU / 232GiB RAM       NVIDIA-L40S x1                              48 GiB   16  232 GiB     $1.44         2",
            "8xH200 / 184 vCPU / 1.5TiB RAM      NVIDIA-H200-141GB x8                       141 GiB  184 1536 GiB    $28.72         1",
        ], blank(33), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Models at 80x24: default hardware by name")
    func models80x24() {
        expectScreen(ScreenFixture.pane(.models, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2  3  4 Models  5  6  7                                          Models (3)",
            "[N]AME▲                      [F]EATURES   [P]ORT DEFAULT [H]ARDWARE",
            "llama-3.1-8b-instruct        chat           8000 1xL40S / 16 vCPU / 232GiB RAM",
            "llama-3.3-70b-instruct       chat,tools     8000 1xH100 / 26 vCPU / 225GiB RAM",
            "whisper-large-v3             audio          9000 1xL40S / 16 vCPU / 232GiB RAM",
        ], blank(17), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Models at 120x40")
    func models120x40() {
        expectScreen(ScreenFixture.pane(.models, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                                Models (3)",
            "[N]AME▲                                          [F]EATURES   [P]ORT DEFAULT [H]ARDWARE",
            "llama-3.1-8b-instruct                            chat           8000 1xL40S / 16 vCPU / 232GiB RAM",
            "llama-3.3-70b-instruct                           chat,tools     8000 1xH100 / 26 vCPU / 225GiB RAM",
            "whisper-large-v3                                 audio          9000 1xL40S / 16 vCPU / 232GiB RAM",
        ], blank(33), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Registries at 80x24")
    func registries80x24() {
        expectScreen(ScreenFixture.pane(.registries, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2  3  4  5 Registries  6  7                                  Registries (2)",
            "[N]AME▲           [U]RL                [C]REATED            U[P]DATED",
            "dockerhub-acme    registry-1.docker.i… 2025-10-03 12:30 UTC 2025-10-03 12:30 UTC",
            "ghcr-vllm         ghcr.io/acme/vllm    2025-11-22 00:00 UTC 2025-12-30 01:01 UTC",
        ], blank(18), [
            "/ filter  o sort  n new  e edit  D delete  r refresh  ? help  q quit",
        ]))
    }

    @Test("Registries at 120x40")
    func registries120x40() {
        expectScreen(ScreenFixture.pane(.registries, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                            Registries (2)",
            "[N]AME▲                               [U]RL                                    [C]REATED            U[P]DATED",
            "dockerhub-acme                        registry-1.docker.io/acme/inference      2025-10-03 12:30 UTC 2025-10-03 12:30 UTC",
            "ghcr-vllm                             ghcr.io/acme/vllm                        2025-11-22 00:00 UTC 2025-12-30 01:01 UTC",
        ], blank(34), [
            "/ filter  o sort  n new  e edit  D delete  r refresh  ? help  q quit",
        ]))
    }

    // MARK: Instance detail

    @Test("Detail at 80x24: regions and the Tokyo error show without scrolling, with the line count")
    func detail80x24() {
        expectScreen(ScreenFixture.detail(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events",
            "┌─ chat-prod-eu ───────────────────────────────────────────────────────────────┐",
            "│ Status       ACTIVE                                                          │",
            "│ Price        $2.88/h                                                         │",
            "│ Hardware     1xL40S / 16 vCPU / 232GiB RAM                                   │",
            "│ Model        llama-3.1-8b-instruct                                           │",
            "│ Address      https://chat-prod-eu.ai.sesterce.dev/                           │",
            "│                                                                              │",
            "│ Regions                                                                      │",
            "│ Paris            ██████████████████ 2/2  min 1 · max 4 · cooldown 300s       │",
            "│   triggers: gpuUtilization 80% · http 50 req/30s                             │",
            "│ Tokyo            ░░░░░░░░░░░░░░░░░░ 0/1  min 1 · max 2 · cooldown 600s       │",
            "│   triggers: cpu 70%                                                          │",
            "│   Insufficient capacity: no 1xL40S node free in Tokyo                        │",
            "│                                                                              │",
            "│ Configuration                                                                │",
            "│ Features     chat                                                            │",
            "│ Port         8000                                                            │",
            "│ Pod lifetime 600s                                                            │",
            "│ Startup      vllm serve --max-model-len 8192                                 │",
            "└──────────────────────────────────────────────── lines 1-18 of 27 · Esc back ─┘",
            "",
            "Esc back  ↑↓ scroll  s start  x stop  n new  e edit  c clone  D delete  ? help",
        ]))
    }

    @Test("Detail at 80x24 scrolled to its end: the environment, the token masked")
    func detailAtEnd80x24() {
        expectScreen(ScreenFixture.detailAtEnd(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events",
            "┌─ chat-prod-eu ───────────────────────────────────────────────────────────────┐",
            "│ Tokyo            ░░░░░░░░░░░░░░░░░░ 0/1  min 1 · max 2 · cooldown 600s       │",
            "│   triggers: cpu 70%                                                          │",
            "│   Insufficient capacity: no 1xL40S node free in Tokyo                        │",
            "│                                                                              │",
            "│ Configuration                                                                │",
            "│ Features     chat                                                            │",
            "│ Port         8000                                                            │",
            "│ Pod lifetime 600s                                                            │",
            "│ Startup      vllm serve --max-model-len 8192                                 │",
            "│ Description  Production chat endpoint for the EU support widget              │",
            "│ API key ids  key-web, key-mobile                                             │",
            "│ Created      2025-12-20 00:00 UTC (12d ago)                                  │",
            "│ Updated      2025-12-31 22:30 UTC (2h ago)                                   │",
            "│                                                                              │",
            "│ Environment                                                                  │",
            "│   HF_TOKEN=••••••••                                                          │",
            "│   LOG_LEVEL=info                                                             │",
            "│   MAX_MODEL_LEN=8192                                                         │",
            "└─────────────────────────────────────────────── lines 10-27 of 27 · Esc back ─┘",
            "",
            "Esc back  ↑↓ scroll  s start  x stop  n new  e edit  c clone  D delete  ? help",
        ]))
    }

    @Test("Detail at 120x40: everything fits, the token masked")
    func detail120x40() {
        expectScreen(ScreenFixture.detail(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events",
            "┌─ chat-prod-eu ───────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ Status       ACTIVE                                                                                                  │",
            "│ Price        $2.88/h                                                                                                 │",
            "│ Hardware     1xL40S / 16 vCPU / 232GiB RAM                                                                           │",
            "│ Model        llama-3.1-8b-instruct                                                                                   │",
            "│ Address      https://chat-prod-eu.ai.sesterce.dev/                                                                   │",
            "│                                                                                                                      │",
            "│ Regions                                                                                                              │",
            "│ Paris            ██████████████████ 2/2  min 1 · max 4 · cooldown 300s                                               │",
            "│   triggers: gpuUtilization 80% · http 50 req/30s                                                                     │",
            "│ Tokyo            ░░░░░░░░░░░░░░░░░░ 0/1  min 1 · max 2 · cooldown 600s                                               │",
            "│   triggers: cpu 70%                                                                                                  │",
            "│   Insufficient capacity: no 1xL40S node free in Tokyo                                                                │",
            "│                                                                                                                      │",
            "│ Configuration                                                                                                        │",
            "│ Features     chat                                                                                                    │",
            "│ Port         8000                                                                                                    │",
            "│ Pod lifetime 600s                                                                                                    │",
            "│ Startup      vllm serve --max-model-len 8192                                                                         │",
            "│ Description  Production chat endpoint for the EU support widget                                                      │",
            "│ API key ids  key-web, key-mobile                                                                                     │",
            "│ Created      2025-12-20 00:00 UTC (12d ago)                                                                          │",
            "│ Updated      2025-12-31 22:30 UTC (2h ago)                                                                           │",
            "│                                                                                                                      │",
            "│ Environment                                                                                                          │",
            "│   HF_TOKEN=••••••••                                                                                                  │",
            "│   LOG_LEVEL=info                                                                                                     │",
            "│   MAX_MODEL_LEN=8192                                                                                                 │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "│                                                                                                                      │",
            "└─────────────────────────────────────────────────────────────────────────────────────────────────────────── Esc back ─┘",
            "",
            "Esc back  ↑↓ scroll  s start  x stop  n new  e edit  c clone  D delete  r refresh  ? help  q quit",
        ]))
    }

    // MARK: Overlays and footer

    @Test("Help at 80x24: keys in sections, scroll position in the border")
    func help80x24() {
        expectScreen(ScreenFixture.help(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "┌─ Keys — Esc or ? closes ─────────────────────────────────────────────────────┐",
            "│ Panes                                                                        │",
            "│   1             show Instances                                               │",
            "│   2             show Regions                                                 │",
            "│   3             show Hardware                                                │",
            "│   4             show Models                                                  │",
            "│   5             show Registries                                              │",
            "│   6             show Cost                                                    │",
            "│   7             show Events                                                  │",
            "│   Tab           next pane                                                    │",
            "│   Shift-Tab     previous pane                                                │",
            "│                                                                              │",
            "│ Move                                                                         │",
            "│   k ↑           move up                                                      │",
            "│   j ↓           move down                                                    │",
            "│   PgUp Ctrl-B   page up                                                      │",
            "│   PgDn Ctrl-F   page down                                                    │",
            "│   g Home        go to the first row                                          │",
            "│   G End         go to the last row                                           │",
            "└─────────────────────────────────────────────────────────── lines 1-18 of 84 ─┘",
            "",
            "↑↓ PgUp PgDn g G scroll  Esc/? close help",
        ]))
    }

    @Test("Help at 80x24 scrolled to its end: the cost notes wrap instead of being cut")
    func helpAtEnd80x24() {
        expectScreen(ScreenFixture.helpAtEnd(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "┌─ Keys — Esc or ? closes ─────────────────────────────────────────────────────┐",
            "│   y             the selected row (or open detail) as JSON, env values masked │",
            "│   ? F1          this help                                                    │",
            "│   q Ctrl-C      quit                                                         │",
            "│                                                                              │",
            "│ Playground (p)                                                               │",
            "│   Enter         send the prompt                                              │",
            "│   Esc           stop a reply / leave the prompt / close                      │",
            "│   i             back to the prompt line                                      │",
            "│   b             probe: 20 streamed requests, TTFT and tok/s                  │",
            "│   t             parameters: system prompt, temperature, top_p, ...           │",
            "│   u             the same request as a curl command                           │",
            "│                                                                              │",
            "│ Filter and dialogs                                                           │",
            "│   Enter         keep the filter and leave it                                 │",
            "│   Esc           clear the filter / cancel a dialog                           │",
            "│   y             confirm a dialog                                             │",
            "│                                                                              │",
            "│ Forms                                                                        │",
            "└────────────────────────────────────────────────────────── lines 50-67 of 84 ─┘",
            "",
            "↑↓ PgUp PgDn g G scroll  Esc/? close help",
        ]))
    }

    @Test("Help at 120x40: centred over a cleared pane")
    func help120x40() {
        expectScreen(ScreenFixture.help(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "         ┌─ Keys — Esc or ? closes ──────────────────────────────────────────────────────────────────────────┐",
            "         │ Panes                                                                                             │",
            "         │   1             show Instances                                                                    │",
            "         │   2             show Regions                                                                      │",
            "         │   3             show Hardware                                                                     │",
            "         │   4             show Models                                                                       │",
            "         │   5             show Registries                                                                   │",
            "         │   6             show Cost                                                                         │",
            "         │   7             show Events                                                                       │",
            "         │   Tab           next pane                                                                         │",
            "         │   Shift-Tab     previous pane                                                                     │",
            "         │                                                                                                   │",
            "         │ Move                                                                                              │",
            "         │   k ↑           move up                                                                           │",
            "         │   j ↓           move down                                                                         │",
            "         │   PgUp Ctrl-B   page up                                                                           │",
            "         │   PgDn Ctrl-F   page down                                                                         │",
            "         │   g Home        go to the first row                                                               │",
            "         │   G End         go to the last row                                                                │",
            "         │                                                                                                   │",
            "         │ Rows                                                                                              │",
            "         │   Enter         open the instance's detail                                                        │",
            "         │   Esc           back / close / clear filter                                                       │",
            "         │   /             filter rows (Enter keeps, Esc clears)                                             │",
            "         │   o             sort by the next column                                                           │",
            "         │   O             reverse the sort                                                                  │",
            "         │   Shift-A…Z     sort by the column whose letter is bracketed ([N]AME); again: reverse             │",
            "         │                                                                                                   │",
            "         │ Instances                                                                                         │",
            "         │   s             start the selected (or marked) instances (confirm with y)                         │",
            "         │   x             stop the selected (or marked) instances (confirm with y)                          │",
            "         │   p             chat with the endpoint in a playground (b: probe)                                 │",
            "         │   T             stop timer: in 2h, at 19:00 (again: change); on marked ones too                   │",
            "         │   Space         mark the instance, move down: s x T D then act on all marked                      │",
            "         │   \\ Ctrl-Space  unmark every instance                                                             │",
            "         └──────────────────────────────────────────────────────────────────────────────── lines 1-34 of 84 ─┘",
            "",
            "↑↓ PgUp PgDn g G scroll  Esc/? close help",
        ]))
    }

    @Test("Stop confirmation at 80x24: the dialog over the table, y/n hints")
    func stopConfirmation80x24() {
        expectScreen(ScreenFixture.stopConfirmation(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "[N]AME▲         [S]TATUS          [F]EATURES [R]EADY    $/[H] [A]GE ADDR[E]SS",
            "chat-prod-eu    ACTIVE            chat           2/3    $2.88   12d chat-prod-e…",
            "llama70b-eu     PARTIALLYDEPLOYED chat,tools     3/4    $9.96    1d llama70b-eu…",
            "sdxl-render     DEPLOYING         image            -    $1.44   34m -",
            "support-bot     ERROR             chat             -    $1.44   40m support-bot…",
            "whisper-batch   DISABLED          audio            -    $1.44    2h whisper-bat…",
            "",
            "              ┌─ Stop instance ──────────────────────────────────┐",
            "              │ Stop chat-prod-eu? Its endpoint stops answering. │",
            "              │                                                  │",
            "              │ y confirm · n/Esc cancel                         │",
            "              └──────────────────────────────────────────────────┘",
        ], blank(9), [
            "y confirm  n/Esc cancel",
        ]))
    }

    @Test("Stop confirmation at 120x40")
    func stopConfirmation120x40() {
        expectScreen(ScreenFixture.stopConfirmation(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "[N]AME▲            [S]TATUS          [F]EATURES     [R]EADY    $/[H] [A]GE ADDR[E]SS        HARD[W]ARE REG[I]ONS",
            "chat-prod-eu       ACTIVE            chat               2/3    $2.88   12d chat-prod-eu.ai… 1xL40S     Paris,Tokyo",
            "llama70b-eu        PARTIALLYDEPLOYED chat,tools         3/4    $9.96    1d llama70b-eu.ai.… 1xH100     Paris",
            "sdxl-render        DEPLOYING         image                -    $1.44   34m -                -          -",
            "support-bot        ERROR             chat                 -    $1.44   40m support-bot.ai.… -          -",
            "whisper-batch      DISABLED          audio                -    $1.44    2h whisper-batch.a… -          -",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "                                  ┌─ Stop instance ──────────────────────────────────┐",
            "                                  │ Stop chat-prod-eu? Its endpoint stops answering. │",
            "                                  │                                                  │",
            "                                  │ y confirm · n/Esc cancel                         │",
            "                                  └──────────────────────────────────────────────────┘",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "y confirm  n/Esc cancel",
        ]))
    }

    @Test("Typing a filter at 80x24: prompt in the footer, count and filter kept on the tab row")
    func typingFilter80x24() {
        expectScreen(ScreenFixture.typingFilter(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                          Instances (2 of 5)  /eu",
            "[N]AME▲         [S]TATUS          [F]EATURES [R]EADY    $/[H] [A]GE ADDR[E]SS",
            "chat-prod-eu    ACTIVE            chat           2/3    $2.88   12d chat-prod-e…",
            "llama70b-eu     PARTIALLYDEPLOYED chat,tools     3/4    $9.96    1d llama70b-eu…",
        ], blank(17), [
            " /eu▏",
            "type filter  Enter keep  Esc clear",
        ]))
    }

    @Test("Typing a filter at 120x40")
    func typingFilter120x40() {
        expectScreen(ScreenFixture.typingFilter(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                   Instances (2 of 5)  /eu",
            "[N]AME▲            [S]TATUS          [F]EATURES     [R]EADY    $/[H] [A]GE ADDR[E]SS        HARD[W]ARE REG[I]ONS",
            "chat-prod-eu       ACTIVE            chat               2/3    $2.88   12d chat-prod-eu.ai… 1xL40S     Paris,Tokyo",
            "llama70b-eu        PARTIALLYDEPLOYED chat,tools         3/4    $9.96    1d llama70b-eu.ai.… 1xH100     Paris",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " /eu▏",
            "type filter  Enter keep  Esc clear",
        ]))
    }

    @Test("A failed poll at 80x24: last data kept, header says stale, flash line says why")
    func stale80x24() {
        expectScreen(ScreenFixture.staleAfterFailure(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · stale: updated 8s ago      $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "[N]AME▲         [S]TATUS          [F]EATURES [R]EADY    $/[H] [A]GE ADDR[E]SS",
            "chat-prod-eu    ACTIVE            chat           2/3    $2.88   12d chat-prod-e…",
            "llama70b-eu     PARTIALLYDEPLOYED chat,tools     3/4    $9.96    1d llama70b-eu…",
            "sdxl-render     DEPLOYING         image            -    $1.44   34m -",
            "support-bot     ERROR             chat             -    $1.44   40m support-bot…",
            "whisper-batch   DISABLED          audio            -    $1.44    2h whisper-bat…",
        ], blank(14), [
            "Refresh failed, retrying in 5s: Server error (503): upstream unavailable",
            "Enter open  s start  x stop  n new  e edit  c clone  D delete  / filter  ? help",
        ]))
    }

    @Test("A failed poll at 120x40")
    func stale120x40() {
        expectScreen(ScreenFixture.staleAfterFailure(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · stale: updated 8s ago         $2.88/h +$11.40/h starting · $2,102.40/mo · spent $1.44 (stale)",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "[N]AME▲            [S]TATUS          [F]EATURES     [R]EADY    $/[H] [A]GE ADDR[E]SS        HARD[W]ARE REG[I]ONS",
            "chat-prod-eu       ACTIVE            chat               2/3    $2.88   12d chat-prod-eu.ai… 1xL40S     Paris,Tokyo",
            "llama70b-eu        PARTIALLYDEPLOYED chat,tools         3/4    $9.96    1d llama70b-eu.ai.… 1xH100     Paris",
            "sdxl-render        DEPLOYING         image                -    $1.44   34m -                -          -",
            "support-bot        ERROR             chat                 -    $1.44   40m support-bot.ai.… -          -",
            "whisper-batch      DISABLED          audio                -    $1.44    2h whisper-batch.a… -          -",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Refresh failed, retrying in 5s: Server error (503): upstream unavailable",
            "Enter open  s start  x stop  n new  e edit  c clone  D delete  / filter  o sort  Space mark  r refresh  ? help  q quit",
        ]))
    }
}
