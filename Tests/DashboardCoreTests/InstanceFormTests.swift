import DashboardCore
import Foundation
import SesterceAPI
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
        #expect(opened == [.schedulePrice(after: 0.3, token: 1), .pollCatalog])

        F.type("chat-eu", into: &state)
        let effects = reduce(&state, .submitForm)
        let expected = InstanceSpec(
            name: "chat-eu", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
            regions: [RegionScaling(regionId: 42, scale: F.limits())])
        #expect(effects == [.perform(.createInstance(expected))])
        #expect(reduce(&state, .submitForm).isEmpty)
    }

    @Test("n pressed before the catalog arrived: the defaults come with the catalog, what was typed stays")
    func catalogArrivesLate() {
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: Fixture.t0)
        _ = reduce(&state, .resized(width: 80, height: 24))
        _ = reduce(&state, .launched(Fixture.t0))
        _ = reduce(&state, .command(.new))
        #expect(F.form(state).selected("model") == nil)
        F.type("early", into: &state)
        F.retype("port", "9999", in: &state)
        let effects = state.receive(F.catalog, at: Fixture.t0)
        let form = F.form(state)
        #expect(form.text("name") == "early")
        #expect(form.selected("model") == "m-llama")
        #expect(form.selected("hardware") == "hw-l40s")
        #expect(form.chosen("regions") == ["42"])
        #expect(form.text("port") == "9999")
        #expect(effects.contains(.schedulePrice(after: 0.3, token: 1)))
    }

    @Test("Choosing another model brings its port and default hardware; regions follow the hardware")
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
        // Paris has no H100 left: only Dallas is offered, and Paris stays listed because it was chosen.
        #expect(regions.options.map(\.label) == ["Paris (FR)", "Dallas (US)"])
        #expect(regions.options.map(\.detail) == ["no room", "5 free"])
        #expect(form.checks["all.max"] == "above the free capacity (Paris 0)")
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
        guard case .perform(.createInstance(let spec))? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent")
            return
        }
        #expect(spec.regions.first?.scale == F.limits(min: 0, triggers: ScalingTriggers(http: HTTPRateTrigger(rate: 12, window: 20))))
    }

    @Test("Ctrl-S on an invalid form lists what to fix, focuses it and sends nothing")
    func invalidSubmit() {
        var (state, _) = F.newForm()
        F.retype("all.max", "99", in: &state)
        let effects = reduce(&state, .submitForm)
        #expect(effects.isEmpty)
        let model = FormModel(F.form(state))
        #expect(model.messages == ["Fix 2 fields before submitting: Name, Max pods"])
        #expect(F.form(state).focus == .field("name"))
        #expect(F.form(state).text("all.max") == "99")
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
        guard case .perform(.createInstance(let spec))? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent")
            return
        }
        #expect(spec.modelId == nil)
        #expect(spec.registryId == "r1")
        #expect(spec.startupCommand == "vllm serve")
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
        #expect(form.sections.map(\.title).suffix(2) == ["Autoscaling in Paris", "Autoscaling in Dallas"])
        guard case .perform(.createInstance(let spec))? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent: \(F.form(state).validate())")
            return
        }
        #expect(spec.regions == [
            RegionScaling(regionId: 42, scale: F.limits(max: 4)), RegionScaling(regionId: 78, scale: F.limits(max: 3)),
        ])
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

    @Test("A change asks again after a pause; only the latest answer counts")
    func debounce() {
        var (state, _) = F.newForm()
        let first = F.retype("all.max", "3", in: &state)
        #expect(first.last == .schedulePrice(after: 0.3, token: 3))
        #expect(reduce(&state, .priceDue(token: 1)).isEmpty)
        let query = PriceQuery(hardwareId: "hw-l40s", maxPods: [RegionPods(regionId: 42, pods: 3)],
                               minPods: [RegionPods(regionId: 42, pods: 1)])
        #expect(reduce(&state, .priceDue(token: 3)) == [.quotePrice(query, token: 3)])
        #expect(state.form?.form.summary?.text == "Price: asking…")

        let estimate = PriceEstimate(atMax: Self.quote, perHourAtMin: 1.44, maxPods: 3, minPods: 1)
        _ = reduce(&state, .priceQuoted(token: 2, .success(estimate)))
        #expect(state.form?.price.estimate == nil)
        _ = reduce(&state, .priceQuoted(token: 3, .success(estimate)))
        #expect(state.form?.form.summary == FormSummary(
            "Price at max (3 pods): $4.32/h · $3,153.60/month · at min (1): $1.44/h", tone: .accent))

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
        var (state, _) = F.newForm()
        _ = reduce(&state, .priceDue(token: 1))
        _ = reduce(&state, .priceQuoted(token: 1, .failure(.server(status: 503, message: "Service Unavailable"))))
        #expect(state.form?.form.summary?.tone == .error)
        #expect(state.form?.form.summary?.text.hasPrefix("Price unavailable:") == true)
    }
}

