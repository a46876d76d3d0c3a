import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels

/// The effects tests expect, named by what they are for.
extension Effect {
    /// The next poll of `kind`, due in `seconds`, sent with `token`.
    static func nextPoll(_ kind: PollKind, after seconds: Double, token: Int) -> Effect {
        .timer(.poll(kind), after: seconds, action: .pollDue(kind, token: token))
    }

    /// The price of an instance form, asked after the pause that follows a change.
    static func priceAfterPause(token: Int) -> Effect {
        .timer(.priceDebounce, after: 0.3, action: .priceDue(token: token))
    }

    /// Footer message `number` goes away: after 4 s, or 10 s for an error.
    static func flashExpiry(_ number: Int, _ kind: Flash.Kind = .info) -> Effect {
        .timer(.flash, after: kind == .error ? 10 : 4, action: .flashExpired(number))
    }

    /// The clock's next second, armed at `time`.
    static func clock(armedAt time: Date) -> Effect {
        .timer(.clock, after: 1, action: .tick(time))
    }

    /// Every list of the catalog asked at once.
    static let catalogPolls: [Effect] = CatalogKind.allCases.map(Effect.pollCatalog)
}

/// Expected changes of state, stated the way a person would say them.
extension State {
    /// Shows the next footer message, which the message log keeps; a poll's
    /// failure names the poll (its next success takes the message away).
    mutating func flashes(_ text: String, _ kind: Flash.Kind = .info, failedPoll: PollKind? = nil) {
        flashCount += 1
        flash = Flash(text: text, kind: kind, number: flashCount, failedPoll: failedPoll)
        messages.append(text, kind: kind, at: now)
    }

    /// A poll of `kind` goes out.
    mutating func sendsPoll(_ kind: PollKind) {
        polls[kind]!.inFlight = true
        polls[kind]!.sent += 1
    }

    /// Every list of the catalog is asked.
    mutating func sendsCatalogPolls() {
        for kind in CatalogKind.allCases { sendsPoll(.catalog(kind)) }
    }

    /// Every list of the catalog is asked again as soon as its poll, still out, is back.
    mutating func queuesCatalogPolls() {
        for kind in CatalogKind.allCases { polls[.catalog(kind)]!.refreshQueued = true }
    }

    /// The poll of `kind` came back at `time`, and its next one is armed.
    mutating func pollSucceeded(_ kind: PollKind, at time: Date) {
        now = max(now, time)
        polls[kind]!.inFlight = false
        polls[kind]!.token += 1
        polls[kind]!.failures = 0
        polls[kind]!.lastError = nil
        polls[kind]!.lastSuccess = time
    }

    /// The poll of `kind` failed with `error` at `time`, and its retry is armed.
    mutating func pollFailed(_ kind: PollKind, _ error: APIError, at time: Date) {
        now = max(now, time)
        polls[kind]!.inFlight = false
        polls[kind]!.token += 1
        polls[kind]!.failures += 1
        polls[kind]!.lastError = error
    }

    /// The open form is valid and sent: its rules now show, and a second submit waits.
    /// Ctrl-S on a valid form: the request goes, the form's earlier errors
    /// go, and the footer says `saying` ("Saving chat-eu…") meanwhile.
    mutating func submitsForm(saying text: String) {
        _ = form!.form.attemptSubmit()
        form!.submitting = true
        form!.form.setErrors([:])
        flashes(text)
    }

    /// The rows `pane` shows, by position in its list, and the id of the one selected.
    mutating func lists(_ pane: Pane, order: [Int], selected: String) {
        listings[pane]!.order = order
        listings[pane]!.selectedId = selected
    }
}

extension CatalogList {
    /// The list of `kind` when its poll failed.
    static func failure(_ kind: CatalogKind, _ error: APIError) -> CatalogList {
        switch kind {
        case .models: .models(.failure(error))
        case .hardware: .hardware(.failure(error))
        case .regions: .regions(.failure(error))
        case .registries: .registries(.failure(error))
        }
    }
}

/// The detail sweep and events, as tests expect them.
extension Effect {
    /// The sweep looks again in `seconds` (a quarter second at the default 4
    /// a second), armed at `time` (the timer sends the time it fires).
    static func sweep(after seconds: Double = 0.25, at time: Date = Fixture.t0) -> Effect {
        .timer(.detailSweep, after: seconds, action: .detailSweepDue(time))
    }
}

extension State {
    /// The sweep asks the detail of `id` now.
    mutating func sweepAsks(_ id: String) {
        detailsAsked.insert(id)
        detailSweepLastAsked = now
    }

    /// Without a ledger, the reducer remembers this look at the instances to
    /// find what changes by the next.
    mutating func observes(_ list: [Instance]) {
        observed = Dictionary(uniqueKeysWithValues: list.map { ($0.id, InstanceObservation($0, detail: details[$0.id])) })
    }
}

extension State {
    /// `new` events (all at one time) join the Events pane's list, newest
    /// first; a selection on the top row moves to the newest.
    mutating func recordsEvents(_ new: [AccountEvent]) {
        events = new.reversed() + events
        var listing = listings[.events]!
        listing.order = Array(events.indices)
        let ids = events.map { "\($0.at.timeIntervalSince1970)-\($0.kind.rawValue)-\($0.instanceId ?? "")" }
        listing.selectedId = listing.selectedIndex == 0 ? ids.first : listing.selectedId
        listing.selectedIndex = listing.selectedId.flatMap(ids.firstIndex) ?? 0
        listings[.events] = listing
    }

    /// The result of a person's action, as the Events pane lists it.
    mutating func recordsAction(_ id: String?, _ name: String?, _ detail: String) {
        recordsEvents([AccountEvent(at: now, kind: .action, instanceId: id, instanceName: name, detail: detail)])
    }
}
