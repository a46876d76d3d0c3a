import Foundation
import SesterceAPI
import SesterceSimulator
import Testing
import TextLayout

@testable import DashboardCore

/// Random sessions of a person's keys and the service's answers, fed through
/// the keymap into `reduce` the way the run loop does. Whatever the order,
/// the state keeps its promises: every pane's rows are exactly those its
/// filter matches, in its sort order; the selection is on a visible row, on
/// screen, and stays on the same item when the list changes under it; a
/// form keeps what was typed while results and ticks come in; and nothing
/// traps. Each session has its own seed, printed on failure.
@Suite("Reducer properties")
struct ReducerPropertyTests {
    static let sessions = 10_000
    static let steps = 30
    static let firstSeed: UInt64 = 0x5E55_0000

    /// Sessions run in this many groups, which Swift Testing runs side by side.
    static let groups = 10

    /// The seeds of one group; `SESTERCE_PROPERTY_SEED=N` replays the one
    /// session of a failure message instead.
    static func seeds(group: Int) -> [UInt64] {
        if let seed = ProcessInfo.processInfo.environment["SESTERCE_PROPERTY_SEED"].flatMap(UInt64.init) {
            return group == 0 ? [seed] : []
        }
        let size = sessions / groups
        return (0..<UInt64(size)).map { firstSeed + UInt64(group * size) + $0 }
    }

    @Test("10,000 random sessions of keys and API results keep the invariants", arguments: 0..<groups)
    func randomSessions(group: Int) async {
        let seeds = Self.seeds(group: group)
        for seed in seeds {
            // Between sessions, the other tests get the pool's threads: the
            // end-to-end tests must see their programs in time.
            await Task.yield()
            var session = RandomSession(seed: seed)
            if let problem = session.run(steps: Self.steps) {
                let trail = session.trail.suffix(seeds.count == 1 ? Self.steps + 2 : 8).joined(separator: "\n")
                Issue.record("seed \(seed) (replay with SESTERCE_PROPERTY_SEED=\(seed)): \(problem)\nlast actions:\n\(trail)")
                return
            }
        }
    }
}

/// Choices for random sessions, from the simulator's seeded generator.
extension SeededGenerator {
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &self)! }
}