@Suite("Instance form: submit, edit, clone, delete")
struct InstanceChangeTests {
    static func created(_ name: String) -> Instance {
        Instance(id: "new1", name: name, status: .deploying, hourlyPrice: 0, features: [], address: nil, createdAt: Fixture.t0,
                 updatedAt: Fixture.t0)
    }

    @Test("Success closes the form, selects the new instance and polls")
    func success() {
        var (state, _) = F.newForm()
        F.type("chat-eu", into: &state)
        guard case .perform(let mutation)? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent")
            return
        }
        let effects = reduce(&state, .instanceSaved(mutation, .success(Self.created("chat-eu"))))
        #expect(state.form == nil)
        #expect(state.listings[.instances]?.selectedId == "new1")
        #expect(state.flash?.text == "Deploying chat-eu… (DEPLOYING)")
        #expect(effects.contains(.pollInstances(detailId: "new1")))
    }

    @Test("A 400 puts each message on the field it names and keeps the form as typed")
    func rejected() {
        var (state, _) = F.newForm()
        F.type("chat-eu", into: &state)
        guard case .perform(let mutation)? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent")
            return
        }
        let messages = [
            "autoScalingConfigurations.0.scale.max 1 exceeds the capacity of the region (0 available)",
            "name must be unique: an instance named 'chat-eu' already exists",
            "something else went wrong",
        ]
        _ = reduce(&state, .instanceSaved(mutation, .failure(.validation(messages: messages))))
        let form = F.form(state)
        #expect(form.field("all.max")?.error == "1 exceeds the capacity of the region (0 available)")
        #expect(form.field("name")?.error == "must be unique: an instance named 'chat-eu' already exists")
        #expect(form.messages == ["something else went wrong"])
        #expect(form.text("name") == "chat-eu")
        #expect(state.form?.submitting == false)
    }

    static func stateWithDetail(readonly: Bool = false) -> State {
        var state = F.state(readonly: readonly)
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        return state
    }

    @Test("e edits the selected instance: prefilled from its detail, sent as an update")
    func edit() {
        var state = Self.stateWithDetail()
        _ = reduce(&state, .command(.edit))
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
        let effects = reduce(&state, .submitForm)
        let expected = InstanceSpec(
            name: "chat-prod", description: "prod chat", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
            regions: [RegionScaling(regionId: 42, scale: F.limits(max: 16, triggers: ScalingTriggers(
                gpuUtilization: 80, http: HTTPRateTrigger(rate: 50, window: 30))))],
            podLifetime: 600, envs: ["HF_TOKEN": "hf_secret_value", "MAX_MODEL_LEN": "8192"], apiKeyIds: ["k1"])
        #expect(effects == [.perform(.updateInstance(id: "a1", spec: expected))])
    }

    @Test("c clones with the name <name>-copy; without the detail it is fetched first")
    func clone() {
        var state = F.state()
        let effects = reduce(&state, .command(.clone))
        #expect(effects == [.fetchDetail(id: "a1")])
        #expect(state.form == nil)
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        #expect(F.form(state).title == "Clone chat-prod")
        #expect(F.form(state).text("name") == "chat-prod-copy")
        #expect(F.form(state).field("name")?.isEnabled == true)
        guard case .perform(.createInstance(let spec))? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent: \(F.form(state).validate())")
            return
        }
        #expect(spec.name == "chat-prod-copy")
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
        var state = State(settings: .init(refreshInterval: 5, host: "h"), now: Fixture.t0)
        _ = reduce(&state, .resized(width: 80, height: 24))
        _ = reduce(&state, .launched(Fixture.t0))
        _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: Fixture.t0))
        if catalogFirst { state.receive(F.catalog, at: Fixture.t0) }
        _ = reduce(&state, .detailLoaded(.success(Self.detail(of: Self.unusual)), at: Fixture.t0))
        _ = reduce(&state, .command(.clone))
        if !catalogFirst { state.receive(F.catalog, at: Fixture.t0) }
        let form = F.form(state)
        #expect(form.selected("model") == "m-whisper")
        #expect(form.selected("hardware") == "hw-l40s")
        #expect(form.chosen("regions") == ["42", "78"])
        #expect(form.text("port") == "9000")
        guard case .perform(.createInstance(let spec))? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent: \(F.form(state).validate())")
            return
        }
        var expected = Self.unusual
        expected.name = "whisper-eu-copy"
        #expect(spec == expected)
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
        var state = F.state()
        _ = reduce(&state, .command(.delete))
        #expect(state.inputMode == .typedConfirm)
        for character in "chat-pro" { _ = reduce(&state, .confirmInput(character)) }
        #expect(reduce(&state, .confirm).isEmpty)
        #expect(state.flash?.text == "Type chat-prod exactly to delete it")
        _ = reduce(&state, .confirmInput("d"))
        let effects = reduce(&state, .confirm)
        #expect(effects == [.perform(.deleteInstance(id: "a1", name: "chat-prod"))])
        #expect(state.overlay == nil)
        _ = reduce(&state, .mutationFinished(.deleteInstance(id: "a1", name: "chat-prod"), error: nil))
        #expect(state.transitions["a1"]?.status == "DELETING")
        let gone = Fixture.fleet.filter { $0.id != "a1" }
        _ = reduce(&state, .instancesPolled(.success(gone), detail: nil, at: Fixture.t0))
        #expect(state.transitions["a1"] == nil)
        #expect(!state.instances.contains { $0.id == "a1" })
    }

    @Test("Read-only: n, e, c and D flash and send nothing", arguments: [Command.new, .edit, .clone, .delete])
    func readonly(command: Command) {
        var state = Self.stateWithDetail(readonly: true)
        let effects = reduce(&state, .command(command))
        #expect(effects.isEmpty)
        #expect(state.form == nil)
        #expect(state.overlay == nil)
        #expect(state.flash?.text.hasPrefix("read-only") == true)
    }

    @Test("A save that returns after its form was discarded does not move the person elsewhere")
    func lateResult() {
        var (state, _) = F.newForm()
        F.type("chat-eu", into: &state)
        guard case .perform(let mutation)? = reduce(&state, .submitForm).first else {
            Issue.record("nothing sent")
            return
        }
        _ = reduce(&state, .cancelForm)
        _ = reduce(&state, .confirm)
        _ = reduce(&state, .command(.showPane(.registries)))
        _ = reduce(&state, .instanceSaved(mutation, .success(InstanceChangeTests.created("chat-eu"))))
        #expect(state.pane == .registries)
        #expect(state.listings[.instances]?.selectedId == "a1")
        #expect(state.instances.contains { $0.id == "new1" })
    }
}
