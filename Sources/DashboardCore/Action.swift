import Foundation
import SesterceModels
import TextLayout

/// Everything that can happen to the dashboard: time passing, results coming
/// back from the API, and what the person asks for. `reduce` is the only
/// consumer.
public enum Action: Equatable, Sendable {
    /// The dashboard opened at this time: first polls go out.
    case launched(Date)
    /// The clock timer fired at this time (see `TimerID.clock`).
    case tick(Date)
    /// The footer message with this number has been shown long enough.
    case flashExpired(Int)
    case resized(width: Int, height: Int)

    /// An armed poll timer fired; stale tokens (a newer poll was armed) are ignored.
    case pollDue(PollKind, token: Int)
    case instancesPolled(Result<[Instance], APIError>, detail: Result<InstanceDetail, APIError>?, at: Date)
    /// An instance's detail; `id` says whose a failure was (the sweep asks again later).
    case detailLoaded(Result<InstanceDetail, APIError>, at: Date, id: String? = nil)
    case catalogPolled(CatalogList, at: Date)
    /// Hourly price of one pod per hardware id, from the pricing preview; the
    /// ids asked that are missing failed and may be asked again.
    case hardwarePricesLoaded(asked: Set<String>, [String: Double])
    /// The service refused requests (429): they now leave at this pace.
    case requestsSlowed(perSecond: Double)
    case mutationFinished(Mutation, error: APIError?)
    /// An instance was created or updated (or the server refused it).
    case instanceSaved(Mutation, Result<Instance, APIError>)
    /// The debounce of a price preview ran out; stale tokens are ignored.
    case priceDue(token: Int)
    case priceQuoted(token: Int, Result<PriceEstimate, APIError>)
    /// What the ledger remembers of the spend (after each poll it recorded).
    case costHistoryLoaded(CostHistory)
    /// The ledger could not record or read: said once, the dashboard goes on.
    case ledgerFailed(String)
    /// What this process found changed (by the ledger, or by itself without one).
    case eventsDetected([AccountEvent])
    /// The ledger's latest events, newest first.
    case eventsLoaded([AccountEvent])
    case stopTimersLoaded([StopTimer])
    /// The soonest stop timer's time has come (sent with the time it fired).
    case stopTimersDue(Date)
    case stopTimerClaimed(StopTimer, claimed: Bool)
    /// The next detail of a row on screen may be asked (sent with the time
    /// the timer fired: the sweep's pacing reads the clock).
    case detailSweepDue(Date)
    /// The webhook refused or could not be reached for this event.
    case alertFailed(AccountEvent, reason: String)
    /// The account of a `:ctx` profile is open: the first action of its results.
    case accountOpened(AccountContext)
    /// The account of a `:ctx` profile could not be opened; nothing changed.
    case accountNotOpened(profile: String, reason: String)

    case command(Command)
    /// A click or a turn of the wheel, and what was under it on the screen.
    case mouse(MouseEvent.Kind, on: ScreenTarget?)
    /// A key typed in the `:` prompt.
    case prompt(PromptKey)
    case filterInput(Character)
    case filterBackspace
    /// Ctrl-W: the last word of the filter goes (and the blanks after it).
    case filterDeleteWord
    /// Ctrl-U: the whole filter goes; typing goes on.
    case filterDeleteAll
    case commitFilter
    case clearFilter
    case confirm
    case cancel
    /// Typing the name that confirms a delete.
    case confirmInput(Character)
    case confirmBackspace

    /// Editing in the open form, and leaving it.
    case formInput(FormInput)
    case submitForm
    case cancelForm

    /// A key pressed while the playground has the keys.
    case playgroundKey(KeyEvent)
    /// The runtime's report on a playground request.
    case playground(PlaygroundEvent)
}

/// One list of the catalog as it arrived, or why it did not.
public enum CatalogList: Equatable, Sendable {
    case models(Result<[InferenceModel], APIError>)
    case hardware(Result<[HardwareFlavor], APIError>)
    case regions(Result<[Region], APIError>)
    case registries(Result<[Registry], APIError>)

    public var kind: CatalogKind {
        switch self {
        case .models: .models
        case .hardware: .hardware
        case .regions: .regions
        case .registries: .registries
        }
    }

    public var error: APIError? {
        switch self {
        case .models(.failure(let error)), .hardware(.failure(let error)),
             .regions(.failure(let error)), .registries(.failure(let error)): error
        default: nil
        }
    }
}

/// A change that was asked for: to an instance, or to a registry.
public enum Mutation: Hashable, Sendable {
    case start(id: String, name: String)
    case stop(id: String, name: String)
    case createRegistry(name: String, credentials: RegistryCredentials)
    case updateRegistry(id: String, name: String, credentials: RegistryCredentials)
    case deleteRegistry(id: String, name: String)
    case createInstance(InstanceSpec)
    case updateInstance(id: String, spec: InstanceSpec)
    case deleteInstance(id: String, name: String)

    /// The instance a start or stop is about.
    public var instanceId: String? {
        switch self {
        case .start(let id, _), .stop(let id, _): id
        case .createRegistry, .updateRegistry, .deleteRegistry, .createInstance, .updateInstance, .deleteInstance: nil
        }
    }
}
