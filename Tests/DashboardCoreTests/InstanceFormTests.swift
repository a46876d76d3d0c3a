import DashboardCore
import Foundation
import SesterceAPI
import SesterceModels
import Testing

private typealias F = InstanceFormFixture

@Suite("Instance form")
struct InstanceFormTests {
    @Test("n opens on Name with valid defaults; typing a name and Ctrl-S deploys exactly that")
    func defaultsDeploy() {
        var (state, opened) = F.newForm()
        let form = F.form(state)
        #expect(state.inputMode == .form)
        #expect(form.focus == .field("name"))
        #expect(form.selected("model") == "m-llama")
        #expect(form.selected("hardware") == "hw-l40s")
        #expect(form.chosen("regions") == ["42"])
        #expect(form.text("all.min") == "1")
        #expect(form.text("all.max") == "1")
        #expect(form.text("all.cooldown") == "300")
        #expect(form.text("port") == "8000")
        // The price is asked after the debounce; capacities are refreshed at once.
        #expect(opened == [.priceAfterPause(token: 1)] + Effect.catalogPolls)

        F.type("chat-eu", into: &state)
        var store = F.submit(state, sending: .createInstance(F.chatEU))
        // A second Ctrl-S while the request is out sends nothing.
        store.send(.submitForm)
    }

    @Test("n pressed when the models and hardware are in but not the regions: a region is chosen when they come")
    func regionsArriveLast() {
        var state = Fixture.launchedState()
        for list in F.catalog.polled where list.kind != .regions { _ = reduce(&state, .catalogPolled(list, at: Fixture.t0)) }
        _ = reduce(&state, .command(.new))
        #expect(F.form(state).chosen("regions").isEmpty)
        let effects = reduce(&state, .catalogPolled(.regions(F.catalog.regions), at: Fixture.t0))
        #expect(F.form(state).chosen("regions") == ["42"])
        #expect(effects.contains(.priceAfterPause(token: 1)))
    }

