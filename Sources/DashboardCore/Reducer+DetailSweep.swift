import Foundation
import SesterceModels

/// READY on every row on screen: the list carries no pods, so the details of
/// the rows shown are asked one at a time, at most `detailRate` a second
/// (the scheduler paces them among every other request), those changing
/// status first, then the stalest; never the whole account per poll, and
/// not while the service rate-limits.
extension State {
    /// The instances whose ready pods are on screen: the rows shown, or every
    /// one when there is no screen (`watch` exports them all).
    /// (Asked around every action: it reads the listing, and builds no table.)
    public var instancesOnScreen: [String] {
        guard let listing = listings[.instances] else { return [] }
        let rows: ArraySlice<Int>
        if settings.headless {
            rows = listing.order[...]
        } else if pane == .instances, detailId == nil {
            rows = listing.order.dropFirst(listing.scrollOffset).prefix(rowsOnScreen(.instances))
        } else {
            return []
        }
        return rows.compactMap { instances.indices.contains($0) ? instances[$0].id : nil }
    }

    /// Details the sweep has out at most; the next is asked when one comes back.
    static let detailsOutAtOnce = 2

    /// The instance rows' order or filter reads a detail (READY, HARDWARE, REGIONS).
    var rowsDependOnDetails: Bool {
        let listing = listings[.instances] ?? Listing()
        guard listing.filter.isEmpty else { return true }
        let headers = PaneTable.make(.instances, self).headers
        return headers.indices.contains(listing.sortColumn)
            && PaneTable.detailColumns.contains(headers[listing.sortColumn].title)
    }

    /// A detail is worth asking again after one refresh interval; older than
    /// three its READY is dimmed.
    func detailAge(_ id: String) -> Double? {
        detailFetchedAt[id].map { now.timeIntervalSince($0) }
    }

    func isStale(_ id: String) -> Bool {
        detailAge(id).map { $0 > 3 * settings.refreshInterval } ?? false
    }

    /// Asks the next detail when its turn has come, and arms the sweep's
    /// timer for the next one (or for when the freshest shown goes stale).
    mutating func sweepDetails() -> [Effect] {
        let gap = 1 / max(0.1, settings.detailRate)
        if let paused = detailSweepPausedUntil, paused > now {
            return [.timer(.detailSweep, after: paused.timeIntervalSince(now), action: .detailSweepDue)]
        }
        let byId = Dictionary(instances.map { ($0.id, $0) }) { first, _ in first }
        let due = instancesOnScreen.filter { id in
            !detailsAsked.contains(id) && (detailAge(id).map { $0 >= settings.refreshInterval } ?? true)
        }
        guard !due.isEmpty else {
            let shown = instancesOnScreen.compactMap { id in detailAge(id).map { settings.refreshInterval - $0 } }
            // Nothing shown: an armed sweep finds nothing when it fires.
            guard let next = shown.min() else { return [] }
            return [.timer(.detailSweep, after: max(gap, next), action: .detailSweepDue)]
        }
        // Never more than two out: when the scheduler's pace is below
        // `detailRate` (the service limits it), details wait here instead of
        // piling up in its queue ahead of the instance polls.
        guard detailsAsked.count < Self.detailsOutAtOnce else { return [] }
        if let last = detailSweepLastAsked, now.timeIntervalSince(last) < gap {
            return [.timer(.detailSweep, after: gap - now.timeIntervalSince(last), action: .detailSweepDue)]
        }
        let next = due.min { a, b in
            let changingA = byId[a].map(isChanging) ?? false, changingB = byId[b].map(isChanging) ?? false
            if changingA != changingB { return changingA }
            return (detailAge(a) ?? .infinity) > (detailAge(b) ?? .infinity)
        }!
        detailsAsked.insert(next)
        detailSweepLastAsked = now
        return [.fetchDetail(id: next), .timer(.detailSweep, after: gap, action: .detailSweepDue)]
    }

    /// Status on its way somewhere, or not the one its detail last said.
    private func isChanging(_ instance: Instance) -> Bool {
        if Billing(instance.status) == .starting || instance.status == .deleting { return true }
        return details[instance.id].map { $0.status != instance.status } ?? false
    }

    /// The rows on screen changed (a move, another pane, a resize): the
    /// sweep looks at once, once the first poll has brought the instances.
    mutating func sweepIfStarted() -> [Effect] {
        poll(.instances).lastSuccess == nil ? [] : sweepDetails()
    }

    /// A detail arrived (from the sweep, the poll, or opening it).
    mutating func receiveDetail(_ result: Result<InstanceDetail, APIError>, id: String?, at time: Date) {
        now = max(now, time)
        if let id { detailsAsked.remove(id) }
        switch result {
        case .success(let detail):
            details[detail.id] = detail
            detailFetchedAt[detail.id] = time
        case .failure(.rateLimited(let retryAfter, _)):
            detailSweepPausedUntil = time.addingTimeInterval(max(retryAfter ?? 0, settings.refreshInterval))
        case .failure:
            break
        }
    }
}
