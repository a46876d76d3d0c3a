import Foundation
import SesterceModels

extension State {
    /// How long between polls. Until the catalog has come whole once, the
    /// panes and forms that need it are waiting: it is asked as often as the
    /// instances, not once a minute.
    func interval(_ kind: PollKind) -> Double {
        switch kind {
        case .instances: settings.refreshInterval
        case .catalog: poll(kind).lastSuccess == nil
            ? min(settings.refreshInterval, settings.catalogInterval) : settings.catalogInterval
        }
    }

    /// Sends a poll now unless one is out (then it is queued: polls never overlap).
    mutating func beginPoll(_ kind: PollKind) -> [Effect] {
        guard !poll(kind).inFlight else {
            polls[kind, default: PollState()].refreshQueued = true
            return []
        }
        polls[kind, default: PollState()].inFlight = true
        polls[kind, default: PollState()].sent += 1
        polls[kind, default: PollState()].refreshQueued = false
        switch kind {
        case .instances: return [.pollInstances(detailId: polledDetailId)]
        case .catalog(let list): return [.pollCatalog(list)]
        }
    }

    /// The detail a poll brings along: the one open, else the selected row's
    /// while the Instances pane shows it. Another pane shows no detail, and a
    /// request each poll for it was a third of what an idle dashboard did.
    private var polledDetailId: String? {
        detailId ?? (pane == .instances ? listings[.instances]?.selectedId : nil)
    }

    /// After a poll returned: poll again at once if asked meanwhile, else arm the timer.
    mutating func rearm(_ kind: PollKind) -> [Effect] {
        polls[kind, default: PollState()].inFlight = false
        if poll(kind).refreshQueued { return beginPoll(kind) }
        polls[kind, default: PollState()].token += 1
        let state = poll(kind)
        let delay = state.nextDelay(interval: interval(kind))
        return [.timer(.poll(kind), after: delay, action: .pollDue(kind, token: state.token))]
    }

    /// A success also takes the footer's word of this poll's failure away:
    /// the data is back, the message would be stale.
    mutating func recordSuccess(_ kind: PollKind, at time: Date) {
        if flash?.failedPoll == kind { flash = nil }
        polls[kind, default: PollState()].failures = 0
        polls[kind, default: PollState()].lastError = nil
        polls[kind, default: PollState()].lastSuccess = time
    }

    mutating func recordFailure(_ kind: PollKind, _ error: APIError) {
        polls[kind, default: PollState()].failures += 1
        polls[kind, default: PollState()].lastError = error
        let delay = poll(kind).nextDelay(interval: interval(kind))
        let what = switch kind {
        case .instances: "Refresh"
        case .catalog(let list): "Refresh of \(list.rawValue)"
        }
        if case .rateLimited(_, let message) = error {
            showError("\(what) rate limited, retrying in \(Formatting.duration(delay)): \(message)", failedPoll: kind)
        } else {
            showError("\(what) failed, retrying in \(Formatting.duration(delay)): \(error)", failedPoll: kind)
        }
    }

    mutating func receiveInstances(
        _ result: Result<[Instance], APIError>, detail: Result<InstanceDetail, APIError>?, at time: Date
    ) -> [Effect] {
        now = max(now, time)
        if case .success(let value)? = detail { (details[value.id], detailFetchedAt[value.id]) = (value, time) }
        var ledgerEffects: [Effect] = []
        switch result {
        case .success(let list):
            let completed = poll(.instances).sent
            created = created.filter { $0.value.settledByPoll > completed }
            let listed = created.isEmpty ? [] : Set(list.map(\.id))
            instances = list + created.values.map(\.instance).filter { !listed.contains($0.id) }.sorted { $0.id < $1.id }
            recordSuccess(.instances, at: time)
            cost.sample(BurnRate(instances: instances), at: time, maxGap: maxLedgerGap)
            ledgerEffects = recordPoll(list, at: time) + detectEvents(in: list, at: time)
            let present = Set(instances.map(\.id))
            // Rebuilt only when an instance went: 10,000 details copied at every poll otherwise.
            if details.keys.contains(where: { !present.contains($0) }) { details = details.filter { present.contains($0.key) } }
            if detailFetchedAt.keys.contains(where: { !present.contains($0) }) {
                detailFetchedAt = detailFetchedAt.filter { present.contains($0.key) }
            }
            transitions = transitions.filter { id, transition in
                present.contains(id) && (transition.settledByPoll.map { $0 > completed } ?? true)
            }
            dropMarksOfGoneInstances()
            if let open = detailId, !present.contains(open) {
                detailId = nil
                showInfo("The instance is gone")
            }
        case .failure(let error):
            recordFailure(.instances, error)
        }
        reorder(.instances)
        return ledgerEffects + rearm(.instances)
    }

    mutating func receiveCatalog(_ list: CatalogList, at time: Date) -> [Effect] {
        now = max(now, time)
        switch list {
        case .models(.success(let value)): models = value
        case .hardware(.success(let value)): hardware = value
        case .regions(.success(let value)): regions = value
        case .registries(.success(let value)): registries = value
        default: break
        }
        let kind = PollKind.catalog(list.kind)
        if let error = list.error {
            recordFailure(kind, error)
        } else {
            recordSuccess(kind, at: time)
        }
        for pane in Pane.allCases { reorder(pane) }
        return askHardwarePrices() + rearm(kind)
    }

    /// Asks one pod's price of each flavor not priced nor asked yet, once
    /// both the hardware and the regions (where to ask) are known.
    mutating func askHardwarePrices() -> [Effect] {
        let unpriced = hardware.filter { hardwarePrices[$0.id] == nil && !hardwarePricesAsked.contains($0.id) }
        let probes = PriceProbe.probes(for: unpriced, in: regions)
        guard !probes.isEmpty else { return [] }
        hardwarePricesAsked.formUnion(probes.map(\.hardwareId))
        return [.fetchHardwarePrices(probes)]
    }

    /// Every list of the catalog asked now, or again as soon as its poll
    /// returns (after a change, a request already out may carry the old
    /// capacity). `unlessOnTheirWay` leaves out lists whose request is out,
    /// when any fresh answer will do: asking twice would only spend the
    /// service's rate.
    mutating func refreshCatalog(unlessOnTheirWay: Bool = false) -> [Effect] {
        CatalogKind.allCases
            .filter { !(unlessOnTheirWay && poll(.catalog($0)).inFlight) }
            .flatMap { beginPoll(.catalog($0)) }
    }
}