    @Test("n pressed before the catalog arrived: the defaults come with the catalog, what was typed stays")
    func catalogArrivesLate() {
        var state = Fixture.launchedState()
        // Nothing to price yet, and the catalog polls out are not asked twice.
        #expect(reduce(&state, .command(.new)) == [])
        #expect(F.form(state).selected("model") == nil)
        F.type("early", into: &state)
        F.retype("port", "9999", in: &state)
        let effects = state.receive(F.catalog, at: Fixture.t0)
        let form = F.form(state)
        #expect(form.text("name") == "early")
        #expect(form.selected("model") == "m-llama")
        #expect(form.selected("hardware") == "hw-l40s")
        #expect(form.text("port") == "9999")
        let price = Effect.priceAfterPause(token: 1)
        // The lists were on their way when n was pressed: none is asked twice.
        #expect(effects.filter { $0 != price } == [
            .nextPoll(.catalog(.models), after: 60, token: 1), .nextPoll(.catalog(.hardware), after: 60, token: 1),
            .fetchHardwarePrices([PriceProbe(hardwareId: "hw-l40s", regionId: 42), PriceProbe(hardwareId: "hw-h100", regionId: 78)]),
            .nextPoll(.catalog(.regions), after: 60, token: 1), .nextPoll(.catalog(.registries), after: 60, token: 1),
        ])
        // The defaults wait for the regions too: the first one with room is chosen, and priced.
        #expect(form.chosen("regions") == ["42"])
        #expect(effects.contains(price))
    }

    @Test("Choosing another model brings its port and default hardware; a region without room for it is unticked, and the footer says so")
    func modelBringsDefaults() {
        var (state, _) = F.newForm()
        F.choose("model", "whisper", in: &state)
        let form = F.form(state)
        #expect(form.text("port") == "9000")
        #expect(form.selected("hardware") == "hw-h100")
        guard case .multiSelect(let regions)? = form.field("regions")?.kind else {
            Issue.record("no region list")
            return
        }
        // Paris has no H100 left: it is unticked, and only Dallas is offered.
        #expect(regions.options.map(\.label) == ["Dallas (US)"])
        #expect(regions.options.map(\.detail) == ["5 free"])
        #expect(form.chosen("regions").isEmpty)
        #expect(state.flash?.text == "Unticked Paris: no room for 1xH100")
        #expect(state.messages.entries.last?.text == "Unticked Paris: no room for 1xH100")
    }

    @Test("A region that has room for the new hardware stays ticked, and nothing is said")
    func regionWithRoomStays() {
        var (state, _) = F.newForm()
        F.toggleRegion("Dallas", in: &state)
        F.choose("hardware", "1xH100", in: &state)
        #expect(F.form(state).chosen("regions") == ["78"])
        #expect(state.flash?.text == "Unticked Paris: no room for 1xH100")
    }

    @Test("Hardware options show $/h per pod and how many regions have room")
    func hardwareOptions() {
        let (state, _) = F.newForm()
        guard case .select(let select)? = F.form(state).field("hardware")?.kind else {
            Issue.record("no hardware select")
            return
        }
        #expect(select.options.map(\.detail) == ["$1.44/h · 2 regions", "$2.49/h · 1 region"])
    }

    @Test("Each rule is checked live and in words", arguments: [
        ("all.min", "2", "must not be above max (1)"),
        ("all.min", "0", "0 needs the HTTP trigger: only HTTP scales to and from zero"),
        ("all.max", "13", "above the free capacity (Paris 12)"),
        ("all.max", "0", "must be at least 1"),
        ("all.cooldown", "0", "must be between 1 and 3600"),
        ("all.cooldown", "3601", "must be between 1 and 3600"),
        ("all.cpu.threshold", "101", "must be between 1 and 100"),
        ("all.gpuMemory.threshold", "0", "must be between 1 and 100"),
        ("all.http.rate", "10", "needed with HTTP requests"),
        ("port", "0", "must be between 1 and 65535"),
        ("port", "70000", "must be between 1 and 65535"),
        ("podLifetime", "0", "must be at least 1"),
        ("name", "chat-prod", "an instance is already named chat-prod"),
    ])
    func rule(field: String, value: String, message: String) {
        var (state, _) = F.newForm()
        F.retype(field, value, in: &state)
        let errors = F.form(state).validate()
        let shown = field == "all.http.rate" ? "all.http.window" : field
        #expect(errors.first { $0.fieldId == shown }?.message == message)
    }

    @Test("min 0 is fine with an HTTP trigger")
    func scaleToZero() {
        var (state, _) = F.newForm()
        F.type("batch", into: &state)
        F.retype("all.min", "0", in: &state)
        F.retype("all.http.rate", "12", in: &state)
        F.retype("all.http.window", "20", in: &state)
        #expect(F.form(state).isValid)
        let spec = InstanceSpec(
            name: "batch", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
            regions: [RegionScaling(regionId: 42, scale: F.limits(min: 0, triggers: ScalingTriggers(http: HTTPRateTrigger(rate: 12, window: 20))))])
        F.submit(state, sending: .createInstance(spec))
    }

    @Test("Ctrl-S on an invalid form lists what to fix, focuses it and sends nothing")
    func invalidSubmit() {
        var (state, _) = F.newForm()
        F.retype("all.max", "99", in: &state)
        var store = TestStore(state)
        store.send(.submitForm) { _ = $0.form!.form.attemptSubmit() }
        let model = FormModel(F.form(store.state))
        #expect(model.messages == ["Fix 2 fields before submitting: Name, Max pods"])
        #expect(F.form(store.state).focus == .field("name"))
        #expect(F.form(store.state).text("all.max") == "99")
    }

    @Test("A custom image sends a registry and a startup command instead of a model")
    func customImage() {
        var (state, _) = F.newForm()
        F.type("vllm", into: &state)
        F.choose("source", "custom", in: &state)
        var form = F.form(state)
        #expect(form.field("model")?.isHidden == true)
        #expect(form.field("registry")?.isHidden == false)
        F.choose("registry", "ghcr", in: &state)
        F.retype("startupCommand", "vllm serve", in: &state)
        form = F.form(state)
        #expect(form.isValid)
        let spec = InstanceSpec(
            name: "vllm", modelId: nil, registryId: "r1", hardwareId: "hw-l40s", containerPort: 8000,
            regions: [RegionScaling(regionId: 42, scale: F.limits())], startupCommand: "vllm serve")
        F.submit(state, sending: .createInstance(spec))
    }

    @Test("Limits per region: each chosen region gets its own group, started from the shared values")
    func perRegion() {
        var (state, _) = F.newForm()
        F.type("multi", into: &state)
        F.retype("all.max", "3", in: &state)
        F.toggleRegion("Dallas", in: &state)
        state.form?.form.focus(.field("sameLimits"))
        _ = reduce(&state, .formInput(.toggle))
        var form = F.form(state)
        #expect(form.field("all.max")?.isHidden == true)
        #expect(form.text("r42.max") == "3")
        #expect(form.text("r78.max") == "3")
        F.retype("r42.max", "4", in: &state)
        form = F.form(state)
        // By name, as everywhere.
        #expect(form.sections.map(\.title).suffix(2) == ["Autoscaling in Dallas", "Autoscaling in Paris"])
        let spec = InstanceSpec(
            name: "multi", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000, regions: [
                RegionScaling(regionId: 78, scale: F.limits(max: 3)), RegionScaling(regionId: 42, scale: F.limits(max: 4)),
            ])
        F.submit(state, sending: .createInstance(spec))
    }

    @Test("Unchoosing a region hides its group but keeps what was typed there")
    func regionValuesKept() {
        var (state, _) = F.newForm()
        F.toggleRegion("Dallas", in: &state)
        state.form?.form.focus(.field("sameLimits"))
        _ = reduce(&state, .formInput(.toggle))
        F.retype("r78.cooldown", "60", in: &state)
        F.toggleRegion("Dallas", in: &state)
        #expect(F.form(state).field("r78.cooldown")?.isHidden == true)
        F.toggleRegion("Dallas", in: &state)
        #expect(F.form(state).text("r78.cooldown") == "60")
        #expect(F.form(state).field("r78.cooldown")?.isHidden == false)
    }
}