/// One simulated dashboard: its state, the requests it has out and the timers
/// it armed, answered in random order as the effect runner would.
struct RandomSession {
    var random: SeededGenerator
    var state: State
    var now = Date(timeIntervalSince1970: 1_767_225_600)
    /// Requests sent and not answered yet.
    var outstanding: [Effect] = []
    /// Armed timers and what each will send.
    var timers: [TimerID: Action] = [:]
    /// What the open form submitted, once it did: its result may close it.
    var formMutation: Mutation?
    /// The recent actions, for the failure message.
    var trail: [String] = []

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        state = State(settings: .init(refreshInterval: 5, readonly: random.chance(0.1), host: "api.test"), now: now)
        let size = Self.sizes.randomElement(using: &random)!
        apply(.resized(width: size.width, height: size.height))
        apply(.launched(now))
    }

    static let sizes = [(80, 24), (120, 40), (80, 24), (200, 60), (100, 30), (40, 10), (81, 25), (300, 5)].map { (width: $0.0, height: $0.1) }

    /// Runs `steps` random steps; the first broken invariant, if any.
    mutating func run(steps: Int) -> String? {
        if let problem = check(Pane.allCases) { return problem }
        for _ in 0..<steps {
            guard let action = nextAction() else { continue }
            let (before, submitted) = (state, formMutation)
            apply(action)
            if let problem = check(after: action, before: before, submitted: submitted) ?? check(Self.panesThatMayHaveChanged(before, state)) {
                return problem
            }
        }
        // The screen model is built from any state reached.
        _ = ScreenModel(state, keymap: .standard)
        return nil
    }

    mutating func apply(_ action: Action) {
        trail.append(String(describing: action).prefix(160).description)
        let wasSubmit = action == .submitForm
        for effect in reduce(&state, action) {
            switch effect {
            case .timer(let id, _, let action):
                timers[id] = action
            case .cancel(let id):
                timers[id] = nil
            case .perform(let mutation):
                if wasSubmit { formMutation = mutation }
                outstanding.append(effect)
            case .quit:
                break
            default:
                outstanding.append(effect)
            }
        }
        if state.form == nil { formMutation = nil }
    }

    // MARK: Choosing what happens next

    mutating func nextAction() -> Action? {
        let roll = Double.random(in: 0..<1, using: &random)
        switch roll {
        case ..<0.55:
            return Keymap.standard.action(for: randomKey(), in: state)
        case ..<0.85:
            return answer()
        case ..<0.92:
            now += Double.random(in: 0...12, using: &random)
            return .tick(now)
        case ..<0.94:
            let size = random.pick(Self.sizes)
            return .resized(width: size.width, height: size.height)
        default:
            guard let (id, action) = timers.randomElement(using: &random) else { return nil }
            timers[id] = nil
            // Now and then a timer that was replaced fires late.
            return random.chance(0.8) ? action : Self.replaced(action)
        }
    }

    /// What the timer armed before `action`'s would have sent.
    static func replaced(_ action: Action) -> Action {
        switch action {
        case .pollDue(let kind, let token): .pollDue(kind, token: token - 1)
        case .priceDue(let token): .priceDue(token: token - 1)
        case .flashExpired(let number): .flashExpired(number - 1)
        default: action
        }
    }

    static let navigation: [KeyEvent] = [
        .character("j"), .character("k"), .up, .down, .pageUp, .pageDown, .character("g"), .character("G"), .home, .end,
    ]
    static let commands: [KeyEvent] = [
        .character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .tab, .backTab,
        .enter, .escape, .character("/"), .character("o"), .character("O"), .character("s"), .character("x"),
        .character("y"), .character("Y"), .character("n"), .character("N"), .character("e"), .character("D"),
        .character("r"), .character("?"), .character("q"), .ctrl("c"), .ctrl("s"), .function(10), .function(1),
        .character("S"), .character("H"), .character("T"), .character("\\"), .ctrl("@"),
    ]
    static let editing: [KeyEvent] = [
        .backspace, .delete, .left, .right, .home, .end, .character(" "), .tab, .backTab, .enter, .up, .down, .ctrl("a"),
        .ctrl("e"),
    ]
    /// Typed text: letters that match names, digits, and what must never break things.
    static let typed: [Character] = [
        "a", "e", "o", "-", "1", "2", "0", "P", "é", "日", "👩‍💻", "\u{202E}", "e\u{301}", "\u{1B}", "\t", "%", "\\", "'",
    ]

    mutating func randomKey() -> KeyEvent {
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.3: random.pick(Self.navigation)
        case ..<0.65: random.pick(Self.commands)
        case ..<0.8: random.pick(Self.editing)
        default: .character(random.pick(Self.typed))
        }
    }

    /// The answer to one outstanding request, taken in random order.
    mutating func answer() -> Action? {
        guard !outstanding.isEmpty else { return nil }
        let index = Int.random(in: 0..<outstanding.count, using: &random)
        let effect = outstanding[index]
        outstanding.remove(at: index)
        now += Double.random(in: 0...2, using: &random)
        switch effect {
        case .pollInstances(let detailId):
            let list = randomFleet()
            let detail: Result<InstanceDetail, APIError>? = detailId.map { id in
                guard let instance = list.first(where: { $0.id == id }), random.chance(0.8) else { return .failure(.notFound(message: "Instance not found")) }
                return .success(Self.detail(of: instance, random: &random))
            }
            return .instancesPolled(random.chance(0.8) ? .success(list) : .failure(randomError()), detail: detail, at: now)
        case .fetchDetail(let id):
            guard random.chance(0.7), let instance = state.instances.first(where: { $0.id == id }) else {
                return .detailLoaded(.failure(randomError()), at: now)
            }
            return .detailLoaded(.success(Self.detail(of: instance, random: &random)), at: now)
        case .pollCatalog(let kind):
            return .catalogPolled(randomCatalog().polled.first { $0.kind == kind }!, at: now)
        case .fetchHardwarePrices(let probes):
            var prices: [String: Double] = [:]
            for probe in probes where random.chance(0.7) { prices[probe.hardwareId] = random.pick([0, 0.5, 1.44, 2.88, 1e9]) }
            return .hardwarePricesLoaded(asked: Set(probes.map(\.hardwareId)), prices)
        case .perform(let mutation):
            switch mutation {
            case .createInstance(let spec), .updateInstance(_, let spec):
                let saved = Instance(
                    id: "i\(Int.random(in: 0..<18, using: &random))", name: spec.name, status: .deploying, hourlyPrice: 1.44,
                    features: [], address: nil, createdAt: now, updatedAt: now)
                return .instanceSaved(mutation, random.chance(0.6) ? .success(saved) : .failure(randomError()))
            default:
                return .mutationFinished(mutation, error: random.chance(0.6) ? nil : randomError())
            }
        case .quotePrice(let query, let token):
            let quote = PriceQuote(currencyCode: "USD", pricePerHour: 2.88, pricePerMonth: 2102.4)
            let estimate = PriceEstimate(atMax: quote, perHourAtMin: 1.44, maxPods: query.maxPods.count, minPods: 1)
            return .priceQuoted(token: token, random.chance(0.8) ? .success(estimate) : .failure(randomError()))
        default:
            return nil
        }
    }

    mutating func randomError() -> APIError {
        random.pick([
            .server(status: 503, message: "Service Unavailable"), .timedOut, .unreachable(detail: "connection refused"),
            .rateLimited(retryAfter: random.pick([nil, 0, 1, 30, 1e7]), message: "ThrottlerException: Too Many Requests"),
            .validation(messages: ["name must be unique", "url must be a string", "\u{1B}[31mred"]),
            .keyRejected(status: 403, message: "Invalid API key"), .notFound(message: "Not Found"),
            .undecodable(what: "instances", detail: "expected Double at [3].hourlyPrice"),
        ])
    }

    // MARK: Random data

    static let names = [
        "chat-prod", "chat-2", "chat-10", "sdxl", "Chat-Prod", "", "a", "llama70b-eu", "日本語モデル", "\u{1B}]0;pwned\u{7}x",
        "e\u{301}clair", "👩‍💻-bot", String(repeating: "w", count: 300), "  spaced  ", "rtl-\u{202E}kcatta",
    ]
    static let statuses: [InstanceStatus] = InstanceStatus.known + [.other("MIGRATING"), .other("")]

    mutating func randomFleet() -> [Instance] {
        let ids = (0..<Int.random(in: 0...14, using: &random)).map { _ in "i\(Int.random(in: 0..<18, using: &random))" }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.map { id in
            Instance(
                id: id, name: random.pick(Self.names), status: random.pick(Self.statuses),
                hourlyPrice: random.pick([0, 1.44, 2.88, 9.96, -1, 1e12]), features: random.chance(0.5) ? ["chat"] : [],
                address: random.chance(0.7) ? "https://\(id).ai.sesterce.dev/" : nil,
                createdAt: random.chance(0.9) ? now.addingTimeInterval(-Double.random(in: 0...1e7, using: &random)) : nil,
                updatedAt: nil)
        }
    }

    static func detail(of instance: Instance, random: inout SeededGenerator) -> InstanceDetail {
        let total = Int.random(in: 0...4, using: &random)
        return InstanceDetail(
            id: instance.id, name: instance.name, status: instance.status, hourlyPrice: instance.hourlyPrice,
            features: instance.features, address: instance.address, containerPort: 8000, description: random.pick(names),
            podLifetime: nil,
            regions: [RegionDeployment(
                regionId: random.pick([42, 104, 7]), scale: ScaleLimits(min: 0, max: 4, cooldownPeriod: 300, triggers: ScalingTriggers()),
                total: total, ready: Int.random(in: 0...total, using: &random), errorMessage: random.chance(0.3) ? random.pick(names) : nil)],
            hardwareId: random.pick(["hw-a", "hw-b", "gone"]), modelId: nil, registryId: nil,
            envs: ["HF_TOKEN": "hf_secret", "K": random.pick(names)], startupCommand: nil, apiKeyIds: [],
            createdAt: instance.createdAt, updatedAt: nil)
    }

    mutating func randomCatalog() -> CatalogLists {
        let flavors = [
            HardwareFlavor(id: "hw-a", name: "1xL40S / 16 vCPU", cpuMillicores: 16000, ramMiB: 237_568, gpu: GPU(model: "L40S", count: 1, memoryGiB: 48)),
            HardwareFlavor(id: "hw-b", name: random.pick(Self.names), cpuMillicores: 0, ramMiB: 0, gpu: nil),
            HardwareFlavor(id: "hw-c", name: "8xH100", cpuMillicores: 208_000, ramMiB: 1_843_200, gpu: GPU(model: "H100", count: 8, memoryGiB: 80)),
        ].filter { _ in random.chance(0.8) }
        let regions = [
            Region(id: 42, name: "Paris", countryCode: "FR", state: "ACTIVE", capacities: ["hw-a": Int.random(in: 0...12, using: &random)]),
            Region(id: 104, name: random.pick(Self.names), countryCode: "JP", state: "MAINTENANCE", capacities: ["hw-c": 2]),
            Region(id: 7, name: "Dallas", countryCode: "US", state: "ACTIVE", capacities: [:]),
        ].filter { _ in random.chance(0.8) }
        let models = [
            InferenceModel(id: "m1", name: "llama-3.1-8b", port: 8000, defaultHardwareId: "hw-a", features: ["chat"]),
            InferenceModel(id: "m2", name: random.pick(Self.names), port: nil, defaultHardwareId: "missing", features: []),
        ].filter { _ in random.chance(0.8) }
        let registries = (0..<Int.random(in: 0...4, using: &random)).map { index in
            Registry(id: "r\(index)", name: random.pick(Self.names), url: "ghcr.io/acme/img:\(index)", username: nil, createdAt: nil, updatedAt: nil)
        }
        func maybe<T>(_ value: T) -> Result<T, APIError> { random.chance(0.85) ? .success(value) : .failure(randomError()) }
        return CatalogLists(models: maybe(models), hardware: maybe(flavors), regions: maybe(regions), registries: maybe(registries))
    }

    // MARK: Invariants

    /// The panes whose rows, listing or size changed: the others were checked before.
    static func panesThatMayHaveChanged(_ before: State, _ after: State) -> [Pane] {
        if before.width != after.width || before.height != after.height || before.now != after.now { return Pane.allCases }
        return Pane.allCases.filter { pane in
            guard before.listings[pane] == after.listings[pane] else { return true }
            switch pane {
            case .instances: return before.instances != after.instances || before.details != after.details || before.transitions != after.transitions
            case .regions: return before.regions != after.regions || before.hardware != after.hardware
            case .hardware: return before.hardware != after.hardware || before.hardwarePrices != after.hardwarePrices || before.regions != after.regions
            case .models: return before.models != after.models || before.hardware != after.hardware
            case .registries: return before.registries != after.registries
            case .cost: return before.ledger != after.ledger || before.cost != after.cost
            case .events: return before.events != after.events
            }
        }
    }

    /// What must hold in every state, for the panes an action may have changed.
    func check(_ panes: [Pane]) -> String? {
        for pane in Set(panes) {
            if let problem = checkListing(pane) { return "\(pane.title): \(problem)" }
        }
        return nil
    }

    func checkListing(_ pane: Pane) -> String? {
        guard let listing = state.listings[pane] else { return "no listing" }
        let table = PaneTable.make(pane, state)
        let order = listing.order
        guard order.allSatisfy({ (0..<table.count).contains($0) }), Set(order).count == order.count else {
            return "rows \(order) are not distinct rows of \(table.count)"
        }
        // Filter: exactly the rows with a column containing the filter, case ignored.
        let needle = listing.filter.lowercased()
        let matching = (0..<table.count).filter { row in
            needle.isEmpty || table.headers.indices.contains { table.text(row, $0).lowercased().contains(needle) }
        }
        guard Set(order) == Set(matching) else { return "filter '\(listing.filter)' shows rows \(order.sorted()), matching \(matching)" }
        // Sort: each row before the next by the sort column; ties by name (A to Z), then in the service's order.
        if table.headers.indices.contains(listing.sortColumn) {
            for (a, b) in zip(order, order.dropFirst()) {
                let (keyA, keyB) = (table.sortKey(a, listing.sortColumn), table.sortKey(b, listing.sortColumn))
                let (nameA, nameB) = (table.sortKey(a, 0), table.sortKey(b, 0))
                let tie = nameA == nameB ? a < b : nameA < nameB
                let inOrder = keyA == keyB ? tie : listing.ascending ? keyA < keyB : keyB < keyA
                guard inOrder else { return "rows \(a) and \(b) out of order by column \(listing.sortColumn) (ascending: \(listing.ascending))" }
            }
        } else if !order.isEmpty {
            return "sort column \(listing.sortColumn) of \(table.headers.count)"
        }
        // Selection: on a visible row, and that row on screen.
        guard !order.isEmpty else {
            return listing.selectedId == nil && listing.selectedIndex == 0 ? nil
                : "nothing shown but selection \(listing.selectedIndex) \(listing.selectedId ?? "nil")"
        }
        guard (0..<order.count).contains(listing.selectedIndex) else { return "selection \(listing.selectedIndex) outside \(order.count) rows" }
        guard listing.selectedId == table.id(order[listing.selectedIndex]) else {
            return "selected id \(listing.selectedId ?? "nil") is not the row at \(listing.selectedIndex)"
        }
        let rows = state.rowsOnScreen(pane)
        guard listing.scrollOffset >= 0, listing.scrollOffset <= listing.selectedIndex, listing.selectedIndex < listing.scrollOffset + rows else {
            return "selection \(listing.selectedIndex) off screen (scroll \(listing.scrollOffset), \(rows) rows)"
        }
        return nil
    }

    /// What must hold between the state before an action and after it
    /// (`submitted`: what the open form had sent, if it had).
    func check(after action: Action, before: State, submitted: Mutation?) -> String? {
        // Marks are of instances listed: those that leave the list leave the marks.
        let listed = Set(state.instances.map(\.id))
        if !state.marks.isSubset(of: listed) { return "marks \(state.marks.subtracting(listed).sorted()) of instances not listed" }
        // The selection stays on its item while that item is still shown,
        // unless the person moved it; on the Events pane's top row it moves
        // to the newest event, and stays on the top row.
        if !action.movesSelection {
            for pane in Pane.allCases {
                guard let id = before.listings[pane]?.selectedId, let listing = state.listings[pane], listing.selectedId != id else { continue }
                if pane == .events, before.listings[pane]?.selectedIndex == 0 {
                    if listing.selectedIndex != 0 { return "Events: selection left the top row on \(action)" }
                    continue
                }
                let table = PaneTable.make(pane, state)
                if listing.order.contains(where: { table.id($0) == id }) {
                    return "\(pane.title): selection moved from \(id) to \(listing.selectedId ?? "nil") on \(action)"
                }
            }
        }
        // A form stays open, with its values, through everything but the person
        // leaving it and its own request succeeding.
        if let form = before.form {
            let ownSuccess: Bool =
                switch action {
                case .mutationFinished(let mutation, nil), .instanceSaved(let mutation, .success): mutation == submitted
                default: false
                }
            let leaving = action == .cancelForm || (action == .confirm && before.overlay == .discardForm) || action == .command(.quit)
            guard let after = state.form else {
                return ownSuccess || leaving ? nil : "the form closed on \(action)"
            }
            if action.isFromOutside, let field = Self.fieldWithLostValue(before: form.form, after: after.form) {
                return "the form's \(field) changed on \(action)"
            }
            if case .formInput(.character(let character)) = action, !form.form.isSelectOpen, let field = form.form.focusedField,
                case .text(let input) = field.kind, character.isLetter || character.isNumber
            {
                let typed = after.form.field(field.id)?.kind
                guard case .text(let now)? = typed, now.text.count == input.text.count + 1, now.text.contains(character) else {
                    return "typed '\(character)' into \(field.id) but it holds \(String(describing: typed))"
                }
            }
        }
        return nil
    }
}

