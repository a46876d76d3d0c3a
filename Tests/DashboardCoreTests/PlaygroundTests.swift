import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TextLayout

/// The playground in the reducer: opening it, the secret asked once, the
/// prompt, tokens as they stream, Esc, the probe, the parameters, and what
/// is refused for an instance that cannot serve.
@Suite("Playground")
struct PlaygroundTests {
    static let secret = "s3cret-endpoint-value"
    static let address = "https://x.ai.sesterce.dev/"

    static func type(_ text: String, into state: inout State) {
        for character in text { _ = reduce(&state, .playgroundKey(.character(character))) }
    }

    /// chat-prod's playground, secret given, model loaded.
    static func ready() -> State {
        var state = Fixture.loadedState(width: 120, height: 40)
        state.endpointSecret = EndpointSecret(secret)
        _ = reduce(&state, .command(.playground))
        _ = reduce(&state, .playground(.models(instanceId: "a1", .success(["llama-3.1-8b-instruct"]))))
        return state
    }

    @Test("p asks for the secret once in a masked field; Enter keeps it and asks the endpoint for its model")
    func secretAskedOnce() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.playground)) {
            var playground = Playground(instanceId: "a1", name: "chat-prod", address: Self.address, blocked: nil)
            playground.focus = .secret
            $0.playground = playground
        }
        var state = store.state
        Self.type(Self.secret, into: &state)
        let screen = "\(ScreenModel(state))"
        #expect(!screen.contains(Self.secret))
        #expect(screen.contains(String(repeating: "•", count: Self.secret.count)))
        var dumped = ""
        dump(state, to: &dumped)
        #expect(!dumped.contains(Self.secret))
        let effects = reduce(&state, .playgroundKey(.enter))
        #expect(effects == [.listEndpointModels(instanceId: "a1", address: Self.address, secret: EndpointSecret(Self.secret))])
        #expect(state.endpointSecret?.revealed == Self.secret)
        #expect(state.playground?.focus == .prompt)
        #expect(state.playground?.model == .loading)
        // Closed and opened again: the secret is kept, not asked again.
        _ = reduce(&state, .playgroundKey(.escape))
        _ = reduce(&state, .playgroundKey(.escape))
        #expect(state.playground == nil)
        #expect(reduce(&state, .command(.playground)).count == 1)
        #expect(state.playground?.focus == .prompt)
    }

    @Test("Enter streams the prompt; tokens are added as they arrive; the reply's TTFT, tokens and tok/s come under it")
    func streamsReply() {
        var state = Self.ready()
        Self.type("Hi there", into: &state)
        let effects = reduce(&state, .playgroundKey(.enter))
        let request = ChatRequest(
            model: "llama-3.1-8b-instruct", messages: [ChatMessage(role: .user, content: "Hi there")],
            parameters: ChatParameters(maxTokens: 256))
        #expect(effects == [.streamChat(request: 1, address: Self.address, request, secret: EndpointSecret(Self.secret))])
        #expect(state.playground?.prompt.text == "")
        _ = reduce(&state, .playground(.token(request: 1, text: "Hello", elapsedMs: 200)))
        guard case .playground(let midway) = ScreenModel(state).body else { Issue.record("no playground"); return }
        #expect(midway.transcript.contains { $0.text == "Hello▌" })
        _ = reduce(&state, .playground(.token(request: 1, text: " you", elapsedMs: 225)))
        _ = reduce(&state, .playground(.token(request: 1, text: "!", elapsedMs: 250)))
        _ = reduce(&state, .playground(.replyFinished(request: 1, .success(3))))
        let turn = state.playground?.turns.last
        #expect(turn?.reply == "Hello you!")
        #expect(turn?.phase == .done)
        #expect(turn?.tokensPerSecond == 40)
        guard case .playground(let model) = ScreenModel(state).body else { Issue.record("no playground"); return }
        #expect(model.transcript.map(\.text).suffix(5) == [
            "you", "Hi there", "llama-3.1-8b-instruct", "Hello you!", "TTFT 200 ms · 3 tokens · 40.0 tok/s",
        ])
        #expect(model.transcript.last?.text == "TTFT 200 ms · 3 tokens · 40.0 tok/s")
        // The next prompt carries the conversation.
        Self.type("More", into: &state)
        guard case .streamChat(_, _, let next, _)? = reduce(&state, .playgroundKey(.enter)).first else {
            Issue.record("nothing sent")
            return
        }
        #expect(next.messages.map(\.content) == ["Hi there", "Hello you!", "More"])
    }

    @Test("Esc mid-stream cancels the request by its number and keeps what came; a late token is dropped")
    func escStops() {
        var state = Self.ready()
        Self.type("Go", into: &state)
        _ = reduce(&state, .playgroundKey(.enter))
        _ = reduce(&state, .playground(.token(request: 1, text: "Part", elapsedMs: 180)))
        #expect(reduce(&state, .playgroundKey(.escape)) == [.cancelEndpointRequest(1)])
        _ = reduce(&state, .playground(.token(request: 1, text: "late", elapsedMs: 300)))
        #expect(state.playground?.turns.last?.reply == "Part")
        #expect(state.playground?.turns.last?.phase == .stopped)
        #expect(state.playground?.streaming == nil)
        // Esc again leaves the prompt line, then closes.
        #expect(reduce(&state, .playgroundKey(.escape)).isEmpty)
        #expect(state.playground?.focus == .view)
        _ = reduce(&state, .playgroundKey(.escape))
        #expect(state.playground == nil)
    }

    @Test("not ACTIVE, no address, or no chat model: the pane says so and sends nothing")
    func blocked() {
        var state = Fixture.loadedState()
        state.endpointSecret = EndpointSecret(Self.secret)
        _ = reduce(&state, .command(.move(.down)))
        let selected = state.selectedInstance
        #expect(selected?.status != .active)
        #expect(reduce(&state, .command(.playground)).isEmpty)
        #expect(state.playground?.blocked?.contains("not ACTIVE") == true)
        for key: KeyEvent in [.character("i"), .character("h"), .enter, .character("b")] {
            #expect(reduce(&state, .playgroundKey(key)).isEmpty)
        }
        var noChat = Fixture.instance("z9", "sdxl", .active)
        noChat.features = ["image"]
        #expect(State.blocked(noChat)?.contains("not chat") == true)
        #expect(State.blocked(Fixture.instance("y8", "new", .active, address: nil))?.contains("no endpoint address") == true)
    }

    @Test("a refused secret is forgotten and asked for again")
    func refusedSecret() {
        var state = Self.ready()
        Self.type("Hi", into: &state)
        _ = reduce(&state, .playgroundKey(.enter))
        _ = reduce(&state, .playground(.replyFinished(
            request: 1, .failure(EndpointFailure(message: "Endpoint secret refused (401)", secretRefused: true)))))
        #expect(state.endpointSecret == nil)
        #expect(state.playground?.focus == .secret)
        #expect(state.flash?.text == "Endpoint secret refused (401)")
    }

    @Test("b runs the probe with progress, then shows percentiles and a TTFT histogram; Esc stops a running one")
    func probe() {
        var state = Self.ready()
        _ = reduce(&state, .playgroundKey(.escape))
        let effects = reduce(&state, .playgroundKey(.character("b")))
        #expect(effects == [.probeEndpoint(
            request: 1, address: Self.address, instance: "chat-prod", model: "llama-3.1-8b-instruct", requests: 20,
            secret: EndpointSecret(Self.secret))])
        _ = reduce(&state, .playground(.probeProgress(request: 1, finished: 7, failed: 1, total: 20)))
        guard case .playground(let running) = ScreenModel(state).body else { Issue.record("no playground"); return }
        #expect(running.probe?.finished == 7 && running.probe?.running == true)
        let report = ProbeReport(
            instance: "chat-prod", model: "llama-3.1-8b-instruct", requests: 20, succeeded: 20, failed: 0, concurrency: 4,
            ttftMs: Percentiles([180, 190, 200, 260]), interTokenMs: Percentiles([25, 25, 26]), tokensPerSecondP50: 40,
            tokensPerSecondMean: 39.5, outputTokensPerSecond: 150, durationSeconds: 6.2, errors: [:],
            ttftSamplesMs: [180, 190, 200, 260], interrupted: false)
        _ = reduce(&state, .playground(.probeFinished(request: 1, report)))
        guard case .playground(let done) = ScreenModel(state).body else { Issue.record("no playground"); return }
        #expect(done.probe?.figures.first?.value == "190 ms / 260 ms")
        #expect(done.probe?.histogram.map(\.count).reduce(0, +) == 4)
        // A second probe, stopped with Esc.
        _ = reduce(&state, .playgroundKey(.character("b")))
        #expect(reduce(&state, .playgroundKey(.escape)) == [.cancelEndpointRequest(2)])
        #expect(state.playground?.probe == nil)
    }

    @Test("t edits the parameters in a form; a bad temperature is refused; Apply sets them for the next request")
    func parameters() {
        var state = Self.ready()
        _ = reduce(&state, .playgroundKey(.escape))
        _ = reduce(&state, .playgroundKey(.character("t")))
        #expect(state.inputMode == .form)
        _ = reduce(&state, .formInput(.nextField))
        for character in "3" { _ = reduce(&state, .formInput(.character(character))) }
        _ = reduce(&state, .submitForm)
        #expect(state.form != nil)
        _ = reduce(&state, .formInput(.backspace))
        for character in "0.7" { _ = reduce(&state, .formInput(.character(character))) }
        _ = reduce(&state, .submitForm)
        #expect(state.form == nil)
        #expect(state.playground?.parameters.temperature == 0.7)
        #expect(state.playground?.parameters.maxTokens == 256)
    }

    @Test("u shows the request as curl with $SESTERCE_ENDPOINT_KEY, never the secret")
    func curl() {
        var state = Self.ready()
        Self.type("It's me", into: &state)
        _ = reduce(&state, .playgroundKey(.escape))
        _ = reduce(&state, .playgroundKey(.character("u")))
        guard case .playground(let model) = ScreenModel(state).body else { Issue.record("no playground"); return }
        let text = model.curl.joined(separator: " ")
        #expect(text.contains("$SESTERCE_ENDPOINT_KEY"))
        #expect(text.contains(#"It'\''s me"#))
        #expect(text.contains("https://x.ai.sesterce.dev/v1/chat/completions"))
        #expect(!text.contains(Self.secret))
    }
}
