import DashboardCore
import Foundation
import SesterceAPI
import TerminalUI
import Testing

extension ScreenFixture {
    /// `n`, "chat-eu" typed, and the price of the defaults arrived.
    static func newInstance(width: Int, height: Int) -> State {
        var state = after(loaded(width: width, height: height), [.command(.new)])
        for character in "chat-eu" { _ = reduce(&state, .formInput(.character(character))) }
        let token = state.form!.price.token
        let quote = PriceQuote(currencyCode: "USD", pricePerHour: 1.44, pricePerMonth: 1051.2)
        return after(state, [
            .priceDue(token: token),
            .priceQuoted(token: token, .success(PriceEstimate(atMax: quote, perHourAtMin: 1.44, maxPods: 1, minPods: 1))),
        ])
    }

    /// The new-instance form with Tab pressed until Max pods has focus and
    /// "20" typed there (above Paris's 12 free), the price being asked again.
    static func newInstanceScrolled(width: Int, height: Int) -> State {
        var state = newInstance(width: width, height: height)
        while state.form?.form.focus != .field("all.max") { _ = reduce(&state, .formInput(.nextField)) }
        return after(state, [.formInput(.backspace), .formInput(.character("2")), .formInput(.character("0"))])
    }

    /// D on chat-prod-eu with "chat-" typed.
    static func deleteInstance(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [.command(.delete)] + "chat-".map(Action.confirmInput))
    }
}