extension RandomSession {
    /// The first field whose typed or chosen value is not what it was (an empty
    /// one may be filled, as a new form is once the catalog arrives). A choice
    /// may go when its option left the catalog; lists of options, prices and
    /// errors may change.
    static func fieldWithLostValue(before: Form, after: Form) -> String? {
        for old in before.fields {
            guard let new = after.field(old.id) else { return old.id }
            switch (old.kind, new.kind) {
            case (.text(let a), .text(let b)), (.number(let a), .number(let b)):
                // An empty field may be filled (defaults once the catalog arrives); a value may not change.
                if !a.text.isEmpty, a.text != b.text { return "\(old.id) '\(a.text)' -> '\(b.text)'" }
            case (.secret(let a), .secret(let b)):
                if a.text != b.text { return old.id }
            case (.keyValueList(let a), .keyValueList(let b)):
                if a.pairs != b.pairs { return old.id }
            case (.toggle(let a), .toggle(let b)):
                if a != b { return old.id }
            case (.select(let a), .select(let b)):
                let stillOffered = a.selected.map { id in b.options.contains { $0.id == id } } ?? true
                if stillOffered, a.selected != nil, a.selected != b.selected { return "\(old.id) \(a.selected ?? "nil") -> \(b.selected ?? "nil")" }
            case (.multiSelect(let a), .multiSelect(let b)):
                let offered = Set(b.options.map(\.id))
                if !a.chosen.isEmpty, a.chosen.intersection(offered) != b.chosen.intersection(offered) { return "\(old.id) \(a.chosen.sorted()) -> \(b.chosen.sorted())" }
            case (.info, .info):
                break
            default:
                return "\(old.id) changed kind"
            }
        }
        return nil
    }
}

