import DashboardCore
import Foundation
import Testing

/// `:ctx`: the credentials profiles listed, completed and switched to. The
/// switch leaves as effects; the new account comes back as an action, and
/// only then does everything of the old one go.
@Suite("Switching profiles")
struct ProfileSwitchTests {
    /// Account A's fleet on screen, with profiles a (in use) and b.
    static func onProfileA(_ names: [String] = ["a", "b"]) -> State {
        var state = Fixture.loadedState()
        state.settings.profiles = ProfileChoice(names: names, current: "a")
        return state
    }

    /// `:` and `text` typed, Enter not yet pressed.
    static func typed(_ text: String, in state: State) -> State {
        var state = state
        _ = reduce(&state, .command(.beginPrompt))
        for character in text { _ = reduce(&state, .prompt(.character(character))) }
        return state
    }

    static let accountB = AccountContext(profile: "b", host: "127.0.0.1:9002", profiles: ["a", "b"], ledger: false)

    @Test(":ctx lists the profiles with the one in use; the header names it beside the host")
    func lists() {
        var store = TestStore(Self.typed("ctx", in: Self.onProfileA()))
        #expect(ScreenModel(store.state).header.host == "api.cloud.sesterce.com [a]")
        store.send(.prompt(.run), effects: [.flashExpiry(1)]) {
            $0.prompt = nil
            $0.promptHistory = ["ctx"]
            $0.flashes("profiles: a (in use), b; :ctx NAME switches")
        }
    }

    @Test(":ctx with a profile the file does not have says so and changes nothing")
    func unknown() {
        var store = TestStore(Self.typed("ctx prod", in: Self.onProfileA()))
        store.send(.prompt(.run), effects: [.flashExpiry(1, .error)]) {
            $0.prompt = nil
            $0.promptHistory = ["ctx prod"]
            $0.flashes("No profile prod in the credentials file (profiles: a (in use), b)", .error)
        }
    }

    @Test("With --demo there is one account: listing says so, and a switch is refused")
    func demo() {
        var state = Fixture.loadedState()
        state.settings.profiles = ProfileChoice(fixed: "--demo runs one account, the built-in simulator")
        var store = TestStore(Self.typed("ctx", in: state))
        store.send(.prompt(.run), effects: [.flashExpiry(1)]) {
            $0.prompt = nil
            $0.promptHistory = ["ctx"]
            $0.flashes("No profile to switch to: --demo runs one account, the built-in simulator")
        }
        store = TestStore(Self.typed("ctx b", in: store.state))
        store.send(.prompt(.run), effects: [.flashExpiry(2, .error)]) {
            $0.prompt = nil
            $0.promptHistory = ["ctx", "ctx b"]
            $0.flashes("Cannot switch profiles: --demo runs one account, the built-in simulator", .error)
        }
    }

    @Test("Tab completes ctx, then a profile's name; several are listed")
    func completes() {
        var state = Self.typed("ct", in: Self.onProfileA(["a", "beta", "bravo"]))
        _ = reduce(&state, .prompt(.complete))
        #expect(state.prompt?.text == "ctx ")
        _ = reduce(&state, .prompt(.character("b")))
        _ = reduce(&state, .prompt(.complete))
        #expect(state.prompt?.text == "ctx b")
        #expect(state.flash?.text == "profiles: beta  bravo")
        _ = reduce(&state, .prompt(.character("e")))
        _ = reduce(&state, .prompt(.complete))
        #expect(state.prompt?.text == "ctx beta")
    }

    @Test(":ctx b opens B first: A stays on screen until B is open, then nothing of A remains and B's polls go out")
    func switches() {
        var store = TestStore(Self.typed("ctx b", in: Self.onProfileA()))
        store.send(.prompt(.run), effects: [.openAccount(profile: "b"), .flashExpiry(1)]) {
            $0.prompt = nil
            $0.promptHistory = ["ctx b"]
            $0.switchingTo = "b"
            $0.flashes("Switching to profile b…")
        }
        #expect(Fixture.names(store.state) == ["chat-prod", "llama70b-eu", "sdxl-render", "support-bot", "whisper-batch"])

        let disarmed: [Effect] = PollKind.all.map { .cancel(.poll($0)) } + [.cancel(.detailSweep), .cancel(.stopTimers)]
        let polls: [Effect] = [.pollInstances(detailId: nil)] + Effect.catalogPolls
        store.send(.accountOpened(Self.accountB), effects: [.activateAccount] + disarmed + polls + [.flashExpiry(2)]) { state in
            let before = state
            var settings = before.settings
            settings.host = "127.0.0.1:9002"
            settings.profiles = ProfileChoice(names: ["a", "b"], current: "b")
            settings.ledger = false
            // A dashboard just opened on B, in A's window: same size, pane,
            // sort, prompt history and message log.
            state = State(settings: settings, now: before.now)
            (state.width, state.height, state.pane) = (before.width, before.height, before.pane)
            (state.promptHistory, state.messages, state.flashCount) = (before.promptHistory, before.messages, before.flashCount)
            state.clockArmed = before.clockArmed
            for kind in PollKind.all {
                state.polls[kind]!.token = before.polls[kind]!.token
                state.sendsPoll(kind)
            }
            state.flashes("Switched to profile b (127.0.0.1:9002)")
        }
        let screen = ScreenModel(store.state)
        #expect(Fixture.names(store.state).isEmpty)
        #expect(screen.header.host == "127.0.0.1:9002 [b]")
        #expect(screen.header.freshness == "loading…")
        #expect(!screen.header.burn.known)
    }

    @Test("A profile whose account cannot be opened is said, and A goes on as it was")
    func notOpened() {
        var state = Self.typed("ctx b", in: Self.onProfileA())
        _ = reduce(&state, .prompt(.run))
        var store = TestStore(state)
        store.send(.accountNotOpened(profile: "b", reason: "no sesterce_api_key"), effects: [.flashExpiry(2, .error)]) {
            $0.switchingTo = nil
            $0.flashes("Could not switch to profile b: no sesterce_api_key", .error)
        }
        #expect(Fixture.names(store.state).count == 5)
    }
}
