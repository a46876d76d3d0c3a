import DashboardCore
import Foundation
import Ledger
import SesterceAPI
import Synchronization

/// Performs effects and reports each outcome as an action through `send`.
/// Requests go through the `RequestScheduler`; timers go into a `TimerTable`
/// by id. Every request task is kept until it ends, so that `cancelAll` (on
/// quit) leaves nothing running. Requests and ledger work go to one account
/// at a time, which `:ctx` replaces (see `openAccount` and `activateAccount`).
public final class EffectRunner: Sendable {
    private struct Tasks {
        var requests: [Int: Task<Void, Never>] = [:]
        /// Sleeps until the next timer is due, when the runner drives its timers.
        var timerDriver: Task<Void, Never>?
        /// Endpoint streams and probes by request number (see `EffectRunner+Endpoint`).
        var endpoints: [Int: Task<Void, Never>] = [:]
        var serial = 0
    }

    /// An account the runner talks to: its client, the pace of its requests,
    /// and its ledger; numbered for the `AccountGate`.
    private struct Account: Sendable {
        var client: SesterceClient
        var scheduler: RequestScheduler
        /// Records polls and reads the cost history; nil with `--no-ledger`.
        var ledger: LedgerWorker?
        var number: Int
    }

    private struct Accounts {
        var active: Account
        /// Opened by `:ctx`, used from `.activateAccount` on.
        var opened: Account?
        var count = 1
    }

    private let accounts: Mutex<Accounts>
    private let gate: AccountGate
    private let pacing: RequestScheduler.Pacing
    /// Opens a profile's account for `:ctx`; nil where there is one account only.
    private let opener: AccountOpener?
    private let timers: TimerTable
    /// Whether the runner fires its timers itself (no session loop drives them).
    private let drivesTimers: Bool
    let send: @Sendable (Action) -> Void
    private let tasks = Mutex(Tasks())
    /// Plain `http://` endpoints beyond this machine are allowed (`--insecure-http`).
    let allowInsecureEndpoints: Bool
    /// Delivers an alert to the configured webhook: nil when delivered, else why not.
    private let webhook: WebhookPost?

    /// With `timers`, the caller drives them (the session loop does); without,
    /// the runner fires them with a task of its own. The client's own retries
    /// are turned off: the scheduler retries, so that every attempt is paced;
    /// when a 429 slows it, `.requestsSlowed` says so. The ledger's work runs
    /// on a thread of its own (`LedgerWorker`).
    public init(client: SesterceClient, pacing: RequestScheduler.Pacing = .init(), timers: TimerTable? = nil,
                ledger: Ledger? = nil, allowInsecureEndpoints: Bool = false, webhook: WebhookPost? = nil,
                opener: AccountOpener? = nil, send: @escaping @Sendable (Action) -> Void) {
        let gate = AccountGate(send: send)
        self.gate = gate
        self.pacing = pacing
        self.opener = opener
        self.accounts = Mutex(Accounts(active: Self.account(0, client: client, ledger: ledger, pacing: pacing, gate: gate)))
        self.webhook = webhook
        self.allowInsecureEndpoints = allowInsecureEndpoints
        self.timers = timers ?? TimerTable()
        self.drivesTimers = timers == nil
        self.send = send
    }

    deinit { cancelAll() }

    private static func account(
        _ number: Int, client: SesterceClient, ledger: Ledger?, pacing: RequestScheduler.Pacing, gate: AccountGate
    ) -> Account {
        Account(
            client: client.retrying(.none),
            scheduler: RequestScheduler(pacing: pacing) { gate.deliver(.requestsSlowed(perSecond: $0), from: number) },
            ledger: ledger.map { LedgerWorker(ledger: $0, send: gate.sender(for: number)) },
            number: number)
    }

    /// Waits for the ledger's queued writes (the end of a session), so that
    /// the last poll's record lands before the program ends.
    public func finishLedger() {
        accounts.withLock { $0.active.ledger }?.finish()
    }

    /// Timers armed and requests under way.
    public var runningCount: Int {
        timers.count + tasks.withLock { $0.requests.count + $0.endpoints.count }
    }

