import Foundation
import SesterceModels

/// Everything the dashboard knows, owned by `reduce`. Plain values only, so a
/// test can build one and compare it whole.
public struct State: Equatable, Sendable {
    public struct Settings: Equatable, Sendable {
        public var refreshInterval: Double
        public var catalogInterval: Double
        public var readonly: Bool
        /// Host of the API (never the key), for the header.
        public var host: String
        /// The keys in use (the config's `keys:` applied). The help lists them,
        /// so the reducer needs them to know how long the help is.
        public var keymap: Keymap
        /// A ledger records each poll and answers for the Cost pane.
        public var ledger: Bool
        /// Said once in the footer at launch: the ledger is off, or was moved aside.
        public var ledgerNotice: String?
        public var budget: Budget?
        /// Which events alert, and how (the config's `alerts:`).
        public var alerts: AlertSettings
        /// Details of rows on screen asked at most this many a second (`detailRate`).
        public var detailRate: Double
        /// Where "stop at 19:00" is.
        public var timeZone: TimeZone
        /// No screen (`watch`): every instance counts as on screen, for its ready pods.
        public var headless: Bool
        /// The credentials profiles `:ctx` switches between.
        public var profiles: ProfileChoice

        public init(
            refreshInterval: Double = 5, catalogInterval: Double = 60, readonly: Bool = false, host: String,
            keymap: Keymap = .standard, ledger: Bool = false, ledgerNotice: String? = nil, budget: Budget? = nil,
            alerts: AlertSettings = AlertSettings(), detailRate: Double = 4, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
            headless: Bool = false, profiles: ProfileChoice = ProfileChoice()
        ) {
            self.refreshInterval = refreshInterval
            self.catalogInterval = catalogInterval
            self.readonly = readonly
            self.host = host
            self.keymap = keymap
            self.ledger = ledger
            self.ledgerNotice = ledgerNotice
            self.budget = budget
            self.alerts = alerts
            self.detailRate = detailRate
            self.timeZone = timeZone
            self.headless = headless
            self.profiles = profiles
        }
    }

    public var settings: Settings
    public var now: Date
    public var launchedAt: Date
    public var width = 80
    public var height = 24

    public var pane: Pane = .instances
    public var instances: [Instance] = []
    /// Details fetched so far (the selected instance's comes with every poll,
    /// the others of rows on screen by `sweepDetails`), and when.
    public var details: [String: InstanceDetail] = [:]
    public var detailFetchedAt: [String: Date] = [:]
    /// Details asked by the sweep and not answered yet.
    public var detailsAsked: Set<String> = []
    /// When the sweep last asked one, and until when it waits (a 429).
    public var detailSweepLastAsked: Date?
    public var detailSweepPausedUntil: Date?
    /// Rows due a detail at the sweep's last look, the next last; made again
    /// when it runs out, after each poll, and when other rows are shown.
    /// (Headless, one look covers every instance: looking at each ask cost
    /// the watcher most of its CPU over 10,000 instances.)
    public var detailSweepQueue: [String] = []
    /// What happened, newest first (the Events pane), at most `State.eventsKept`.
    public var events: [AccountEvent] = []
    /// The footer message that tells an alert (a newer alert may replace it).
    public var alertFlash: Int?
    /// The last look at the instances, for finding events without a ledger.
    public var observed: [String: InstanceObservation]?
    /// Stop timers by instance id, as the ledger has them.
    public var stopTimers: [String: StopTimer] = [:]
    public var models: [InferenceModel] = []
    public var hardware: [HardwareFlavor] = []
    public var regions: [Region] = []
    public var registries: [Registry] = []
    /// One-pod hourly price per hardware id.
    public var hardwarePrices: [String: Double] = [:]