extension Action {
    /// A person moving the selection (or scrolling the detail or help), or
    /// an instance they saved, which is then selected.
    var movesSelection: Bool {
        switch self {
        // Space marks the row and moves down, as in k9s.
        case .command(.move), .command(.mark), .instanceSaved(_, .success): true
        default: false
        }
    }

    /// Results, time and size: what happens to the dashboard, not what the person does.
    var isFromOutside: Bool {
        switch self {
        case .tick, .flashExpired, .resized, .pollDue, .instancesPolled, .detailLoaded, .catalogPolled, .hardwarePricesLoaded, .priceDue, .priceQuoted: true
        case .mutationFinished(_, let error): error != nil
        case .instanceSaved(_, let result): if case .failure = result { true } else { false }
        default: false
        }
    }
}

@Suite("Reducer: the open form and other requests")
struct OpenFormTests {
    @Test("a registry deleted while a new registry form is being filled in does not close that form")
    func anotherRegistryChangeKeepsTheOpenForm() {
        let delete = Mutation.deleteRegistry(id: "r1", name: "ghcr-vllm")
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.registries)))
        _ = reduce(&state, .command(.delete))
        #expect(reduce(&state, .confirm) == [.perform(delete)])
        _ = reduce(&state, .command(.new))
        for character in "typed-name" { _ = reduce(&state, .formInput(.character(character))) }
        // The form, as typed, is not part of the change.
        var store = TestStore(state)
        store.send(.mutationFinished(delete, error: nil), effects: [.pollCatalog(.registries), .flashExpiry(1)]) {
            $0.flashes("Registry ghcr-vllm deleted")
            $0.sendsPoll(.catalog(.registries))
            $0.recordsAction(nil, "registry ghcr-vllm", "delete accepted")
        }
        #expect(store.state.form?.form.text("name") == "typed-name")
    }
}
