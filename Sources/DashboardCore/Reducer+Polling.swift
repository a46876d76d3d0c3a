import Foundation
import SesterceAPI

extension State {
    /// How long between polls. Until the catalog has come whole once, the
    /// panes and forms that need it are waiting: it is asked as often as the
    /// instances, not once a minute.
    func interval(_ kind: PollKind) -> Double {
        switch kind {
        case .instances: settings.refreshInterval
        case .catalog: poll(.catalog).lastSuccess == nil
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
        case .instances: return [.pollInstances(detailId: detailId ?? listings[.instances]?.selectedId)]
        case .catalog: return [.pollCatalog]
        }
    }

    /// After a poll returned: poll again at once if asked meanwhile, else arm the timer.
    mutating func rearm(_ kind: PollKind) -> [Effect] {
        polls[kind, default: PollState()].inFlight = false
        if poll(kind).refreshQueued { return beginPoll(kind) }
        polls[kind, default: PollState()].token += 1
        let state = poll(kind)
        return [.schedule(kind, after: state.nextDelay(interval: interval(kind)), token: state.token)]
    }

    mutating func recordSuccess(_ kind: PollKind, at time: Date) {
        polls[kind, default: PollState()].failures = 0
        polls[kind, default: PollState()].lastError = nil
        polls[kind, default: PollState()].lastSuccess = time
    }

    mutating func recordFailure(_ kind: PollKind, _ error: APIError) {
        polls[kind, default: PollState()].failures += 1
        polls[kind, default: PollState()].lastError = error
        let delay = poll(kind).nextDelay(interval: interval(kind))
        let what = kind == .instances ? "Refresh" : "Catalog refresh"
        showError("\(what) failed, retrying in \(Formatting.duration(delay)): \(error)")
    }

    mutating func receiveInstances(
        _ result: Result<[Instance], APIError>, detail: Result<InstanceDetail, APIError>?, at time: Date
    ) -> [Effect] {
        now = max(now, time)
        switch result {
        case .success(let list):
            instances = list
            recordSuccess(.instances, at: time)
            cost.sample(BurnRate(instances: list), at: time)
            let present = Set(list.map(\.id))
            details = details.filter { present.contains($0.key) }
            let completed = poll(.instances).sent
            transitions = transitions.filter { id, transition in
                present.contains(id) && (transition.settledByPoll.map { $0 > completed } ?? true)
            }
            if let open = detailId, !present.contains(open) {
                detailId = nil
                showInfo("The instance is gone")
            }
        case .failure(let error):
            recordFailure(.instances, error)
        }
        switch detail {
        case .success(let value)?: details[value.id] = value
        case .failure(.notFound)?, .failure?, nil: break
        }
        reorder(.instances)
        return rearm(.instances)
    }

    mutating func receiveCatalog(_ result: CatalogResult, at time: Date) -> [Effect] {
        now = max(now, time)
        if case .success(let list) = result.models { models = list }
        if case .success(let list) = result.hardware { hardware = list }
        if case .success(let list) = result.regions { regions = list }
        if case .success(let list) = result.registries { registries = list }
        if let error = result.firstError {
            recordFailure(.catalog, error)
        } else {
            recordSuccess(.catalog, at: time)
        }
        for pane in Pane.allCases { reorder(pane) }
        var effects: [Effect] = []
        let probes = PriceProbe.probes(for: hardware.filter { hardwarePrices[$0.id] == nil }, in: regions)
        if !probes.isEmpty { effects.append(.fetchHardwarePrices(probes)) }
        return effects + rearm(.catalog)
    }
}
