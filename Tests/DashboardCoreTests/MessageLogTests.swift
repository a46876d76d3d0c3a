import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TextLayout

/// `!`: every footer message of the session, in full with its time, newest
/// first, scrolled with the movement keys; the last 200 are kept.
@Suite("Message log")
struct MessageLogTests {
    /// A dashboard 60x16 with a failed poll whose message is longer than the footer.
    static func afterLongError() -> State {
        var state = Fixture.loadedState(width: 60, height: 16)
        let long = String(repeating: "upstream said no ", count: 8)
        _ = reduce(&state, .instancesPolled(.failure(.server(status: 503, message: long)), detail: nil, at: Fixture.t0))
        return state
    }

    @Test("! opens the log over the pane: the whole message, wrapped under its time; ! or Esc closes it")
    func opensAndCloses() throws {
        var store = TestStore(Self.afterLongError())
        let keys = Keymap.standard
        #expect(keys.action(for: .character("!"), in: store.state) == .command(.messages))
        store.send(.command(.messages)) { $0.overlay = .messages }
        #expect(store.state.inputMode == .page)
        guard case .page(let page)? = ScreenModel(store.state).overlay else { Issue.record("no page"); return }
        let text = try #require(store.state.messages.entries.last?.text)
        #expect(page.lines.first?.text.hasPrefix("00:00:00  Refresh failed, retrying in 5s:") == true)
        #expect(page.lines.count > 1)
        // Every word of the message is there, across the wrapped lines, none wider than the box.
        let joined = page.lines.map { $0.text.dropFirst(10) }.joined(separator: " ")
        #expect(joined.split(separator: " ") == text.split(separator: " "))
        #expect(page.lines.allSatisfy { DisplayWidth.of($0.text) <= 56 })
        #expect(page.lines.allSatisfy { $0.tone == .error })
        #expect(keys.action(for: .escape, in: store.state) == .command(.messages))
        #expect(keys.action(for: .character("j"), in: store.state) == .command(.move(.down)))
        store.send(.command(.messages)) { $0.overlay = nil }
    }

    @Test("Newest first; the movement keys scroll and stop at the last page")
    func scrolls() {
        var state = Fixture.loadedState(width: 60, height: 16)
        for number in 1...30 { _ = reduce(&state, .command(.clone)); _ = number }
        var store = TestStore(state)
        store.send(.command(.messages)) { $0.overlay = .messages }
        guard case .page(let page)? = ScreenModel(store.state).overlay else { Issue.record("no page"); return }
        // 12 body rows less the border: 10 lines shown of 30.
        #expect(page.visibleRows == 10)
        #expect(page.lines.count == 30)
        #expect(page.position == "lines 1-10 of 30")
        store.send(.command(.move(.down))) { $0.pageScroll = 1 }
        store.send(.command(.move(.bottom))) { $0.pageScroll = 20 }
        store.send(.command(.move(.down)))
        store.send(.command(.move(.pageUp))) { $0.pageScroll = 10 }
        store.send(.command(.move(.top))) { $0.pageScroll = 0 }
        store.send(.command(.move(.up)))
    }

    @Test("The last 200 messages are kept, the oldest dropped first")
    func keepsTwoHundred() {
        var log = MessageLog()
        let t0 = Fixture.t0
        for number in 1...250 { log.append("message \(number)", kind: .info, at: t0.addingTimeInterval(Double(number))) }
        #expect(log.entries.count == 200)
        #expect(log.entries.first?.text == "message 51")
        #expect(log.entries.last?.text == "message 250")
        #expect(log.entries.last?.time == t0.addingTimeInterval(250))
    }

    @Test("A refresh that recovers takes its failure off the footer (the log keeps it); another message stays")
    func recoveredRefreshClearsItsFailure() {
        let later = Fixture.t0.addingTimeInterval(10)
        var state = Self.afterLongError()
        #expect(state.flash?.failedPoll == .instances)
        _ = reduce(&state, .pollDue(.instances, token: 1))
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: later))
        #expect(state.flash == nil)
        #expect(state.messages.entries.count == 1)

        var other = Self.afterLongError()
        _ = reduce(&other, .command(.clone))
        _ = reduce(&other, .pollDue(.instances, token: 1))
        _ = reduce(&other, .instancesPolled(.success(Fixture.fleet), detail: nil, at: later))
        #expect(other.flash?.text == "Loading the settings of chat-prod…")
    }
}
