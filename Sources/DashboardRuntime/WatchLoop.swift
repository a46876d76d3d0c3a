import DashboardCore
import Foundation
import Ledger
import SesterceAPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dashboard without a screen (`sesterce-dash watch`): the same reducer
/// and effect runner, so it polls, records the ledger, finds events, alerts
/// and fires stop timers exactly as a dashboard does; it sleeps in `poll(2)`
/// on its inbox until a result, a timer or SIGTERM/SIGINT comes.
public enum WatchLoop {
    /// What the watcher tells its caller as it goes.
    public struct Observer: Sendable {
        /// Events this process found or caused, oldest first.
        public var events: @Sendable ([AccountEvent]) -> Void
        /// The state after each action (for the metrics), with the action.
        public var state: @Sendable (State, Action) -> Void
        /// A request effect is about to be performed (to time polls).
        public var effect: @Sendable (Effect) -> Void

        public init(
            events: @escaping @Sendable ([AccountEvent]) -> Void, state: @escaping @Sendable (State, Action) -> Void = { _, _ in },
            effect: @escaping @Sendable (Effect) -> Void = { _ in }
        ) {
            self.events = events
            self.state = state
            self.effect = effect
        }
    }

    /// Runs until SIGTERM or SIGINT; then the ledger's queued writes land and
    /// it returns. Blocks the calling thread.
    public static func run(
        client: SesterceClient, settings: State.Settings, ledger: Ledger?, webhook: WebhookPost?, observer: Observer
    ) throws(RuntimeError) {
        var settings = settings
        settings.headless = true
        let inbox = try ActionInbox()
        StopSignal.forward(to: inbox)
        let timers = TimerTable()
        let runner = EffectRunner(client: client, timers: timers, ledger: ledger, webhook: webhook) { inbox.post($0) }
        defer {
            runner.cancelAll()
            runner.finishLedger()
        }
        var state = State(settings: settings, now: Date())
        func dispatch(_ action: Action) {
            let newest = state.events.first
            for effect in reduce(&state, action) {
                observer.effect(effect)
                runner.run(effect)
            }
            let new = state.events.prefix { $0 != newest }
            if !new.isEmpty { observer.events(new.reversed()) }
            observer.state(state, action)
        }
        dispatch(.launched(Date()))
        while !StopSignal.wasReceived {
            var fds = [pollfd(fd: inbox.descriptor, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, timers.pollTimeout)
            for action in inbox.take() + timers.takeDue() where !StopSignal.wasReceived { dispatch(action) }
        }
    }
}