@Suite("Instance form screens")
struct InstanceFormScreenTests {
    @Test("New instance at 120x40: every section, the price pinned at the bottom, the keys in the footer")
    func new120x40() {
        expectScreen(ScreenFixture.newInstance(width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "┌─ New instance ───────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ Basics                                                                                                               │",
            "│ › Name               chat-eu                                       required, up to 63 characters                     │",
            "│   Description        optional                                                                                        │",
            "│                                                                                                                      │",
            "│ Workload                                                                                                             │",
            "│   Source             Catalog model                              ▾                                                    │",
            "│   Model              llama-3.1-8b-instruct  port 8000           ▾  required                                          │",
            "│   Container port     8000                                          required, 1 to 65535                              │",
            "│   Env vars           + add NAME=value                              NAME=value per line                               │",
            "│   API key ids        none                                          comma-separated, optional                         │",
            "│   Pod lifetime (s)   optional                                      idle time before scaling to min                   │",
            "│                                                                                                                      │",
            "│ Hardware                                                                                                             │",
            "│   Hardware           1xL40S / 16 vCPU / 232GiB RAM  $1.44/h · … ▾  $/h per pod · regions with room                   │",
            "│                                                                                                                      │",
            "│ Regions                                                                                                              │",
            "│   Regions            [ ] Helsinki (FI)  3 free                     ACTIVE, with room                                 │",
            "│                      [x] Paris (FR)  12 free                                                                         │",
            "│   Same limits        [x]                                           in every region                                   │",
            "│                                                                                                                      │",
            "│ Autoscaling                                                                                                          │",
            "│   Min pods           1                                             at least 0; 0 needs HTTP                          │",
            "│   Max pods           1                                             at least 1, within capacity                       │",
            "│   Cooldown (s)       300                                           required, 1 to 3600                               │",
            "│   CPU trigger %      off                                           1 to 100, empty: off                              │",
            "│   GPU memory %       off                                           1 to 100, empty: off                              │",
            "│   GPU utilization %  off                                           1 to 100, empty: off                              │",
            "│   Memory trigger %   off                                           1 to 100, empty: off                              │",
            "│   HTTP requests      off                                           per window, empty: off                            │",
            "│   HTTP window (s)    off                                           at least 1                                        │",
            "│                                                                                                                      │",
            "│   [ Deploy ]  [ Cancel ]                                                                                             │",
            "│                                                                                                                      │",
            "│ Price at max (1 pod): $1.44/h · $1,051.20/month · at min (1): $1.44/h                                                │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "",
            "Tab next  Shift-Tab previous  Ctrl-S submit  Esc cancel",
        ]))
    }

    @Test("New instance at 80x24 scrolled to Max pods: the capacity error beside it, the old price marked updating")
    func scrolled80x24() {
        expectScreen(ScreenFixture.newInstanceScrolled(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "┌─ New instance ───────────────────────────────────────────────────────────────┐",
            "│   Container port     8000                               required, 1 to 65535 │",
            "│   Env vars           + add NAME=value                   NAME=value per line  │",
            "│   API key ids        none                               comma-separated, op… │",
            "│   Pod lifetime (s)   optional                           idle time before sc… │",
            "│                                                                              │",
            "│ Hardware                                                                     │",
            "│   Hardware           1xL40S / 16 vCPU / 232GiB RAM   ▾  $/h per pod · regio… │",
            "│                                                                              │",
            "│ Regions                                                                      │",
            "│   Regions            [ ] Helsinki (FI)  3 free          ACTIVE, with room    │",
            "│                      [x] Paris (FR)  12 free                                 │",
            "│   Same limits        [x]                                in every region      │",
            "│                                                                              │",
            "│ Autoscaling                                                                  │",
            "│   Min pods           1                                  at least 0; 0 needs… │",
            "│ › Max pods           20                                 at least 1, within … │",
            "│                      ✗ above the free capacity (Paris 12)                    │",
            "│ Price at max (1 pod): $1.44/h · $1,051.20/month · at min (1): $1.44/h · upd… │",
            "└───────────────────────────────────────────────────────────────── 8-24 of 33 ─┘",
            "",
            "Tab next  Shift-Tab previous  Ctrl-S submit  Esc cancel",
        ]))
    }

    @Test("Esc on an edited form at 80x24: the question over the form, not over the list")
    func discard80x24() {
        let state = ScreenFixture.after(ScreenFixture.newInstance(width: 80, height: 24), [.cancelForm])
        expectScreen(state, screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "┌─ New instance ───────────────────────────────────────────────────────────────┐",
            "│ Basics                                                                       │",
            "│ › Name               chat-eu                            required, up to 63 … │",
            "│   Description        optional                                                │",
            "│                                                                              │",
            "│ Workload                                                                     │",
            "│   Source             Catalog model                   ▾                       │",
            "│   Model      ┌─ Discard changes ─────────────────────────────┐ed             │",
            "│   Container p│ Close \"New instance\" and lose what was typed? │ed, 1 to 65535 │",
            "│   Env vars   │                                               │alue per line  │",
            "│   API key ids│ y discard · n/Esc keep editing                │separated, op… │",
            "│   Pod lifetim└───────────────────────────────────────────────┘ime before sc… │",
            "│                                                                              │",
            "│ Hardware                                                                     │",
            "│   Hardware           1xL40S / 16 vCPU / 232GiB RAM   ▾  $/h per pod · regio… │",
            "│                                                                              │",
            "│ Regions                                                                      │",
            "│   Regions            [ ] Helsinki (FI)  3 free          ACTIVE, with room    │",
            "│ Price at max (1 pod): $1.44/h · $1,051.20/month · at min (1): $1.44/h        │",
            "└───────────────────────────────────────────────────────────────── 1-17 of 32 ─┘",
            "",
            "y confirm  n/Esc cancel",
        ]))
    }

    @Test("Delete at 80x24: the name is typed into the dialog")
    func delete80x24() {
        expectScreen(ScreenFixture.deleteInstance(width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "[N]AME▲         [S]TATUS          [F]EATURES [R]EADY    $/[H] [A]GE ADDR[E]SS",
            "chat-prod-eu    ACTIVE            chat           2/3    $2.88   12d chat-prod-e…",
            "llama70b-eu     PARTIALLYDEPLOYED chat,tools     3/4    $9.96    1d llama70b-eu…",
            "sdxl-render     DEPLOYING         image            -    $1.44   34m -",
            "support-bot     ERROR             chat             -    $1.44   40m support-bot…",
            "whisper-batch   DISABLED          audio            -    $1.44    2h whisper-bat…",
            "        ┌─ Delete instance ────────────────────────────────────────────┐",
            "        │ Delete chat-prod-eu and its endpoint in every region? This   │",
            "        │ cannot be undone. Type its name to confirm:                  │",
            "        │                                                              │",
            "        │ > chat-                                                      │",
            "        │ Enter delete · Esc cancel                                    │",
            "        └──────────────────────────────────────────────────────────────┘",
        ], blank(8), [
            "type the name  Enter delete  Esc cancel",
        ]))
    }
}