    /// Cancels every timer and request; nothing is sent after it returns.
    public func cancelAll() {
        timers.cancelAll()
        let running = tasks.withLock { tasks in
            defer { tasks = Tasks(serial: tasks.serial) }
            return Array(tasks.requests.values) + Array(tasks.endpoints.values) + (tasks.timerDriver.map { [$0] } ?? [])
        }
        running.forEach { $0.cancel() }
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .timer(let id, let delay, let action):
            timers.arm(id, after: delay, action)
            driveTimers()
        case .cancel(let id):
            timers.cancel(id)
            driveTimers()
        case .quit:
            cancelAll()
        case .recordPoll, .loadCostHistory, .recordEvent, .loadEvents, .loadStopTimers, .setStopTimer, .cancelStopTimer,
             .claimStopTimer:
            _ = accounts.withLock { $0.active.ledger }?.perform(effect)
        case .openAccount(let profile):
            openAccount(profile)
        case .activateAccount:
            activateAccount()
        case .postWebhook(let event):
            postWebhook(event)
        case .ringBell, .notifyDesktop, .copyToClipboard:
            break  // the terminal's: the session loop sends them
        case .listEndpointModels, .streamChat, .probeEndpoint:
            startEndpointWork(effect)
        case .cancelEndpointRequest(let request):
            tasks.withLock { $0.endpoints.removeValue(forKey: request) }?.cancel()
        default:
            start(effect)
        }
    }

    /// Without a session loop: one task sleeps until the next deadline, sends
    /// what is due, and looks again; re-made whenever the timers change.
    private func driveTimers() {
        guard drivesTimers else { return }
        let driver = Task { [timers, send] in
            while let deadline = timers.nextDeadline {
                try? await Task.sleep(until: deadline)
                guard !Task.isCancelled else { return }
                timers.takeDue().forEach(send)
            }
        }
        tasks.withLock { $0.timerDriver.replace(with: driver) }?.cancel()
    }

    /// Posts an alert in a task of its own, kept like a request: a slow
    /// webhook never holds the screen, and a failure comes back as an action.
    private func postWebhook(_ event: AccountEvent) {
        guard let webhook else { return }
        let number = accounts.withLock { $0.active.number }
        tasks.withLock { tasks in
            tasks.serial += 1
            let serial = tasks.serial
            tasks.requests[serial] = Task { [gate, weak self] in
                let failure = await webhook(event)
                let current = self?.tasks.withLock { $0.requests.removeValue(forKey: serial) } != nil
                if current, !Task.isCancelled, let failure { gate.deliver(.alertFailed(event, reason: failure), from: number) }
            }
        }
    }

    /// Opens the profile's account off the loop (its ledger file, its
    /// credentials). Once open, the old account's results stop at the gate
    /// and `.accountOpened` goes out; its requests still go to the old
    /// account until the reducer answers with `.activateAccount`, so that
    /// what the reducer asked before the switch reaches the account it was
    /// asked of (a poll's record lands in the old account's ledger).
    private func openAccount(_ profile: String) {
        guard let opener else {
            send(.accountNotOpened(profile: profile, reason: "this session has one account only"))
            return
        }
        tasks.withLock { tasks in
            tasks.serial += 1
            let serial = tasks.serial
            tasks.requests[serial] = Task { [weak self] in
                let result = await withCheckedContinuation { continuation in
                    Thread.detachNewThread { continuation.resume(returning: opener(profile)) }
                }
                guard let self, self.tasks.withLock({ $0.requests.removeValue(forKey: serial) }) != nil, !Task.isCancelled
                else { return }
                switch result {
                case .failure(let failure):
                    self.send(.accountNotOpened(profile: profile, reason: failure.reason))
                case .success(let connection):
                    let account = self.accounts.withLock { accounts in
                        defer { accounts.count += 1 }
                        let account = Self.account(
                            accounts.count, client: connection.client, ledger: connection.ledger, pacing: self.pacing,
                            gate: self.gate)
                        accounts.opened = account
                        return account
                    }
                    self.gate.answer(account.number, first: .accountOpened(connection.context))
                }
            }
        }
    }

    /// The account opened becomes the one in use. What is still out for the
    /// old one is cancelled (its answers would be dropped anyway), and its
    /// ledger finishes the writes it was given, on a thread of its own.
    private func activateAccount() {
        let old: Account? = accounts.withLock { accounts in
            guard let opened = accounts.opened else { return nil }
            defer { (accounts.active, accounts.opened) = (opened, nil) }
            return accounts.active
        }
        guard let old else { return }
        let running = tasks.withLock { tasks in
            defer { (tasks.requests, tasks.endpoints) = ([:], [:]) }
            return Array(tasks.requests.values) + Array(tasks.endpoints.values)
        }
        running.forEach { $0.cancel() }
        if let ledger = old.ledger { Thread.detachNewThread { ledger.finish() } }
    }

    /// Runs an endpoint effect in a task kept by request number until it
    /// ends, so that `.cancelEndpointRequest` (Esc) can stop it.
    private func startEndpointWork(_ effect: Effect) {
        tasks.withLock { tasks in
            tasks.serial += 1
            let key: Int = if case .streamChat(let request, _, _, _) = effect { request }
                else if case .probeEndpoint(let request, _, _, _, _, _) = effect { request }
                else { -tasks.serial }
            tasks.endpoints[key] = Task { [weak self] in
                guard let self else { return }
                await self.perform(endpoint: effect)
                _ = self.tasks.withLock { $0.endpoints.removeValue(forKey: key) }
            }
        }
    }

    private func start(_ effect: Effect) {
        let account = accounts.withLock { $0.active }
        tasks.withLock { tasks in
            tasks.serial += 1
            let serial = tasks.serial
            tasks.requests[serial] = Task { [gate, weak self] in
                let action = await Self.outcome(of: effect, client: account.client, scheduler: account.scheduler)
                let current = self?.tasks.withLock { $0.requests.removeValue(forKey: serial) } != nil
                if current, !Task.isCancelled, let action { gate.deliver(action, from: account.number) }
            }
        }
    }

    static func outcome(of effect: Effect, client: SesterceClient, scheduler: RequestScheduler) async -> Action? {
        @Sendable func request<T: Sendable>(
            _ priority: RequestScheduler.Priority, _ work: @Sendable @escaping () async throws(APIError) -> T
        ) async -> Result<T, APIError> {
            await scheduler.run(priority, isRead: priority != .change, work)
        }
        switch effect {
        case .pollInstances(let detailId):
            async let list = request(.instances) { () throws(APIError) in try await client.instances() }
            async let detail = detailId.asyncMap { id in
                await request(.detail) { () throws(APIError) in try await client.instance(id: id) }
            }
            let (listResult, detailResult) = await (list, detail)
            return .instancesPolled(listResult, detail: detailResult, at: Date())
        case .fetchDetail(let id):
            return .detailLoaded(await request(.detail) { () throws(APIError) in try await client.instance(id: id) }, at: Date(), id: id)
        case .pollCatalog(let kind):
            let list: CatalogList = switch kind {
            case .models: .models(await request(.catalog) { () throws(APIError) in try await client.models() })
            case .hardware: .hardware(await request(.catalog) { () throws(APIError) in try await client.hardware() })
            case .regions: .regions(await request(.catalog) { () throws(APIError) in try await client.regions() })
            case .registries: .registries(await request(.catalog) { () throws(APIError) in try await client.registries() })
            }
            return .catalogPolled(list, at: Date())
        case .fetchHardwarePrices(let probes):
            let prices = await PriceProbe.hourlyPrices(probes) { probe in
                try? await request(.price) { () throws(APIError) in
                    try await client.price(hardwareId: probe.hardwareId, maxPods: [(probe.regionId, 1)])
                }.get().pricePerHour
            }
            return .hardwarePricesLoaded(asked: Set(probes.map(\.hardwareId)), prices)
        case .quotePrice(let query, let token):
            return .priceQuoted(token: token, await request(.change) { () throws(APIError) in try await estimate(query, client) })
        case .perform(.createInstance(let spec)):
            return .instanceSaved(.createInstance(spec), await request(.change) { () throws(APIError) in
                try await client.createInstance(spec)
            })
        case .perform(.updateInstance(let id, let spec)):
            return .instanceSaved(.updateInstance(id: id, spec: spec), await request(.change) { () throws(APIError) in
                try await client.updateInstance(id: id, spec)
            })
        case .perform(let mutation):
            let result = await request(.change) { () throws(APIError) in
                switch mutation {
                case .start(let id, _): try await client.startInstance(id: id)
                case .stop(let id, _): try await client.stopInstance(id: id)
                case .createRegistry(let name, let credentials): _ = try await client.createRegistry(name: name, credentials: credentials)
                case .updateRegistry(let id, _, let credentials): try await client.updateRegistry(id: id, credentials: credentials)
                case .deleteRegistry(let id, _): try await client.deleteRegistry(id: id)
                case .deleteInstance(let id, _): try await client.deleteInstance(id: id)
                case .createInstance, .updateInstance: break
                }
            }
            if case .failure(let error) = result { return .mutationFinished(mutation, error: error) }
            return .mutationFinished(mutation, error: nil)
        case .timer, .cancel, .quit, .recordPoll, .loadCostHistory, .recordEvent, .loadEvents, .loadStopTimers, .setStopTimer,
             .cancelStopTimer, .claimStopTimer, .ringBell, .notifyDesktop, .copyToClipboard, .postWebhook, .listEndpointModels, .streamChat,
             .probeEndpoint, .cancelEndpointRequest, .openAccount, .activateAccount:
            return nil
        }
    }

    /// The price at max scale and the hourly price at min scale (regions at 0
    /// pods cost nothing and are left out; all at 0 costs nothing at all).
    /// Both asked within one scheduled turn: the preview is one answer.
    private static func estimate(_ query: PriceQuery, _ client: SesterceClient) async throws(APIError) -> PriceEstimate {
        func running(_ list: [RegionPods]) -> [(regionId: Int, max: Int)] {
            list.filter { $0.pods > 0 }.map { (regionId: $0.regionId, max: $0.pods) }
        }
        let atMax = running(query.maxPods), atMin = running(query.minPods)
        let max = try await client.price(hardwareId: query.hardwareId, maxPods: atMax)
        let min = atMin.isEmpty ? 0 : try await client.price(hardwareId: query.hardwareId, maxPods: atMin).pricePerHour
        return PriceEstimate(
            atMax: max, perHourAtMin: min,
            maxPods: query.maxPods.map(\.pods).saturatingSum, minPods: query.minPods.map(\.pods).saturatingSum)
    }
}

extension Optional {
    /// Puts `value` in and hands back what was there.
    fileprivate mutating func replace(with value: Wrapped) -> Wrapped? {
        defer { self = value }
        return self
    }

    fileprivate func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}
