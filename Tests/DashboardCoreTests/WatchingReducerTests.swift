import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import Testing

/// Events, alerts, stop timers and the details of rows on screen, in the reducer.
@Suite("Watching: events, alerts, stop timers, READY of rows on screen")
struct WatchingReducerTests {
    static func state(
        ledger: Bool = false, alerts: AlertSettings = AlertSettings(), readonly: Bool = false, height: Int = 24,
        headless: Bool = false
    ) -> State {
        var state = State(
            settings: .init(refreshInterval: 5, readonly: readonly, host: "h", ledger: ledger, alerts: alerts, headless: headless),
            now: Fixture.t0)
        _ = reduce(&state, .resized(width: 80, height: height))
        _ = reduce(&state, .launched(Fixture.t0))
        return state
    }

    static func at(_ seconds: Double) -> Date { Fixture.t0.addingTimeInterval(seconds) }

    @Test("Without a ledger the reducer finds events itself; the first poll is a baseline; alerts as configured")
    func eventsWithoutLedger() {
        var state = Self.state(alerts: AlertSettings(on: [.error], bell: true, desktop: false, webhook: true))
        #expect(!reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Self.at(1))).contains(.ringBell))
        #expect(state.events.isEmpty)
        var changed = Fixture.fleet
        changed[0].status = .error       // alerts: error is on
        changed[1].status = .active      // no alert: ready is off
        let effects = reduce(&state, .instancesPolled(.success(changed), detail: nil, at: Self.at(6)))
        #expect(state.events.map(\.kind) == [.status, .status])
        let toError = AccountEvent(at: Self.at(6), kind: .status, instanceId: "a1", instanceName: "chat-prod", old: "ACTIVE", new: "ERROR", hourlyPrice: 2.88)
        #expect(effects.filter { if case .postWebhook = $0 { true } else { false } } == [.postWebhook(toError)])
        #expect(effects.contains(.ringBell) && !effects.contains { if case .notifyDesktop = $0 { true } else { false } })
        #expect(state.flash?.text == "chat-prod: ACTIVE → ERROR ($2.88/h)")
        #expect(Fixture.table(of: .events, in: state)?.rows.count == 2)
    }

    @Test("On the Events pane's top row the selection follows the newest event; lower down it stays on the one chosen")
    func selectionFollowsNewestEvent() {
        var state = Self.state(ledger: true, height: 16)
        _ = reduce(&state, .command(.showPane(.events)))
        /// The ledger's list of the first `count` events, newest first.
        func list(_ count: Int) -> [AccountEvent] {
            (0..<count).reversed().map {
                AccountEvent(at: Self.at(Double($0)), kind: .ready, instanceId: "a1", instanceName: "chat-prod", old: "1/2", new: "2/2")
            }
        }
        _ = reduce(&state, .eventsLoaded(list(20)))
        _ = reduce(&state, .eventsLoaded(list(40)))
        #expect(state.listings[.events]?.selectedIndex == 0)
        #expect(state.listings[.events]?.scrollOffset == 0)

        _ = reduce(&state, .command(.move(.down)))
        _ = reduce(&state, .command(.move(.down)))
        let chosen = state.listings[.events]?.selectedId
        _ = reduce(&state, .eventsLoaded(list(45)))
        #expect(state.listings[.events]?.selectedIndex == 7)
        #expect(state.listings[.events]?.selectedId == chosen)
    }

