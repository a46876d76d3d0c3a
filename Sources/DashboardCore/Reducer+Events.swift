import Foundation
import SesterceModels

/// Events: found by the ledger (shared by every process of the account) or,
/// without one, by comparing this poll with the last; kept newest first for
/// the Events pane, and alerted as the config asks.
extension State {
    /// The Events pane keeps this many (the ledger keeps all, for `events`).
    public static let eventsKept = 500

    /// Without a ledger, the events since the last poll are found here (the
    /// first poll is a baseline).
    mutating func detectEvents(in list: [Instance], at time: Date) -> [Effect] {
        guard !settings.ledger else { return [] }
        var current: [String: InstanceObservation] = [:]
        for instance in list { current[instance.id] = InstanceObservation(instance, detail: details[instance.id]) }
        defer { observed = current }
        return receive(InstanceEvents.between(observed, current, at: time))
    }

    /// What the ledger must know of details to tell ready pods changing.
    var readiness: [String: InstanceReadiness] {
        details.reduce(into: [:]) { result, entry in
            if let at = detailFetchedAt[entry.key] { result[entry.key] = InstanceReadiness(entry.value, at: at) }
        }
    }

    /// Events this process found or caused: listed, said in the footer when
    /// they alert, and sent to the bell, the desktop and the webhook.
    mutating func receive(_ new: [AccountEvent]) -> [Effect] {
        guard !new.isEmpty else { return [] }
        addToList(new)
        let alerting = new.filter { event in event.alertClass.map(settings.alerts.on.contains) ?? false }
        guard let last = alerting.last else { return [] }
        // The footer tells an alert unless it shows something else, such as
        // the result of what the person just did: that stays until it expires
        // (the alert is in the Events pane, and rings all the same).
        if flash == nil || flash?.number == alertFlash {
            showInfo(alerting.count == 1 ? last.sentence : "\(last.sentence) (and \(alerting.count - 1) more: pane 7)")
            alertFlash = flashCount
        }
        var effects: [Effect] = []
        if settings.alerts.bell, !settings.headless { effects.append(.ringBell) }
        if settings.alerts.desktop, !settings.headless {
            effects.append(.notifyDesktop(
                title: "sesterce-dash", body: alerting.count == 1 ? last.sentence : "\(alerting.count) events, latest: \(last.sentence)"))
        }
        if settings.alerts.webhook { effects += alerting.map(Effect.postWebhook) }
        return effects
    }

    /// An event found here and not by a poll: kept in the ledger too.
    mutating func note(_ event: AccountEvent) -> [Effect] {
        (settings.ledger ? [.recordEvent(event)] : []) + receive([event])
    }

    /// The ledger's list replaces ours (it holds other processes' events too).
    mutating func loadedEvents(_ list: [AccountEvent]) {
        events = Array(list.prefix(Self.eventsKept))
        reorderEvents()
    }

    private mutating func addToList(_ new: [AccountEvent]) {
        events = Array((new.reversed() + events).prefix(Self.eventsKept))
        reorderEvents()
    }

    /// On the top row the selection follows the newest event, as a log
    /// viewer's does; elsewhere it stays on the event chosen. (Kept on the
    /// same event at the top, it was pushed down by each new one, and a short
    /// screen then showed the list from minutes ago, the newest out of sight.)
    private mutating func reorderEvents() {
        if listings[.events]?.selectedIndex == 0 { listings[.events]?.selectedId = nil }
        reorder(.events)
    }

    /// The result of something the person asked for, as an event.
    /// `created`: the id the service gave a new instance.
    mutating func noteResult(of mutation: Mutation, error: APIError?, created: String? = nil) -> [Effect] {
        let (id, name, verb): (String?, String?, String) = switch mutation {
        case .start(let id, let name): (id, name, "start")
        case .stop(let id, let name): (id, name, "stop")
        case .createInstance(let spec): (created, spec.name, "create")
        case .updateInstance(let id, let spec): (id, spec.name, "edit")
        case .deleteInstance(let id, let name): (id, name, "delete")
        case .createRegistry(let name, _): (nil, "registry \(name)", "create")
        case .updateRegistry(_, let name, _): (nil, "registry \(name)", "edit")
        case .deleteRegistry(_, let name): (nil, "registry \(name)", "delete")
        }
        let detail = error.map { "\(verb) failed: \($0)" } ?? "\(verb) accepted"
        return note(AccountEvent(at: now, kind: .action, instanceId: id, instanceName: name, detail: detail))
    }

    /// A webhook that did not take an alert: an event of its own (which never alerts).
    mutating func alertFailed(_ event: AccountEvent, reason: String) -> [Effect] {
        note(AccountEvent(at: now, kind: .alertFailed, instanceId: event.instanceId, instanceName: event.instanceName,
                          detail: "webhook: \(reason)"))
    }
}

extension BudgetCrossing {
    /// The crossing as an event: "80% of the monthly budget".
    public var event: AccountEvent {
        AccountEvent(
            at: at, kind: .budget, new: "\(level.percent)% of the \(period.rawValue) budget",
            detail: "\(Formatting.money(projected)) projected of \(Formatting.money(budget))")
    }
}

extension AccountEvent {
    /// Its id in the Events pane's list (events have none of their own).
    var listId: String { "\(at.timeIntervalSince1970)-\(kind.rawValue)-\(instanceId ?? "")" }
}

extension AccountEvent.Kind {
    /// The EVENT column's word.
    public var label: String {
        switch self {
        case .status: "status"
        case .ready: "ready"
        case .error: "error"
        case .errorCleared: "error ok"
        case .appeared: "new"
        case .disappeared: "gone"
        case .budget: "budget"
        case .timerSet: "timer set"
        case .timerCancelled: "timer off"
        case .timerFired: "timer"
        case .action: "action"
        case .alertFailed: "alert"
        }
    }
}
