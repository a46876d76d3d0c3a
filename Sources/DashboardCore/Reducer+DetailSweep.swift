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
        shownRows.map { instances[$0].id }
    }

    /// Indices in `instances` of the rows `instancesOnScreen` names.
    private var shownRows: [Int] {
        guard let listing = listings[.instances] else { return [] }
        let rows: ArraySlice<Int>
        if settings.headless {
            rows = listing.order[...]
        } else if pane == .instances, detailId == nil {
            rows = listing.order.dropFirst(listing.scrollOffset).prefix(rowsOnScreen(.instances))
        } else {
            return []
        }
        return rows.filter { instances.indices.contains($0) }
    }

    /// Details the sweep has out at most; the next is asked when one comes back.
    static let detailsOutAtOnce = 2

    /// The instance rows' order or filter reads a detail (READY, HARDWARE, REGIONS).
    /// (Never without a screen: the rows have no order there, and building
    /// the table for each detail was a sixth of a small watcher's work.)
    var rowsDependOnDetails: Bool {
        guard !settings.headless else { return false }
        let listing = listings[.instances] ?? Listing()
        guard listing.filter.isEmpty else { return true }
        let headers = PaneTable.make(.instances, self).headers
        return headers.indices.contains(listing.sortColumn)
            && PaneTable.detailColumns.contains(headers[listing.sortColumn].title)
    }

    /// A detail is asked again once it is two refresh intervals old, which
    /// leaves the sweep one more to get to it before its READY is dimmed
    /// (older than three). Every interval would ask twice as often for rows
    /// that rarely change: 35 rows on screen at a 5 s refresh kept the sweep
    /// at its 4 requests a second for good.
    var detailReaskAge: Double { 2 * settings.refreshInterval }

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
            return [.timer(.detailSweep, after: paused.timeIntervalSince(now), action: .detailSweepDue(now))]
        }
        // Rows fetched since they were queued (opened, say) are passed over.
        while let last = detailSweepQueue.last, !isDue(last) { detailSweepQueue.removeLast() }
        var soonest: Double?
        if detailSweepQueue.isEmpty { soonest = queueDueRows() }
        guard let next = detailSweepQueue.last else {
            // Nothing shown: an armed sweep finds nothing when it fires.
            guard let soonest else { return [] }
            return [.timer(.detailSweep, after: max(gap, soonest), action: .detailSweepDue(now))]
        }
        // Never more than two out: when the scheduler's pace is below
        // `detailRate` (the service limits it), details wait here instead of
        // piling up in its queue ahead of the instance polls.
        guard detailsAsked.count < Self.detailsOutAtOnce else { return [] }
        if let last = detailSweepLastAsked, now.timeIntervalSince(last) < gap {
            return [.timer(.detailSweep, after: gap - now.timeIntervalSince(last), action: .detailSweepDue(now))]
        }
        detailSweepQueue.removeLast()
        detailsAsked.insert(next)
        detailSweepLastAsked = now
        return [.fetchDetail(id: next), .timer(.detailSweep, after: gap, action: .detailSweepDue(now))]
    }

    /// Not asked yet, and never fetched or fetched `detailReaskAge` ago.
    private func isDue(_ id: String) -> Bool {
        !detailsAsked.contains(id) && (detailAge(id).map { $0 >= detailReaskAge } ?? true)
    }

    /// Queues the rows shown that are due, those changing status last (they
    /// go first), then the stalest; returns when the freshest of the others
    /// falls due.
    private mutating func queueDueRows() -> Double? {
        var due: [(id: String, changing: Bool, staleness: Double)] = []
        var soonest: Double?
        for index in shownRows {
            let id = instances[index].id
            if let age = detailAge(id), age < detailReaskAge {
                soonest = min(soonest ?? .infinity, detailReaskAge - age)
            } else if !detailsAsked.contains(id) {
                due.append((id, isChanging(index), detailAge(id) ?? .infinity))
            }
        }
        // Stable, so rows equally due go in screen order.
        let order = due.enumerated().sorted { a, b in
            if a.element.changing != b.element.changing { return !a.element.changing }
            if a.element.staleness != b.element.staleness { return a.element.staleness < b.element.staleness }
            return a.offset > b.offset
        }
        detailSweepQueue = order.map(\.element.id)
        return soonest
    }

    /// Status on its way somewhere, or not the one its detail last said.
    private func isChanging(_ index: Int) -> Bool {
        let status = instances[index].status
        if Billing(status) == .starting || status == .deleting { return true }
        return details[instances[index].id].map { $0.status != status } ?? false
    }

    /// The rows on screen changed (a move, another pane, a resize): the
    /// sweep looks at once, once the first poll has brought the instances.
    mutating func sweepIfStarted() -> [Effect] {
        detailSweepQueue = []
        return poll(.instances).lastSuccess == nil ? [] : sweepDetails()
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