    @Test("With a ledger, polls carry the readiness of fetched details, and events come back from it; no screen, no bell")
    func eventsFromLedger() {
        var state = Self.state(ledger: true, headless: true)
        let detail = Fixture.detail("a1", name: "chat-prod", ready: 1, total: 2)
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: .success(detail), at: Self.at(1)))
        #expect(effects.contains(.recordPoll(
            Fixture.fleet, readiness: ["a1": InstanceReadiness(detail, at: Self.at(1))], at: Self.at(1), maxGap: 60)))
        #expect(effects.contains(.loadStopTimers) && !effects.contains(.loadEvents))
        #expect(state.observed == nil)
        // On the Events pane, each poll also reads what other processes recorded.
        _ = reduce(&state, .command(.showPane(.events)))
        _ = reduce(&state, .pollDue(.instances, token: state.poll(.instances).token))
        #expect(reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Self.at(6))).contains(.loadEvents))
        let event = AccountEvent(at: Self.at(1), kind: .ready, instanceId: "a1", instanceName: "chat-prod", old: "2/2", new: "1/2")
        let alerts = reduce(&state, .eventsDetected([event]))
        #expect(state.events == [event])
        #expect(!alerts.contains(.ringBell))  // headless: nothing to ring
        #expect(state.flash?.text == "chat-prod: ready pods 2/2 → 1/2")
    }

    @Test("An alert does not push the person's own message out of the footer; a newer alert replaces an older one")
    func alertsInTheFooter() {
        var state = Self.state()
        _ = reduce(&state, .mutationFinished(.stop(id: "a1", name: "chat-prod"), error: nil))
        let mine = state.flash
        let error = AccountEvent(at: Fixture.t0, kind: .status, instanceId: "e5", instanceName: "support-bot", old: "ACTIVE", new: "ERROR")
        #expect(reduce(&state, .eventsDetected([error])).contains(.ringBell))
        #expect(state.flash == mine && state.events.first == error)
        _ = reduce(&state, .flashExpired(mine!.number))
        _ = reduce(&state, .eventsDetected([error]))
        #expect(state.flash?.text == error.sentence)
        let ready = AccountEvent(at: Fixture.t0, kind: .status, instanceId: "b2", instanceName: "sdxl-render", old: "DEPLOYING", new: "ACTIVE")
        _ = reduce(&state, .eventsDetected([ready]))
        #expect(state.flash?.text == ready.sentence)
    }

    @Test("The result of an action is an event, kept in the ledger; a failed webhook too, without alerting again")
    func actionsAndFailedAlerts() {
        var state = Self.state(ledger: true)
        let effects = reduce(&state, .mutationFinished(.stop(id: "a1", name: "chat-prod"), error: nil))
        let stop = AccountEvent(at: Fixture.t0, kind: .action, instanceId: "a1", instanceName: "chat-prod", detail: "stop accepted")
        #expect(effects.contains(.recordEvent(stop)))
        let failed = reduce(&state, .alertFailed(stop, reason: "HTTP 500 after 3 tries"))
        #expect(failed.contains { if case .recordEvent(let event) = $0 { event.kind == .alertFailed } else { false } })
        #expect(!failed.contains(.ringBell))
        #expect(state.events.first?.detail == "webhook: HTTP 500 after 3 tries")
    }

    @Test("T asks when, sets the timer (ledger, event), shows it in TIMER; an empty line cancels it")
    func stopTimerPrompt() {
        var state = Self.state(ledger: true)
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        _ = reduce(&state, .command(.stopTimer))
        #expect(state.overlay == .stopTimer(id: "a1", name: "chat-prod", typed: ""))
        #expect(state.inputMode == .typedConfirm)
        for character in "soon" { _ = reduce(&state, .confirmInput(character)) }
        #expect(reduce(&state, .confirm).allSatisfy { if case .setStopTimer = $0 { false } else { true } })
        #expect(state.flash?.kind == .error && state.overlay != nil)
        for _ in 0..<4 { _ = reduce(&state, .confirmBackspace) }
        for character in "2h" { _ = reduce(&state, .confirmInput(character)) }
        let timer = StopTimer(instanceId: "a1", instanceName: "chat-prod", dueAt: Self.at(7200))
        let effects = reduce(&state, .confirm)
        #expect(effects.contains(.setStopTimer(timer, at: Fixture.t0)))
        #expect(effects.contains(.timer(.stopTimers, after: 7200, action: .stopTimersDue(Self.at(7200)))))
        #expect(state.overlay == nil && state.stopTimers["a1"] == timer)
        let table = Fixture.table(of: .instances, in: state)!
        #expect(table.headers.last?.title == "TIMER")
        #expect(table.rows.first?.last?.text == "2h")  // chat-prod, first by name
        // T again: the time left, editable; emptied, Enter cancels.
        _ = reduce(&state, .command(.stopTimer))
        #expect(state.overlay == .stopTimer(id: "a1", name: "chat-prod", typed: "2h"))
        for _ in 0..<2 { _ = reduce(&state, .confirmBackspace) }
        #expect(reduce(&state, .confirm).contains(.cancelStopTimer(instanceId: "a1", at: Fixture.t0)))
        #expect(state.stopTimers.isEmpty && state.events.first?.kind == .timerCancelled)
        #expect(Fixture.table(of: .instances, in: state)!.headers.last?.title != "TIMER")
    }

    @Test("Without a ledger, or read-only, T says why and sets nothing; read-only never fires timers")
    func stopTimerRefused() {
        for (ledger, readonly) in [(false, false), (true, true)] {
            var state = Self.state(ledger: ledger, readonly: readonly)
            _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
            _ = reduce(&state, .command(.stopTimer))
            #expect(state.overlay == nil && state.flash?.kind == .error)
        }
        var readonly = Self.state(ledger: true, readonly: true)
        let timer = StopTimer(instanceId: "a1", instanceName: "chat-prod", dueAt: Self.at(5))
        #expect(reduce(&readonly, .stopTimersLoaded([timer])) == [.cancel(.stopTimers)])
        #expect(reduce(&readonly, .stopTimersDue(Self.at(6))).isEmpty)
    }

    @Test("A due timer is claimed; claimed, the instance is stopped and the firing alerts; taken by another process, reloaded")
    func stopTimerFires() {
        var state = Self.state(ledger: true)
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        let soon = StopTimer(instanceId: "a1", instanceName: "chat-prod", dueAt: Self.at(30))
        let later = StopTimer(instanceId: "d4", instanceName: "llama70b-eu", dueAt: Self.at(90))
        #expect(reduce(&state, .stopTimersLoaded([later, soon])).last == .timer(.stopTimers, after: 30, action: .stopTimersDue(Self.at(30))))
        #expect(reduce(&state, .stopTimersDue(Self.at(30))) == [.claimStopTimer(soon, at: Self.at(30), hourlyPrice: 2.88)])
        let fired = reduce(&state, .stopTimerClaimed(soon, claimed: true))
        #expect(fired.contains(.perform(.stop(id: "a1", name: "chat-prod"))))
        #expect(fired.contains(.ringBell) && fired.contains(.loadStopTimers))
        #expect(state.transitions["a1"]?.status == "STOPPING" && state.events.first?.kind == .timerFired)
        #expect(reduce(&state, .stopTimerClaimed(later, claimed: false)) == [.loadStopTimers])
        #expect(state.stopTimers.isEmpty)
    }

    @Test("READY of the rows on screen: one detail at a time at detailRate, changing ones first, then the stalest; paused by a 429")
    func detailSweep() {
        var state = Self.state(height: 24)
        var asked: [String] = []
        var effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        var time = Fixture.t0
        for step in 0..<10 {
            for case .fetchDetail(let id) in effects { asked.append(id) }
            #expect(state.detailsAsked.count <= 2, "never more than two out")
            time = time.addingTimeInterval(0.25)
            // Every other step the oldest outstanding detail comes back.
            if step % 2 == 1, let id = asked.first(where: state.detailsAsked.contains) {
                let instance = Fixture.fleet.first { $0.id == id }!
                effects = reduce(&state, .detailLoaded(.success(Fixture.detail(id, name: instance.name, ready: 1, total: 1)), at: time, id: id))
            } else {
                effects = reduce(&state, .detailSweepDue(time))
            }
        }
        // DEPLOYING and PARTIALLYDEPLOYED first, then the others; each once.
        #expect(Set(asked.prefix(2)) == ["b2", "d4"] && Set(asked).count == asked.count && asked.count == 5)
        for id in state.detailsAsked {
            let instance = Fixture.fleet.first { $0.id == id }!
            _ = reduce(&state, .detailLoaded(.success(Fixture.detail(id, name: instance.name, ready: 1, total: 1)), at: time, id: id))
        }
        // All fresh: the next look is when the oldest is two refresh intervals
        // old (it came back 2 s before the last), and not a detail before.
        let interval = state.settings.refreshInterval
        #expect(reduce(&state, .detailSweepDue(time)) == [.sweep(after: 2 * interval - 2, at: time)])
        let later = time.addingTimeInterval(interval + 1)
        #expect(reduce(&state, .detailSweepDue(later)) == [.sweep(after: interval - 3, at: later)])
        let again = reduce(&state, .detailSweepDue(time.addingTimeInterval(2 * interval)))
        #expect(again.contains { if case .fetchDetail = $0 { true } else { false } })
        for id in state.detailsAsked {
            _ = reduce(&state, .detailLoaded(.failure(.unreachable(detail: "timed out")), at: time.addingTimeInterval(2 * interval), id: id))
        }
        // Older than three intervals, READY is dimmed.
        _ = reduce(&state, .tick(time.addingTimeInterval(16)))
        #expect(Fixture.table(of: .instances, in: state)!.rows.allSatisfy { $0[3].tone == .muted })
        // A 429 on a detail pauses the sweep at least a refresh interval.
        let now = time.addingTimeInterval(16)
        _ = reduce(&state, .detailLoaded(.failure(.rateLimited(retryAfter: 30, message: "slow")), at: now, id: "a1"))
        #expect(state.flash == nil || !(state.flash!.text.contains("detail")))
        #expect(reduce(&state, .detailSweepDue(now)) == [.sweep(after: 30, at: now)])
    }

    @Test("The sweep's timer brings the time it fired: the next detail is asked then, not put off again from an old clock")
    func sweepTimerReadsItsTime() {
        var state = Self.state(height: 24)
        let first = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(first.filter { if case .fetchDetail = $0 { true } else { false } }.count == 1)
        // A result in between moves the clock, but not past the quarter second.
        let result = Fixture.t0.addingTimeInterval(0.125)
        let id = state.detailsAsked.first!
        let name = Fixture.fleet.first { $0.id == id }!.name
        #expect(reduce(&state, .detailLoaded(.success(Fixture.detail(id, name: name, ready: 1, total: 1)), at: result, id: id))
            == [.sweep(after: 0.125, at: result)])
        // Fired when armed, a quarter second after the ask: its turn has come.
        let fired = reduce(&state, .detailSweepDue(result.addingTimeInterval(0.125)))
        #expect(fired.contains { if case .fetchDetail = $0 { true } else { false } }, "\(fired)")
    }

    @Test("Headless, every instance counts as on screen; on screen, only the rows shown")
    func onScreen() {
        var many = (0..<60).map { Fixture.instance("i\($0)", String(format: "inst-%02d", $0), .active, price: 1) }
        many.sort { $0.name < $1.name }
        var screen = Self.state(height: 24)
        _ = reduce(&screen, .instancesPolled(.success(many), detail: nil, at: Fixture.t0))
        #expect(screen.instancesOnScreen.count == Layout.tableRows(height: 24))
        _ = reduce(&screen, .command(.showPane(.regions)))
        #expect(screen.instancesOnScreen.isEmpty)
        var headless = Self.state(headless: true)
        _ = reduce(&headless, .instancesPolled(.success(many), detail: nil, at: Fixture.t0))
        #expect(headless.instancesOnScreen.count == 60)
    }
}