@Suite("Instance form: live price")
struct InstancePriceTests {
    static let quote = PriceQuote(currencyCode: "USD", pricePerHour: 4.32, pricePerMonth: 3153.6)

    /// The price of the default form (L40S in Paris) with `max` pods at most.
    static func query(max: Int) -> PriceQuery {
        PriceQuery(hardwareId: "hw-l40s", maxPods: [RegionPods(regionId: 42, pods: max)], minPods: [RegionPods(regionId: 42, pods: 1)])
    }

    @Test("A change asks again after a pause; only the latest answer counts")
    func debounce() {
        var (state, _) = F.newForm()
        // Emptying the field leaves nothing to price (the second query); "3" is the third.
        #expect(F.retype("all.max", "3", in: &state) == [.priceAfterPause(token: 3)])
        var store = TestStore(state)
        store.send(.priceDue(token: 1))
        store.send(.priceDue(token: 3), effects: [.quotePrice(Self.query(max: 3), token: 3)])
        #expect(store.state.form?.form.summary?.text == "Price: asking…")

        let estimate = PriceEstimate(atMax: Self.quote, perHourAtMin: 1.44, maxPods: 3, minPods: 1)
        store.send(.priceQuoted(token: 2, .success(estimate)))
        store.send(.priceQuoted(token: 3, .success(estimate))) {
            $0.form!.price.isUpdating = false
            $0.form!.price.estimate = estimate
            $0.form!.form.summary = FormSummary("Price at max (3 pods): $4.32/h · $3,153.60/month · at min (1): $1.44/h", tone: .accent)
        }

        state = store.state
        F.retype("all.max", "4", in: &state)
        #expect(state.form?.form.summary?.text.hasSuffix("· updating…") == true)
    }

    @Test("Changes that do not affect the price ask nothing")
    func unrelatedChange() {
        var (state, _) = F.newForm()
        let effects = F.type("chat", into: &state)
        #expect(effects.isEmpty)
    }

    @Test("A pricing error is shown, not hidden")
    func error() {
        let (state, _) = F.newForm()
        var store = TestStore(state)
        store.send(.priceDue(token: 1), effects: [.quotePrice(Self.query(max: 1), token: 1)])
        let error = APIError.server(status: 503, message: "Service Unavailable")
        store.send(.priceQuoted(token: 1, .failure(error))) {
            $0.form!.price.isUpdating = false
            $0.form!.price.error = error
            $0.form!.form.summary = FormSummary("Price unavailable: Server error (503): Service Unavailable", tone: .error)
        }
    }
}

