import DashboardCore
import Foundation
import SesterceAPI
import TerminalUI
import Testing
import TextLayout

/// The playground drawn at 80x24 and 120x40: a reply mid-stream, and a
/// finished reply beside a probe's result. The secret never shows.
@Suite("Playground screens")
struct PlaygroundScreenTests {
    static let secret = "golden-endpoint-secret"

    static func open(width: Int, height: Int) -> State {
        var state = ScreenFixture.loaded(width: width, height: height)
        state.endpointSecret = EndpointSecret(secret)
        let prompt = "Is it serving?".map { Action.playgroundKey(.character($0)) }
        return ScreenFixture.after(state, [
            .command(.playground),
            .playground(.models(instanceId: "i-chat", .success(["llama-3.1-8b-instruct"]))),
        ] + prompt + [.playgroundKey(.enter)])
    }

    static func midReply(width: Int, height: Int) -> State {
        ScreenFixture.after(open(width: width, height: height), [
            .playground(.token(request: 1, text: "Yes,", elapsedMs: 212)),
            .playground(.token(request: 1, text: " it", elapsedMs: 237)),
            .playground(.token(request: 1, text: " answers", elapsedMs: 262)),
        ])
    }

    static func probed(width: Int, height: Int) -> State {
        let report = ProbeReport(
            instance: "chat-prod-eu", model: "llama-3.1-8b-instruct", requests: 20, succeeded: 19, failed: 1,
            concurrency: 4, ttftMs: Percentiles([181, 188, 190, 195, 204, 230, 260]),
            interTokenMs: Percentiles([24, 25, 25, 26, 31]), tokensPerSecondP50: 39.8, tokensPerSecondMean: 39.1,
            outputTokensPerSecond: 151.6, durationSeconds: 8.4, errors: ["http503": 1],
            ttftSamplesMs: [181, 188, 190, 195, 204, 230, 260], interrupted: false)
        return ScreenFixture.after(midReply(width: width, height: height), [
            .playground(.token(request: 1, text: " in time.", elapsedMs: 287)),
            .playground(.replyFinished(request: 1, .success(4))),
            .playgroundKey(.escape), .playgroundKey(.character("b")),
            .playground(.probeProgress(request: 2, finished: 12, failed: 1, total: 20)),
            .playground(.probeFinished(request: 2, report)),
        ])
    }

    @Test("80x24: a reply streaming, with its cursor; the prompt line cleared for the next one")
    func midReply80x24() {
        let state = Self.midReply(width: 80, height: 24)
        expectScreen(state, [
            " api.cloud.sesterce.com · updated 3s ago             $2.88/h +$11.40/h starting",
            " 1 Instances  2  3  4  5  6  7                                       Playground",
            "┌─ Playground · chat-prod-eu · llama-3.1-8b-in… ─┐┌─ Parameters (t) ───────────┐",
            "│ Streaming… Esc stops the reply                 ││ system      none           │",
            "│ you                                            ││ temperature default        │",
            "│ Is it serving?                                 ││ top_p       default        │",
            "│ llama-3.1-8b-instruct                          ││ top_k       default        │",
            "│ Yes, it answers▌                               ││ repetition  default        │",
            "│ TTFT 212 ms · 3 tokens · 40.0 tok/s            ││ max tokens  256            │",
            "│                                                │└────────────────────────────┘",
            "│                                                │┌─ Probe (b) ────────────────┐",
            "│                                                ││ b: 20 streamed requests,   │",
            "│                                                ││ 4 at once: TTFT and tok/s  │",
            "│                                                ││                            │",
            "│                                                ││                            │",
            "│                                                ││                            │",
            "│                                                ││                            │",
            "│                                                ││                            │",
            "│                                                ││                            │",
            "│────────────────────────────────────────────────││                            │",
            "│ >  type a prompt, Enter sends                  ││                            │",
            "└────────────────────────────────────────────────┘└────────────────────────────┘",
            "",
            "Esc stop the reply",
        ])
    }

    @Test("120x40: the reply's figures under it, the probe's percentiles and TTFT histogram beside it")
    func probed120x40() {
        let state = Self.probed(width: 120, height: 40)
        expectScreen(state, [
            " api.cloud.sesterce.com · updated 3s ago           $2.88/h +$11.40/h starting · $69.12/day · $2,102.40/mo · spent $1.44",
            " 1 Instances  2 Regions  3 Hardware  4 Models  5 Registries  6 Cost  7 Events                                Playground",
            "┌─ Playground · chat-prod-eu · llama-3.1-8b-instruct ──────────────────────────────┐┌─ Parameters (t) ─────────────────┐",
            "│ https://chat-prod-eu.ai.sesterce.dev/                                            ││ system      none                 │",
            "│ you                                                                              ││ temperature default              │",
            "│ Is it serving?                                                                   ││ top_p       default              │",
            "│ llama-3.1-8b-instruct                                                            ││ top_k       default              │",
            "│ Yes, it answers in time.                                                         ││ repetition  default              │",
            "│ TTFT 212 ms · 4 tokens · 40.0 tok/s                                              ││ max tokens  256                  │",
            "│                                                                                  │└──────────────────────────────────┘",
            "│                                                                                  │┌─ Probe (b) ──────────────────────┐",
            "│                                                                                  ││ ██████████████████████████ 20/20 │",
            "│                                                                                  ││ 19 ok, 1 failed                  │",
            "│                                                                                  ││ TTFT p50/p95   195 ms / 260 ms   │",
            "│                                                                                  ││ TTFT p99/max   260 ms / 260 ms   │",
            "│                                                                                  ││ gap p50/p95    25 ms / 31 ms     │",
            "│                                                                                  ││ tok/s p50/mean 39.8 / 39.1       │",
            "│                                                                                  ││ output tok/s   152               │",
            "│                                                                                  ││ wall time      8.4 s             │",
            "│                                                                                  ││ http503 1                        │",
            "│                                                                                  ││ TTFT histogram                   │",
            "│                                                                                  ││ 181ms ██████████████████████ 3   │",
            "│                                                                                  ││ 194ms ██████████████ 2           │",
            "│                                                                                  ││ 207ms  0                         │",
            "│                                                                                  ││ 221ms ███████ 1                  │",
            "│                                                                                  ││ 234ms  0                         │",
            "│                                                                                  ││ 247ms ███████ 1                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│                                                                                  ││                                  │",
            "│──────────────────────────────────────────────────────────────────────────────────││                                  │",
            "│ > i: type a prompt · b: probe · t: parameters · u: curl                          ││                                  │",
            "└──────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────┘",
            "",
            "i prompt  b probe  t parameters  u curl  Esc close  ? help",
        ])
        #expect(!ScreenFixture.render(state).lines.joined().contains(Self.secret))
    }
}