    /// Events list newest first; every other pane by its first column, A to Z.
    public var listings: [Pane: Listing] = Dictionary(uniqueKeysWithValues: Pane.allCases.map {
        var listing = Listing()
        listing.ascending = $0 != .events
        return ($0, listing)
    })
    public var polls: [PollKind: PollState] = Dictionary(uniqueKeysWithValues: PollKind.all.map { ($0, PollState()) })
    /// Hardware ids whose one-pod price has been asked and not yet answered.
    public var hardwarePricesAsked: Set<String> = []
    public var cost = CostMeter()
    /// The Cost pane and the budget: what the ledger answered.
    public var ledger = LedgerView()
    /// Local status shown between a start/stop request and the poll that settles it.
    public var transitions: [String: PendingTransition] = [:]
    /// Instances just created, kept in the list until a poll sent after the
    /// create answers: one already out does not know them yet, and would
    /// drop the row (and the selection on it) for a moment.
    public var created: [String: PendingCreation] = [:]

    /// Instances marked with Space (by id): `s`, `x`, `T` and `D` act on all
    /// of them. Those that leave the list leave the marks.
    public var marks: Set<String> = []

    /// The instance whose detail is open, if any.
    public var detailId: String?
    public var detailScroll = 0
    public var overlay: Overlay?
    /// The open form, if any.
    public var form: FormSession?
    /// Edit or clone asked for before the instance's detail was loaded: opens when it arrives.
    public var formAwaitingDetail: FormRequest?
    public var filterEditing = false
    /// The `:` prompt, while a command is typed.
    public var prompt: CommandPrompt?
    /// Commands run from the prompt, newest last (↑ brings them back).
    public var promptHistory: [String] = []
    /// `:ctx` asked for this profile, whose account is being opened.
    public var switchingTo: String?
    public var flash: Flash?
    /// Messages shown so far; the number of the newest.
    public var flashCount = 0
    /// The last messages in full, for the message log (`!`).
    public var messages = MessageLog()
    /// The first line shown of the page over the pane (the message log).
    public var pageScroll = 0
    /// The clock timer is armed (see `armClock`).
    public var clockArmed = false
    public var helpScroll = 0
    /// The chat playground of an instance, when open (`p`).
    public var playground: Playground?
    /// The endpoint secret: given at launch, or typed once in the playground
    /// and kept for the session. Opaque: its description is redacted.
    public var endpointSecret: EndpointSecret?
    /// Endpoint streams and probes started so far: numbers each one.
    public var endpointRequests = 0

    public init(settings: Settings, now: Date) {
        self.settings = settings
        self.now = now
        self.launchedAt = now
    }

    public enum InputMode: Equatable, Sendable {
        /// `typedConfirm`: a question answered by typing a name (deleting an instance).
        case normal, filter, confirm, typedConfirm, help, form, playground
        /// A page of text over the pane (the message log): scrolled, then closed.
        case page
        /// The `:` prompt.
        case prompt
    }

    public var inputMode: InputMode {
        switch overlay {
        case .confirm, .discardForm: .confirm
        case .deleteInstance, .stopTimer: .typedConfirm
        case .bulk(let action): action.isTyped ? .typedConfirm : .confirm
        case .help: .help
        case .messages, .raw: .page
        case nil: form != nil ? .form : playground != nil ? .playground : prompt != nil ? .prompt : filterEditing ? .filter : .normal
        }
    }

    public var listing: Listing {
        get { listings[pane] ?? Listing() }
        set { listings[pane] = newValue }
    }

    public func poll(_ kind: PollKind) -> PollState { polls[kind] ?? PollState() }

    /// The instance under the cursor (or whose detail is open).
    public var selectedInstance: Instance? {
        let id = detailId ?? (pane == .instances ? listings[.instances]?.selectedId : nil)
        return id.flatMap { id in instances.first { $0.id == id } }
    }
}

/// Rows of one pane as shown: filtered, sorted, with the selection kept by id.
public struct Listing: Equatable, Sendable {
    public var filter = ""
    public var sortColumn = 0
    public var ascending = true
    /// Positions (in the pane's item list) of the visible rows, in order.
    public var order: [Int] = []
    public var selectedId: String?
    public var selectedIndex = 0
    public var scrollOffset = 0

