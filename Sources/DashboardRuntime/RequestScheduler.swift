import DashboardCore
import Foundation
import SesterceAPI

/// Every API request of the dashboard leaves through here, one at a time at a
/// pace: the most urgent waiting request first (a change the person asked
/// for, then the instance list, details, the catalog, prices), never two in
/// the same instant; a request that has waited ten seconds goes next whatever
/// its priority, so that frequent polls under a low limit cannot starve the
/// catalog.
///
/// The service's limit is learnt from its 429s. The pause it asks for
/// (`Retry-After`) is kept; the pace is halved, and capped under what the
/// service let through in the second before the refused request, so that a
/// dashboard alone is not refused again. Each success then adds a little
/// pace, up to that cap: dashboards sharing one limit each slow down on a
/// 429 and creep back, so they share it instead of starving. After a quiet
/// minute the cap rises by a tenth, in case the limit was raised.
///
/// A request refused with 429 was not carried out, so it waits its turn
/// again; a read that failed on the way (unreachable, 502-504) is asked again
/// after a short backoff. Each retry is paced like any other request.
public actor RequestScheduler {
    public enum Priority: Int, Comparable, Sendable {
        /// Changes and price quotes: someone is waiting for the answer.
        case change
        case instances
        case detail
        case catalog
        /// One-pod prices of the Hardware pane.
        case price

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How the pace is set: where it starts, its bounds, and how retries go.
    public struct Pacing: Sendable {
        /// Requests a second before the service has refused any.
        public var initialRate: Double
        /// The slowest pace, whatever the service says.
        public var minimumRate: Double
        /// How often a refused (429) request is tried again before failing.
        public var rateLimitRetries: Int
        /// Backoff of reads that failed on the way.
        public var transientRetry: RetryPolicy
        /// A pace lowered by a 429 rises by a tenth after this long without one.
        public var quietBeforeRaise: Duration
        /// Requests a second added to the pace by each success, up to the cap.
        public var increasePerSuccess: Double

        public init(initialRate: Double = 5, minimumRate: Double = 0.1, rateLimitRetries: Int = 4,
                    transientRetry: RetryPolicy = .standard, quietBeforeRaise: Duration = .seconds(60),
                    increasePerSuccess: Double = 0.05) {
            self.initialRate = initialRate
            self.minimumRate = minimumRate
            self.rateLimitRetries = rateLimitRetries
            self.transientRetry = transientRetry
            self.quietBeforeRaise = quietBeforeRaise
            self.increasePerSuccess = increasePerSuccess
        }
    }

    /// The share of what the service let through that the pace keeps to:
    /// requests do not arrive exactly a slot apart (a task wakes late, the
    /// network varies), and a limit counted per second refuses a pair that
    /// comes closer.
    static var margin: Double { 0.85 }

    /// How long a request waits at most before it goes ahead of more urgent ones.
    static var longestWait: Duration { .seconds(10) }

    private let pacing: Pacing
    /// Told the new pace (requests a second) each time a 429 lowers it.
    private let onSlowDown: @Sendable (Double) -> Void
    private let clock = ContinuousClock()
    /// Requests a second now.
    public private(set) var rate: Double
    /// The most the pace may reach: what the service let through, learnt from its 429s.
    private var ceiling: Double
    private var nextSlot: ContinuousClock.Instant
    private var pausedUntil: ContinuousClock.Instant
    /// When requests were sent in the last seconds, oldest first.
    private var sendTimes: [ContinuousClock.Instant] = []
    /// Refusals of requests sent before this were answered by the last lowering.
    private var learntAt: ContinuousClock.Instant
    private var lastChange: ContinuousClock.Instant
    private var queue = RequestQueue<Priority>(longestWait: RequestScheduler.longestWait)
    /// The callers waiting for their turn, by their number in `queue`.
    private var waiting: [Int: CheckedContinuation<Bool, Never>] = [:]
    private var dispatcher: Task<Void, Never>?

    public init(pacing: Pacing = Pacing(), onSlowDown: @escaping @Sendable (Double) -> Void = { _ in }) {
        self.pacing = pacing
        self.onSlowDown = onSlowDown
        rate = pacing.initialRate
        ceiling = pacing.initialRate
        let now = clock.now
        nextSlot = now
        pausedUntil = now
        learntAt = now - .seconds(1)
        lastChange = now
    }

    /// Runs `work` when its turn comes, retrying as described above. A
    /// cancelled caller leaves the queue and gets `.failure(.unreachable)`.
    public func run<T: Sendable>(
        _ priority: Priority, isRead: Bool, _ work: @Sendable () async throws(APIError) -> T
    ) async -> Result<T, APIError> {
        var refusals = 0, failures = 0
        while true {
            guard await turn(priority) else { return .failure(.unreachable(detail: "cancelled")) }
            let sentAt = sending()
            // The attempt's number goes with it, for the request log.
            let result: Result<T, APIError> = await RequestAttempt.$retry.withValue(refusals + failures) {
                do throws(APIError) { return .success(try await work()) } catch { return .failure(error) }
            }
            switch result {
            case .failure(.rateLimited(let retryAfter, _)) where refusals < pacing.rateLimitRetries:
                refusals += 1
                slowDown(refusedRequestSentAt: sentAt, retryAfter: retryAfter)
            case .failure(let error) where isRead && error.isTransient && failures < pacing.transientRetry.maxRetries:
                failures += 1
                try? await Task.sleep(for: pacing.transientRetry.delay(beforeRetry: failures))
            case .failure(.rateLimited(let retryAfter, _)):
                slowDown(refusedRequestSentAt: sentAt, retryAfter: retryAfter)
                return result
            case .success:
                rate = min(ceiling, rate + pacing.increasePerSuccess)
                return result
            default:
                return result
            }
            if Task.isCancelled { return result }
        }
    }

    /// Waits for this request's turn; false if its caller was cancelled.
    private func turn(_ priority: Priority) async -> Bool {
        let number = queue.add(priority, at: clock.now)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting[number] = continuation
                if dispatcher == nil { dispatcher = Task { await dispatch() } }
            }
        } onCancel: {
            Task { await self.abandon(number) }
        }
    }

    private func abandon(_ number: Int) {
        guard queue.remove(number) else { return }
        waiting.removeValue(forKey: number)?.resume(returning: false)
    }

    /// Lets waiting requests go one by one, each at its slot. Another call may
    /// come in while it sleeps (a more urgent request, a 429 that pauses), so
    /// the slot is looked at again after every sleep.
    private func dispatch() async {
        while !queue.isEmpty {
            let now = clock.now
            let due = max(nextSlot, pausedUntil)
            if due > now {
                await EventLoopSleep.until(due, clock: clock)
                continue
            }
            guard let number = queue.next(at: now), let caller = waiting.removeValue(forKey: number) else { continue }
            raiseAfterQuiet(now)
            nextSlot = now + .seconds(1 / rate)
            caller.resume(returning: true)
        }
        dispatcher = nil
    }

    /// The request let go at its turn is about to be sent: the next slot
    /// counts from now, so that a caller that woke late does not leave its
    /// successor less than a slot behind (the service sees when requests
    /// arrive, not when their turn came).
    private func sending() -> ContinuousClock.Instant {
        let now = clock.now
        nextSlot = max(nextSlot, now + .seconds(1 / rate))
        sendTimes.append(now)
        sendTimes.removeAll { now - $0 > .seconds(2) }
        return now
    }

    /// A 429: pause as long as asked (a second if not said), and, once per
    /// burst, cap the pace under what the service let through in the second
    /// before the refused request, and halve it within that cap (down to a
    /// quarter of it).
    private func slowDown(refusedRequestSentAt sentAt: ContinuousClock.Instant, retryAfter: Double?) {
        let now = clock.now
        let pause = retryAfter.flatMap { $0.isFinite && $0 >= 0 ? min($0, 3600) : nil } ?? 1
        pausedUntil = max(pausedUntil, now + .seconds(pause))
        guard sentAt > learntAt else { return }
        learntAt = now
        lastChange = now
        let letThrough = sendTimes.filter { $0 < sentAt && sentAt - $0 < .seconds(1) }.count
        ceiling = max(pacing.minimumRate, min(ceiling, Double(max(1, letThrough)) * Self.margin))
        // Not below a quarter of the cap: when another client takes the
        // service's whole limit, a slower pace here gets no more through.
        rate = max(pacing.minimumRate, ceiling / 4, min(ceiling, rate / 2))
        onSlowDown(rate)
    }

    private func raiseAfterQuiet(_ now: ContinuousClock.Instant) {
        guard ceiling < pacing.initialRate, now - lastChange >= pacing.quietBeforeRaise else { return }
        lastChange = now
        ceiling = min(pacing.initialRate, ceiling * 1.1)
    }
}