@Suite("Instance form: submit, edit, clone, delete")
struct InstanceChangeTests {
    static func created(_ name: String) -> Instance {
        Instance(id: "new1", name: name, status: .deploying, hourlyPrice: 0, features: [], address: nil, createdAt: Fixture.t0,
                 updatedAt: Fixture.t0)
    }

    /// The new form, named chat-eu and sent.
    static func submitted() -> TestStore {
        var (state, _) = F.newForm()
        F.type("chat-eu", into: &state)
        return F.submit(state, sending: .createInstance(F.chatEU))
    }

    @Test("Success closes the form, selects the new instance and polls")
    func success() {
        var store = Self.submitted()
        let created = Self.created("chat-eu")
        // The catalog polls the form asked for are still out: they go again when back.
        store.send(.instanceSaved(.createInstance(F.chatEU), .success(created)),
                   effects: [.pollInstances(detailId: "new1"), .cancel(.priceDebounce), .sweep(), .flashExpiry(2)]) {
            $0.form = nil
            $0.recordsAction("new1", "chat-eu", "create accepted")
            $0.instances.append(created)
            $0.created["new1"] = PendingCreation(instance: created, settledByPoll: $0.poll(.instances).sent + 1)
            $0.lists(.instances, order: [5, 0, 3, 1, 4, 2], selected: "new1")
            $0.detailSweepQueue.append("new1")  // deploying, and first on screen: its detail next
            $0.flashes("Deploying chat-eu… (DEPLOYING)")
            $0.sendsPoll(.instances)
            $0.queuesCatalogPolls()
        }
    }

    @Test("A poll sent before the create answered does not drop the new instance, nor the selection on it")
    func createdSurvivesAnEarlierPoll() {
        var state = Self.submitted().state
        let created = Self.created("chat-eu")
        _ = reduce(&state, .command(.refresh))
        _ = reduce(&state, .instanceSaved(.createInstance(F.chatEU), .success(created)))
        // The answer to the poll that was out: chat-eu is not in it yet.
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(state.instances.contains { $0.id == "new1" })
        #expect(state.listings[.instances]?.selectedId == "new1")
        // The poll sent after the create is the service's word.
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        #expect(!state.instances.contains { $0.id == "new1" })
        #expect(state.created.isEmpty)
    }

    @Test("A 400 puts each message on the field it names and keeps the form as typed")
    func rejected() {
        var store = Self.submitted()
        let messages = [
            "autoScalingConfigurations.0.scale.max 1 exceeds the capacity of the region (0 available)",
            "name must be unique: an instance named 'chat-eu' already exists",
            "something else went wrong",
        ]
        store.send(.instanceSaved(.createInstance(F.chatEU), .failure(.validation(messages: messages)))) {
            $0.form!.submitting = false
            $0.form!.form.setErrors([
                "all.max": "1 exceeds the capacity of the region (0 available)",
                "name": "must be unique: an instance named 'chat-eu' already exists",
            ], general: ["something else went wrong"])
            $0.recordsAction(nil, "chat-eu", "create failed: Rejected: " + messages.joined(separator: "; "))
        }
        #expect(F.form(store.state).text("name") == "chat-eu")
    }

    static func stateWithDetail(readonly: Bool = false) -> State {
        var state = F.state(readonly: readonly)
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        return state
    }

    @Test("e edits the selected instance: prefilled from its detail, sent as an update")
    func edit() {
        var state = Self.stateWithDetail()
        #expect(reduce(&state, .command(.edit)) == [.priceAfterPause(token: 1)] + Effect.catalogPolls)
        let form = F.form(state)
        #expect(form.title == "Edit chat-prod")
        #expect(form.field("name")?.isEnabled == false)
        #expect(form.text("all.max") == "4")
        #expect(form.text("all.gpuUtilization.threshold") == "80")
        #expect(form.text("all.http.rate") == "50")
        #expect(form.pairs("envs") == [FormPair(key: "HF_TOKEN", value: "hf_secret_value"), FormPair(key: "MAX_MODEL_LEN", value: "8192")])
        // The 4 pods it holds in Paris count as free: 12 + 4.
        F.retype("all.max", "16", in: &state)
        #expect(F.form(state).isValid)
        let expected = InstanceSpec(
            name: "chat-prod", description: "prod chat", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
            regions: [RegionScaling(regionId: 42, scale: F.limits(max: 16, triggers: ScalingTriggers(
                gpuUtilization: 80, http: HTTPRateTrigger(rate: 50, window: 30))))],
            podLifetime: 600, envs: ["HF_TOKEN": "hf_secret_value", "MAX_MODEL_LEN": "8192"], apiKeyIds: ["k1"])
        F.submit(state, sending: .updateInstance(id: "a1", spec: expected))
    }