    public init() {}
}

/// A start or stop that was asked for: shown as STARTING/STOPPING at once, kept
/// until the request succeeded and a poll sent after that brought the real status.
public struct PendingTransition: Equatable, Sendable {
    public var status: String
    /// Once the request succeeded: the number of the first instance poll sent
    /// after it. An earlier poll may still carry the old status.
    public var settledByPoll: Int?

    public init(status: String, settledByPoll: Int? = nil) {
        self.status = status
        self.settledByPoll = settledByPoll
    }
}

/// An instance the service has just created, and the number of the first
/// instance poll sent after it, which settles whether it is listed.
public struct PendingCreation: Equatable, Sendable {
    public var instance: Instance
    public var settledByPoll: Int

    public init(instance: Instance, settledByPoll: Int) {
        self.instance = instance
        self.settledByPoll = settledByPoll
    }
}

/// What covers the pane.
public enum Overlay: Equatable, Sendable {
    case help
    /// The message log (`!`).
    case messages
    /// The selected item as JSON (`y`).
    case raw(RawItem)
    case confirm(Mutation)
    /// Esc on an edited form: throw away what was typed?
    case discardForm
    /// Deleting an instance: confirmed by typing its name.
    case deleteInstance(id: String, name: String, typed: String)
    /// `T`: when to stop an instance, typed ("2h", "19:00"); empty cancels its timer.
    case stopTimer(id: String, name: String, typed: String)
    /// One change to every marked instance, asked once.
    case bulk(BulkAction)
}

/// An instance form to open once the instance's detail is loaded.
public struct FormRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case edit, clone }

    public var kind: Kind
    public var instanceId: String

    public init(kind: Kind, instanceId: String) {
        self.kind = kind
        self.instanceId = instanceId
    }
}

/// A form being filled in, and what submitting it does.
public struct FormSession: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case createRegistry
        case editRegistry(id: String, name: String)
        /// A new instance (also a clone).
        case createInstance
        case editInstance(id: String, name: String)
        /// The playground's sampling parameters (`t`).
        case playgroundParameters

        var isInstance: Bool {
            switch self {
            case .createInstance, .editInstance: true
            case .createRegistry, .editRegistry, .playgroundParameters: false
            }
        }
    }

    public var form: Form
    public var purpose: Purpose
    /// The request is out: a second submit is ignored.
    public var submitting = false
    /// The live price of an instance form.
    public var price = PricePreview()
    /// A new instance form opened before the catalog arrived: it gets `n`'s
    /// choices when the catalog does. (A clone or an edit never does: its
    /// choices are the instance's, even while the options are not loaded.)
    public var awaitsDefaults = false

    /// Whether `mutation`'s result answers this form's submit (and not some
    /// other change, such as a registry deleted while this form is open).
    func awaits(_ mutation: Mutation) -> Bool {
        guard submitting else { return false }
        switch (purpose, mutation) {
        case (.createRegistry, .createRegistry), (.createInstance, .createInstance): return true
        case (.editRegistry(let id, _), .updateRegistry(let other, _, _)),
             (.editInstance(let id, _), .updateInstance(let other, _)): return id == other
        default: return false
        }
    }

    public init(form: Form, purpose: Purpose) {
        self.form = form
        self.purpose = purpose
    }
}

/// A one-line message in the footer, until its timer expires it.
public struct Flash: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, error }

    public var text: String
    public var kind: Kind
    /// Which message this is, so that an old expiry cannot remove a newer one.
    public var number: Int
    /// The poll whose failure this says, so that its next success clears it.
    public var failedPoll: PollKind?

    public init(text: String, kind: Kind, number: Int, failedPoll: PollKind? = nil) {
        self.text = text
        self.kind = kind
        self.number = number
        self.failedPoll = failedPoll
    }
}
