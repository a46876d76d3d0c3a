import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import Testing

/// What the reducer asks of the ledger, and what it does with its answers:
/// the Cost pane's history, the budget in the header, failures said once.
@Suite("Ledger in the reducer")
struct LedgerReducerTests {
    static func state(budget: Budget? = nil, ledger: Bool = true) -> State {
        var state = State(settings: .init(refreshInterval: 5, host: "api.cloud.sesterce.com", ledger: ledger, budget: budget), now: Fixture.t0)
        _ = reduce(&state, .resized(width: 80, height: 24))
        _ = reduce(&state, .launched(Fixture.t0))
        return state
    }

    static func history(month: Double, today: Double = 0, at time: Date = Fixture.t0) -> CostHistory {
        CostHistory(
            at: time, burn: [:], today: .init(observed: today), month: .init(observed: month), topInstances: [])
    }

    /// Budget crossings kept in the ledger, as events.
    static func crossings(_ effects: [Effect]) -> [AccountEvent] {
        effects.compactMap { if case .recordEvent(let event) = $0, event.kind == .budget { event } else { nil } }
    }

    @Test("Each successful poll is recorded and the history read back; a failed one records nothing; --no-ledger asks nothing")
    func pollsRecorded() {
        var state = Self.state()
        let effects = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(Array(effects.prefix(2)) == [
            .recordPoll(Fixture.fleet, readiness: [:], at: Fixture.t0, maxGap: 60), .loadCostHistory(at: Fixture.t0, instances: 0),
        ])
        _ = reduce(&state, .pollDue(.instances, token: state.poll(.instances).token))
        let failed = reduce(&state, .instancesPolled(.failure(.timedOut), detail: nil, at: Fixture.t0.addingTimeInterval(5)))
        #expect(!failed.contains { if case .recordPoll = $0 { true } else { false } })

        var off = Self.state(ledger: false)
        let none = reduce(&off, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(!none.contains { if case .recordPoll = $0 { true } else { false } })
    }

    @Test("6 opens the Cost pane and reads its history with the top instances; w switches the chart's window")
    func costPane() {
        var store = TestStore(Self.state())
        store.send(.command(.showPane(.cost)), effects: [.loadCostHistory(at: Fixture.t0, instances: LedgerView.topInstances)]) {
            $0.pane = .cost
        }
        store.send(.command(.nextCostWindow)) { $0.ledger.window = .week }
        store.send(.command(.nextCostWindow)) { $0.ledger.window = .month }
        store.send(.command(.nextCostWindow)) { $0.ledger.window = .hour }
        #expect(Keymap.standard.action(for: .character("6"), in: store.state) == .command(.showPane(.cost)))
        #expect(Keymap.standard.action(for: .character("w"), in: store.state) == .command(.nextCostWindow))
    }

    @Test("A ledger failure is said once; the dashboard goes on")
    func failureOnce() {
        var store = TestStore(Self.state())
        store.send(.ledgerFailed("disk I/O error"), effects: [.timer(.flash, after: 10, action: .flashExpired(1))]) {
            $0.ledger.failureShown = true
            $0.flashes("Ledger: disk I/O error (cost history is not being recorded)", .error)
        }
        store.send(.ledgerFailed("disk I/O error"))
    }

    @Test("The projected month against the budget: muted below 80 %, yellow from 80 %, red and over budget from 100 %; each crossing recorded once")
    func budget() {
        // t0 is 2026-01-01T00:00Z: a 31-day month ahead, at the fleet's $2.88/h billed.
        var state = Self.state(budget: Budget(monthly: 2000))
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        let rest = 2.88 * 31 * 24  // $2,142.72 by the month's end
        let overEffects = reduce(&state, .costHistoryLoaded(Self.history(month: 0)))
        let over = Self.crossings(overEffects)
        #expect(over.map(\.new) == ["100% of the monthly budget"])
        #expect(over.map(\.detail) == ["\(Formatting.money(rest)) projected of $2,000.00"] && over.allSatisfy { $0.at == Fixture.t0 })
        // A budget crossed alerts: the bell and the desktop (no webhook configured).
        #expect(overEffects.contains(.ringBell) && !overEffects.contains { if case .postWebhook = $0 { true } else { false } })
        #expect(state.events.first?.kind == .budget)
        #expect(ScreenModel(state).header.budget == BudgetBadge(text: "over budget: $2,142.72 of $2,000.00/mo", tone: .error))
        #expect(reduce(&state, .costHistoryLoaded(Self.history(month: 10))).isEmpty)  // already recorded

        var lower = Self.state(budget: Budget(monthly: 2500, daily: 1000))
        _ = reduce(&lower, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        let warning = Self.crossings(reduce(&lower, .costHistoryLoaded(Self.history(month: 0))))
        #expect(warning.map(\.new) == ["80% of the monthly budget"] && warning.map(\.detail) == ["$2,142.72 projected of $2,500.00"])
        #expect(ScreenModel(lower).header.budget == BudgetBadge(text: "budget $2,142.72 of $2,500.00/mo", tone: .warning))

        var within = Self.state(budget: Budget(daily: 1000))
        _ = reduce(&within, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(reduce(&within, .costHistoryLoaded(Self.history(month: 0))).isEmpty)
        #expect(ScreenModel(within).header.budget == BudgetBadge(text: "budget $69.12 of $1,000.00/day", tone: .muted))
    }
}