    @Test("c clones with the name <name>-copy; without the detail it is fetched first")
    func clone() {
        var store = TestStore(F.state())
        store.send(.command(.clone), effects: [.fetchDetail(id: "a1"), .flashExpiry(1)]) {
            $0.formAwaitingDetail = FormRequest(kind: .clone, instanceId: "a1")
            $0.flashes("Loading the settings of chat-prod…")
        }
        var state = store.state
        let detail = Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)
        #expect(reduce(&state, .detailLoaded(.success(detail), at: Fixture.t0)) == [.priceAfterPause(token: 1)] + Effect.catalogPolls + [.sweep()])
        #expect(F.form(state).title == "Clone chat-prod")
        #expect(F.form(state).text("name") == "chat-prod-copy")
        #expect(F.form(state).field("name")?.isEnabled == true)
        let spec = InstanceSpec(
            name: "chat-prod-copy", description: "prod chat", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
            regions: detail.regions.map { RegionScaling(regionId: $0.regionId, scale: $0.scale) },
            podLifetime: 600, envs: detail.envs, apiKeyIds: ["k1"])
        F.submit(state, sending: .createInstance(spec))
    }

    /// An instance on nothing `n` would choose: another model, GPU and port,
    /// two regions with their own limits.
    static let unusual = InstanceSpec(
        name: "whisper-eu", modelId: "m-whisper", hardwareId: "hw-l40s", containerPort: 9000,
        regions: [RegionScaling(regionId: 42, scale: F.limits(max: 4)), RegionScaling(regionId: 78, scale: F.limits(max: 2))])

    static func detail(of spec: InstanceSpec) -> InstanceDetail {
        InstanceDetail(
            id: "a1", name: spec.name, status: .active, hourlyPrice: 2.88, features: [], address: nil,
            containerPort: spec.containerPort, description: nil, podLifetime: nil,
            regions: spec.regions.map { RegionDeployment(regionId: $0.regionId, scale: $0.scale, total: 1, ready: 1, errorMessage: nil) },
            hardwareId: spec.hardwareId, modelId: spec.modelId, registryId: nil, envs: [:], startupCommand: nil, apiKeyIds: [],
            createdAt: Fixture.t0, updatedAt: Fixture.t0)
    }

    @Test("A clone is the same instance under a new name, whenever the catalog arrives", arguments: [false, true])
    func cloneKeepsEverything(catalogFirst: Bool) {
        var state = Fixture.launchedState()
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        if catalogFirst { state.receive(F.catalog, at: Fixture.t0) }
        _ = reduce(&state, .detailLoaded(.success(Self.detail(of: Self.unusual)), at: Fixture.t0))
        _ = reduce(&state, .command(.clone))
        if !catalogFirst { state.receive(F.catalog, at: Fixture.t0) }
        let form = F.form(state)
        #expect(form.selected("model") == "m-whisper")
        #expect(form.selected("hardware") == "hw-l40s")
        // Listed by name: Dallas, then Paris.
        #expect(form.chosen("regions") == ["78", "42"])
        #expect(form.text("port") == "9000")
        var expected = Self.unusual
        expected.name = "whisper-eu-copy"
        expected.regions.reverse()
        F.submit(state, sending: .createInstance(expected))
    }

    @Test("Env values never show in a description of a create or update, only their names")
    func envValuesHidden() {
        let spec = InstanceSpec(name: "chat-eu", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
                                regions: [], envs: ["HF_TOKEN": "hf_secret_value"])
        for effect in [Effect.perform(.createInstance(spec)), .perform(.updateInstance(id: "a1", spec: spec))] {
            for text in [String(describing: effect), String(reflecting: effect)] {
                #expect(!text.contains("hf_secret_value"))
                #expect(text.contains("HF_TOKEN"))
            }
        }
    }

    @Test("D asks for the name; only the exact name deletes, and DELETING shows until it is gone")
    func delete() {
        var store = TestStore(F.state())
        func typed(_ text: String) -> Overlay { .deleteInstance(id: "a1", name: "chat-prod", typed: text) }
        store.send(.command(.delete)) { $0.overlay = typed("") }
        #expect(store.state.inputMode == .typedConfirm)
        var text = ""
        for character in "chat-pro" {
            text.append(character)
            store.send(.confirmInput(character)) { $0.overlay = typed(text) }
        }
        store.send(.confirm, effects: [.flashExpiry(1, .error)]) { $0.flashes("Type chat-prod exactly to delete it", .error) }
        store.send(.confirmInput("d")) { $0.overlay = typed("chat-prod") }
        let delete = Mutation.deleteInstance(id: "a1", name: "chat-prod")
        store.send(.confirm, effects: [.perform(delete)]) { $0.overlay = nil }
        store.send(.mutationFinished(delete, error: nil),
                   effects: [.pollInstances(detailId: "a1")] + Effect.catalogPolls + [.flashExpiry(2)]) {
            $0.transitions["a1"] = PendingTransition(status: "DELETING", settledByPoll: 2)
            $0.flashes("Deleting chat-prod…")
            $0.sendsPoll(.instances)
            $0.sendsCatalogPolls()
            $0.recordsAction("a1", "chat-prod", "delete accepted")
        }
        let gone = Fixture.fleet.filter { $0.id != "a1" }
        let event = AccountEvent(at: Fixture.t0, kind: .disappeared, instanceId: "a1", instanceName: "chat-prod", old: "ACTIVE", hourlyPrice: 2.88)
        store.send(.instancesPolled(.success(gone), detail: nil, at: Fixture.t0),
                   effects: [.ringBell, .notifyDesktop(title: "sesterce-dash", body: event.sentence), .nextPoll(.instances, after: 5, token: 2),
                             .sweep()]) {
            $0.instances = gone
            $0.observes(gone)
            $0.recordsEvents([event])  // "Deleting chat-prod…" stays in the footer
            $0.detailSweepQueue.removeAll { $0 == "a1" }
            $0.pollSucceeded(.instances, at: Fixture.t0)
            $0.cost.sample(BurnRate(instances: gone), at: Fixture.t0, maxGap: 60)
            $0.transitions = [:]
            $0.lists(.instances, order: [2, 0, 3, 1], selected: "d4")
        }
    }

    @Test("Read-only: n, e, c and D flash and send nothing", arguments: [Command.new, .edit, .clone, .delete])
    func readonly(command: Command) {
        var store = TestStore(Self.stateWithDetail(readonly: true))
        store.send(.command(command), effects: [.flashExpiry(1, .error)]) {
            $0.flashes("read-only: instances cannot be created, changed or deleted (--readonly)", .error)
        }
    }

    @Test("A save that returns after its form was discarded does not move the person elsewhere")
    func lateResult() {
        var store = Self.submitted()
        store.send(.cancelForm) { $0.overlay = .discardForm }
        store.send(.confirm, effects: [.cancel(.priceDebounce)]) {
            $0.overlay = nil
            $0.form = nil
        }
        store.send(.command(.showPane(.registries))) {
            $0.pane = .registries
            $0.detailSweepQueue = []
        }
        let created = Self.created("chat-eu")
        store.send(.instanceSaved(.createInstance(F.chatEU), .success(created)),
                   effects: [.pollInstances(detailId: nil), .flashExpiry(2)]) {
            $0.instances.append(created)
            $0.created["new1"] = PendingCreation(instance: created, settledByPoll: $0.poll(.instances).sent + 1)
            $0.listings[.instances]!.order = [5, 0, 3, 1, 4, 2]
            $0.listings[.instances]!.selectedIndex = 1
            $0.flashes("Deploying chat-eu… (DEPLOYING)")
            $0.recordsAction("new1", "chat-eu", "create accepted")
            $0.sendsPoll(.instances)
            $0.queuesCatalogPolls()
        }
    }
}
