import Foundation
import SesterceModels

/// Work `reduce` asks for, as values: the runtime performs it and sends the
/// outcome back as an `Action`. Tests compare effects instead of doing I/O.
public enum Effect: Equatable, Sendable {
    /// The instance list, with the detail of one instance in the same poll.
    case pollInstances(detailId: String?)
    case fetchDetail(id: String)
    /// One catalog list; each loads, and fails, on its own.
    case pollCatalog(CatalogKind)
    /// One-pod price of each hardware id, asked in the given region.
    case fetchHardwarePrices([PriceProbe])
    case perform(Mutation)
    /// Extend the ledger with what a poll saw (off the render path), with
    /// the ready pods of the details fetched; time since the previous poll
    /// longer than `maxGap` seconds is a gap. What changed comes back as
    /// `.eventsDetected`.
    case recordPoll([Instance], readiness: [String: InstanceReadiness], at: Date, maxGap: Double)
    /// Read the cost history at `at`, with the `instances` that cost most
    /// this month (0: none), answering `.costHistoryLoaded`.
    case loadCostHistory(at: Date, instances: Int)
    /// Keep an event in the ledger (one not found by a poll: an action's
    /// result, a budget crossed, an alert that failed).
    case recordEvent(AccountEvent)
    /// The latest events of the ledger (every process's), answering `.eventsLoaded`.
    case loadEvents
    /// The account's stop timers, answering `.stopTimersLoaded`.
    case loadStopTimers
    /// Set or move a stop timer (kept with its event at `at`), then reload them.
    case setStopTimer(StopTimer, at: Date)
    case cancelStopTimer(instanceId: String, at: Date)
    /// Take a due timer; `.stopTimerClaimed` says whether this process got it.
    case claimStopTimer(StopTimer, at: Date, hourlyPrice: Double?)
    /// Alerts: the terminal's bell, a desktop notification, the webhook.
    case ringBell
    case notifyDesktop(title: String, body: String)
    /// Put `text` on the clipboard of the person's terminal (OSC 52).
    case copyToClipboard(String)
    case postWebhook(AccountEvent)
    /// Ask the pricing endpoint, answering `.priceQuoted(token, …)`.
    case quotePrice(PriceQuery, token: Int)
    /// After `after` seconds, send `action`. Arming an id that is armed
    /// replaces its timer. A `.tick` is sent with the time the timer fired.
    case timer(TimerID, after: Double, action: Action)
    /// Disarms a timer; nothing happens if it is not armed.
    case cancel(TimerID)
    /// The models an instance's endpoint serves (`GET /v1/models`).
    case listEndpointModels(instanceId: String, address: String, secret: EndpointSecret)
    /// A streamed chat completion, reported token by token as `.playground`
    /// actions; numbered so that `cancelEndpointRequest` can stop it.
    case streamChat(request: Int, address: String, ChatRequest, secret: EndpointSecret)
    /// The latency probe (streamed requests, a few at once), with progress.
    case probeEndpoint(request: Int, address: String, instance: String, model: String, requests: Int, secret: EndpointSecret)
    /// Stops a stream or probe (Esc): its request is cancelled.
    case cancelEndpointRequest(Int)
    /// `:ctx`: open the account of this credentials profile (its client and
    /// ledger), answering `.accountOpened` or `.accountNotOpened`. Results
    /// of the account in use stop coming from then on.
    case openAccount(profile: String)
    /// Requests and ledger work go to the account just opened from now on;
    /// the old account's requests still out are cancelled.
    case activateAccount
    case quit
}

/// The one name of each delayed action, so that it can be re-armed or
/// cancelled instead of piling up.
public enum TimerID: Hashable, Sendable {
    /// The next poll of one resource.
    case poll(PollKind)
    /// The pause after a change to an instance form before its price is asked.
    case priceDebounce
    /// When the message in the footer goes away.
    case flash
    /// The once-a-second redraw of "updated 3s ago" and "spent".
    case clock
    /// The next detail of a row on screen (see `sweepDetails`).
    case detailSweep
    /// The soonest stop timer.
    case stopTimers
}

/// What is polled, each on its own timer and backoff.
public enum PollKind: Hashable, Sendable {
    case instances
    case catalog(CatalogKind)

    public static let all: [PollKind] = [.instances] + CatalogKind.allCases.map(PollKind.catalog)
}

/// The four lists of the catalog.
public enum CatalogKind: String, CaseIterable, Hashable, Sendable {
    case models, hardware, regions, registries
}
