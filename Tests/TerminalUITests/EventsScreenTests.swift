import DashboardCore
import Foundation
import SesterceModels
import Testing

/// The Events pane and the TIMER column, as drawn.
@Suite("Events pane and stop timers on screen")
struct EventsScreenTests {
    static let at = ScreenFixture.now.addingTimeInterval(-90)

    static var events: [AccountEvent] {
        [
            AccountEvent(at: at, kind: .timerSet, instanceId: "i-sdxl", instanceName: "sdxl-render", new: "2026-01-01T18:00:00Z"),
            AccountEvent(at: at.addingTimeInterval(20), kind: .status, instanceId: "i-llama", instanceName: "llama70b-eu",
                         old: "DEPLOYING", new: "PARTIALLYDEPLOYED", hourlyPrice: 9.96),
            AccountEvent(at: at.addingTimeInterval(40), kind: .error, instanceId: "i-support", instanceName: "support-bot",
                         new: "CrashLoopBackOff: exit code 137 (out of memory)"),
            AccountEvent(at: at.addingTimeInterval(60), kind: .action, instanceId: "i-whisper", instanceName: "whisper-batch",
                         detail: "stop accepted"),
            AccountEvent(at: at.addingTimeInterval(80), kind: .alertFailed, detail: "webhook https://hooks.example.com/…: HTTP 500 after 3 tries"),
        ]
    }

    /// The loaded dashboard with events found, a stop timer set, on pane `pane`.
    static func watching(_ pane: Pane, width: Int, height: Int) -> State {
        var state = ScreenFixture.loaded(width: width, height: height)
        state.settings.timeZone = TimeZone(identifier: "UTC")!
        for event in events { _ = reduce(&state, .eventsDetected([event])) }
        _ = reduce(&state, .flashExpired(state.flashCount))
        let timer = StopTimer(instanceId: "i-sdxl", instanceName: "sdxl-render", dueAt: ScreenFixture.now.addingTimeInterval(4320))
        _ = reduce(&state, .stopTimersLoaded([timer]))
        _ = reduce(&state, .command(.showPane(pane)))
        return state
    }

    @Test("Events at 120x40: newest first, each with its time, instance and old → new")
    func events120x40() {
        expectScreen(Self.watching(.events, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                                Events (5)",
            "TI[M]E▼             [E]VENT   [I]NSTANCE                    [C]HANGE                          DET[A]IL",
            "2026-01-01 00:29:53 alert     -                                                               webhook https://hooks.exa…",
            "2026-01-01 00:29:33 action    whisper-batch                                                   stop accepted",
            "2026-01-01 00:29:13 error     support-bot                   CrashLoopBackOff: exit code 137 …",
            "2026-01-01 00:28:53 status    llama70b-eu                   DEPLOYING → PARTIALLYDEPLOYED",
            "2026-01-01 00:28:33 timer set sdxl-render                   2026-01-01T18:00:00Z",
        ], blank(31), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Events at 80x24: DETAIL and TIME give way first")
    func events80x24() {
        expectScreen(Self.watching(.events, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1  2  3  4  5  6  7 Events                                          Events (5)",
            "TI[M]E▼             [E]VENT   [I]NSTANCE       [C]HANGE            DET[A]IL",
            "2026-01-01 00:29:53 alert     -                                    webhook http…",
            "2026-01-01 00:29:33 action    whisper-batch                        stop accepted",
            "2026-01-01 00:29:13 error     support-bot      CrashLoopBackOff: …",
            "2026-01-01 00:28:53 status    llama70b-eu      DEPLOYING → PARTIA…",
            "2026-01-01 00:28:33 timer set sdxl-render      2026-01-01T18:00:0…",
        ], blank(15), [
            "/ filter  o sort  r refresh  ? help  q quit",
        ]))
    }

    @Test("Instances with a stop timer at 120x40: the TIMER column, last")
    func timer120x40() {
        expectScreen(Self.watching(.instances, width: 120, height: 40), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                             Instances (5)",
            "[N]AME▲          [S]TATUS          [F]EATURES   [R]EADY    $/[H] [A]GE ADDR[E]SS      HARD[W]ARE REG[I]ONS       TI[M]ER",
            "chat-prod-eu     ACTIVE            chat             2/3    $2.88   12d chat-prod-eu.… 1xL40S     Paris,Tokyo           -",
            "llama70b-eu      PARTIALLYDEPLOYED chat,tools       3/4    $9.96    1d llama70b-eu.a… 1xH100     Paris                 -",
            "sdxl-render      DEPLOYING         image              -    $1.44   34m -              -          -                 1h12m",
            "support-bot      ERROR             chat               -    $1.44   40m support-bot.a… -          -                     -",
            "whisper-batch    DISABLED          audio              -    $1.44    2h whisper-batch… -          -                     -",
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

    @Test("Instances with a stop timer at 80x24: TIMER kept before AGE and ADDRESS")
    func timer80x24() {
        expectScreen(Self.watching(.instances, width: 80, height: 24), screen(
        [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                    Instances (5)",
            "[N]AME▲           [S]TATUS          [F]EATURES    [R]EADY    $/[H] [A]GE TI[M]ER",
            "chat-prod-eu      ACTIVE            chat              2/3    $2.88   12d       -",
            "llama70b-eu       PARTIALLYDEPLOYED chat,tools        3/4    $9.96    1d       -",
            "sdxl-render       DEPLOYING         image               -    $1.44   34m   1h12m",
            "support-bot       ERROR             chat                -    $1.44   40m       -",
            "whisper-batch     DISABLED          audio               -    $1.44    2h       -",
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
            "Enter open  s start  x stop  n new  e edit  c clone  D delete  / filter  ? help",
        ]))
    }
}
