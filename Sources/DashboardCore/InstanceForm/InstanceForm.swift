import SesterceModels

/// The instance form (new, edit, clone): how it is built from a spec, how its
/// fields follow each other as the person types (a model brings its port and
/// hardware, hardware decides the regions, "same limits" shows one group of
/// autoscaling fields or one per region), the checks across fields, and the
/// spec it sends.
struct InstanceForm {
    var catalog: InstanceFormCatalog

    /// Field ids outside the autoscaling groups.
    enum Field {
        static let name = "name", description = "description"
        static let source = "source", model = "model", registry = "registry", startupCommand = "startupCommand"
        static let port = "port", envs = "envs", apiKeyIds = "apiKeyIds", podLifetime = "podLifetime"
        static let hardware = "hardware", regions = "regions", sameLimits = "sameLimits"
    }

    /// The two kinds of workload: a catalog model or a custom image.
    enum Source {
        static let model = "model", image = "image"
    }

    /// What `n` opens with: the first model, its default hardware, the first
    /// ACTIVE region with room for it, min 1, max 1, cooldown 300.
    func defaultSpec() -> InstanceSpec? {
        guard let model = catalog.models.first else { return nil }
        let hardwareId = model.defaultHardwareId.flatMap { id in catalog.hardware.first { $0.id == id }?.id }
            ?? catalog.hardware.first?.id
        guard let hardwareId else { return nil }
        let region = catalog.regionsWithCapacity(hardwareId).first
        return InstanceSpec(
            name: "", modelId: model.id, hardwareId: hardwareId, containerPort: model.port ?? 8000,
            regions: region.map { [RegionScaling(regionId: $0.id, scale: ScalingFields.defaultLimits)] } ?? [])
    }

    /// A form holding `spec` (or empty choices when the catalog is not loaded yet).
    func make(_ spec: InstanceSpec?, title: String, submitLabel: String, isEdit: Bool, height: Int) -> Form {
        let regions = spec?.regions ?? []
        let shared = regions.first?.scale ?? ScalingFields.defaultLimits
        let same = Set(regions.map(\.scale)).count <= 1
        var name = FormField.text(Field.name, "Name", spec?.name ?? "", rules: [.required, .length(min: nil, max: 63)],
                                  placeholder: "my-endpoint")
        name.isEnabled = !isEdit
        if isEdit { name.hint = "cannot be renamed" }
        var sections = [
            FormSection("Basics", [
                name,
                .text(Field.description, "Description", spec?.description ?? "", placeholder: "optional"),
            ]),
            FormSection("Workload", [
                .select(Field.source, "Source", options: [
                    FormOption(id: Source.model, label: "Catalog model"),
                    FormOption(id: Source.image, label: "Custom image", detail: "from a registry"),
                ], selected: spec?.registryId != nil && spec?.modelId == nil ? Source.image : Source.model),
                .select(Field.model, "Model", options: [], selected: spec?.modelId, rules: [.required]),
                .select(Field.registry, "Registry", options: [], selected: spec?.registryId, rules: [.required],
                        placeholder: "choose… (add one in Registries)"),
                .text(Field.startupCommand, "Startup command", spec?.startupCommand ?? "", placeholder: "optional"),
                .number(Field.port, "Container port", spec?.containerPort, rules: [.required, .range(min: 1, max: 65535)]),
                .keyValueList(Field.envs, "Env vars", (spec?.envs ?? [:]).sorted { $0.key < $1.key }
                    .map { FormPair(key: $0.key, value: $0.value) }, rules: [.environmentNames]),
                .text(Field.apiKeyIds, "API key ids", (spec?.apiKeyIds ?? []).joined(separator: ", "),
                      hint: "comma-separated, optional", placeholder: "none"),
                .number(Field.podLifetime, "Pod lifetime (s)", spec?.podLifetime, rules: [.range(min: 1, max: nil)],
                        hint: "idle time before scaling to min", placeholder: "optional"),
            ]),
            FormSection("Hardware", [
                .select(Field.hardware, "Hardware", options: [], selected: spec?.hardwareId, rules: [.required],
                        hint: "$/h per pod · regions with room"),
            ]),
            FormSection("Regions", [
                .multiSelect(Field.regions, "Regions", options: [], chosen: Set(regions.map { String($0.regionId) }),
                             rules: [.minimumChosen(1)], hint: "ACTIVE, with room", placeholder: "no region has room"),
                .toggle(Field.sameLimits, "Same limits", same, hint: "in every region"),
            ]),
            FormSection("Autoscaling", ScalingFields.shared.fields(shared)),
        ]
        for region in regions where !same {
            sections.append(FormSection(sectionTitle(region.regionId), ScalingFields.region(region.regionId).fields(region.scale)))
        }
        var form = Form(title: title, sections: sections, submitLabel: submitLabel,
                        visibleRows: Form.visibleRows(screenHeight: height))
        sync(&form, previous: form)
        form.focus(.field(isEdit ? Field.description : Field.name))
        return form
    }

    private func sectionTitle(_ regionId: Int) -> String {
        "Autoscaling in " + (catalog.region(regionId)?.name ?? "region \(regionId)")
    }

    // MARK: - Keeping fields in step

    /// Brings the fields in line after a change (from `previous`) or a new
    /// catalog. `fillingDefaults` is for a new form opened before the catalog
    /// arrived: it gets `n`'s defaults once the catalog is here. Returns
    /// whether it got them.
    @discardableResult
    func sync(_ form: inout Form, previous: Form, fillingDefaults: Bool = false) -> Bool {
        let filled = fillingDefaults && fillDefaults(&form)
        let usesImage = form.selected(Field.source) == Source.image
        form.setHidden(Field.model, usesImage)
        form.setHidden(Field.registry, !usesImage)
        form.setHidden(Field.startupCommand, !usesImage)

        let modelId = form.selected(Field.model)
        if !filled, modelId != previous.selected(Field.model), let model = catalog.model(modelId) {
            if let port = model.port { form.setText(Field.port, String(port)) }
            if let hardware = model.defaultHardwareId, catalog.hardware.contains(where: { $0.id == hardware }) {
                form.setSelected(Field.hardware, hardware)
            }
        }
        replaceOptions(Field.model, in: &form, catalog.models.map { model in
            FormOption(id: model.id, label: model.name, detail: model.port.map { "port \($0)" } ?? "")
        })
        replaceOptions(Field.registry, in: &form, catalog.registries.map { FormOption(id: $0.id, label: $0.name, detail: $0.url) })
        replaceOptions(Field.hardware, in: &form, catalog.hardware.map(hardwareOption))
        let hardwareId = form.selected(Field.hardware)
        if let hardwareId, let before = previous.selected(Field.hardware), hardwareId != before {
            // Other hardware: a region without room for it is no choice any more.
            let kept = form.chosen(Field.regions).filter { Int($0).map { catalog.free($0, hardwareId) > 0 } ?? false }
            form.setChosen(Field.regions, Set(kept))
        }
        replaceOptions(Field.regions, in: &form, regionOptions(hardwareId, keeping: form.chosen(Field.regions)))
        let loading = catalog.regions.isEmpty || catalog.hardware.isEmpty
        for (field, placeholder) in [(Field.model, "choose…"), (Field.hardware, "choose…"), (Field.regions, "no region has room")] {
            form.setPlaceholder(field, loading ? "catalog loading…" : placeholder)
        }
        syncScalingGroups(&form)
        form.setChecks(checks(form))
        return filled
    }

    /// The choices `n` would have made, on a form that could not offer any
    /// (it opened before the catalog arrived). Only empty choices are
    /// filled: nothing typed changes. False while there is no catalog yet.
    private func fillDefaults(_ form: inout Form) -> Bool {
        guard let spec = defaultSpec() else { return false }
        form.setSelected(Field.model, spec.modelId)
        form.setSelected(Field.hardware, spec.hardwareId)
        if form.chosen(Field.regions).isEmpty { form.setChosen(Field.regions, Set(spec.regions.map { String($0.regionId) })) }
        if form.text(Field.port).isEmpty { form.setText(Field.port, String(spec.containerPort)) }
        return true
    }

    private func hardwareOption(_ flavor: HardwareFlavor) -> FormOption {
        let price = catalog.prices[flavor.id].map { Formatting.money($0) + "/h" } ?? "…/h"
        let count = catalog.regionsWithCapacity(flavor.id).count
        let regions = count == 0 ? "no room" : count == 1 ? "1 region" : "\(count) regions"
        return FormOption(id: flavor.id, label: flavor.name, detail: "\(price) · \(regions)")
    }

    /// ACTIVE regions with room for the hardware, and the regions already
    /// chosen whatever their state (a choice is never dropped behind the
    /// person's back; the checks say what is wrong with it).
    private func regionOptions(_ hardwareId: String?, keeping chosen: [String]) -> [FormOption] {
        let kept = Set(chosen)
        return catalog.regionsByName.compactMap { region in
            let free = hardwareId.map { catalog.free(region.id, $0) } ?? 0
            guard (region.isActive && free > 0) || kept.contains(String(region.id)) else { return nil }
            let detail = !region.isActive ? region.state : hardwareId == nil ? "" : free == 0 ? "no room" : "\(free) free"
            return FormOption(id: String(region.id), label: "\(region.name) (\(region.countryCode))", detail: detail)
        }
    }

    /// Changes options only when they differ, so that an open list stays open.
    private func replaceOptions(_ id: String, in form: inout Form, _ options: [FormOption]) {
        let current: [FormOption]? = switch form.field(id)?.kind {
        case .select(let select)?: select.options
        case .multiSelect(let multi)?: multi.options
        default: nil
        }
        if let current, current != options { form.setOptions(id, options) }
    }

    /// One shared group, or one group per chosen region (made from the shared
    /// values the first time a region needs its own). Groups of regions no
    /// longer chosen are hidden, not dropped, so their values come back.
    private func syncScalingGroups(_ form: inout Form) {
        let chosen = chosenRegionIds(form)
        let same = form.bool(Field.sameLimits)
        var sections = form.sections
        for id in chosen where !same && form.field(ScalingFields.region(id).min) == nil {
            sections.append(FormSection(sectionTitle(id), ScalingFields.region(id).fields(copying: .shared, in: form)))
        }
        let order = Dictionary(catalog.regionsByName.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
        let fixed = sections.filter { regionId(of: $0) == nil }
        let perRegion = sections.filter { regionId(of: $0) != nil }
            .sorted { (order[regionId(of: $0)!] ?? .max) < (order[regionId(of: $1)!] ?? .max) }
        sections = (fixed + perRegion).map { section in
            var section = section
            let hidden = regionId(of: section).map { same || !chosen.contains($0) }
                ?? (section.fields.first?.id == ScalingFields.shared.min ? !same : nil)
            if let hidden {
                for index in section.fields.indices { section.fields[index].isHidden = hidden }
            }
            return section
        }
        if sections != form.sections { form.sections = sections }
    }

    private func regionId(of section: FormSection) -> Int? {
        section.fields.first.flatMap { ScalingFields(group: String($0.id.prefix { $0 != "." })).regionId }
    }

    func chosenRegionIds(_ form: Form) -> [Int] {
        form.chosen(Field.regions).compactMap(Int.init)
    }

    /// The autoscaling groups in use, each with the regions it applies to.
    func scalingGroups(_ form: Form) -> [(fields: ScalingFields, regions: [Int])] {
        let chosen = chosenRegionIds(form)
        if form.bool(Field.sameLimits) { return [(.shared, chosen)] }
        return chosen.map { (ScalingFields.region($0), [$0]) }
    }

    // MARK: - Checks across fields

    func checks(_ form: Form) -> [String: String] {
        var checks: [String: String] = [:]
        let name = form.text(Field.name).trimmingWhitespace
        if form.field(Field.name)?.isEnabled == true, catalog.takenNames.contains(name) {
            checks[Field.name] = "an instance is already named \(name)"
        }
        let regions = chosenRegionIds(form).compactMap(catalog.region)
        if let closed = regions.first(where: { !$0.isActive }) {
            checks[Field.regions] = "\(closed.name) is \(closed.state): choose another"
        }
        guard let hardwareId = form.selected(Field.hardware) else { return checks }
        for group in scalingGroups(form) {
            let places = group.regions.compactMap(catalog.region)
            checks.merge(group.fields.checks(in: form, regions: places) { catalog.free($0.id, hardwareId) }) { $1 }
        }
        return checks
    }

    // MARK: - What the form sends

    /// The spec of a form that passed validation.
    func spec(_ form: Form) -> InstanceSpec {
        let usesImage = form.selected(Field.source) == Source.image
        let envs = Dictionary(form.pairs(Field.envs).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        let keys = form.text(Field.apiKeyIds).split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        let description = form.text(Field.description).trimmingWhitespace
        let command = form.text(Field.startupCommand).trimmingWhitespace
        return InstanceSpec(
            name: form.text(Field.name).trimmingWhitespace, description: description.isEmpty ? nil : description,
            modelId: usesImage ? nil : form.selected(Field.model),
            registryId: usesImage ? form.selected(Field.registry) : nil,
            hardwareId: form.selected(Field.hardware) ?? "", containerPort: form.int(Field.port) ?? 0,
            regions: scalingGroups(form).flatMap { group in
                group.regions.map { RegionScaling(regionId: $0, scale: group.fields.limits(in: form)) }
            },
            podLifetime: form.int(Field.podLifetime), envs: envs.isEmpty ? nil : envs,
            startupCommand: usesImage && !command.isEmpty ? command : nil, apiKeyIds: keys.isEmpty ? nil : keys)
    }

    /// What to price: the hardware and each region's max and min, once those
    /// fields hold numbers the pricing endpoint accepts; nil before.
    func priceQuery(_ form: Form) -> PriceQuery? {
        guard let hardwareId = form.selected(Field.hardware) else { return nil }
        var maxPods: [RegionPods] = [], minPods: [RegionPods] = []
        for group in scalingGroups(form) {
            guard let high = form.int(group.fields.max), high >= 1,
                  let low = form.int(group.fields.min), low >= 0, low <= high else { return nil }
            maxPods += group.regions.map { RegionPods(regionId: $0, pods: high) }
            minPods += group.regions.map { RegionPods(regionId: $0, pods: low) }
        }
        guard !maxPods.isEmpty else { return nil }
        return PriceQuery(hardwareId: hardwareId, maxPods: maxPods, minPods: minPods)
    }

    // MARK: - Errors from the server

    /// Places the server's messages ("autoScalingConfigurations.0.scale.max …")
    /// on the fields they name, by the position of each region in `spec`;
    /// the rest go to the list above the fields.
    func placeErrors(_ messages: [String], sent spec: InstanceSpec, in form: Form)
        -> (byField: [String: String], general: [String])
    {
        let same = form.bool(Field.sameLimits)
        var byField: [String: String] = [:], general: [String] = []
        for message in messages {
            let path = message.prefix { $0 != " " }
            let rest = String(message.dropFirst(path.count)).trimmingWhitespace
            if let id = fieldId(forPath: path.split(separator: ".").map(String.init), spec: spec, same: same),
               form.field(id).map({ !$0.isHidden }) == true
            {
                byField[id] = byField[id].map { $0 + "; " + rest } ?? rest
            } else {
                general.append(message)
            }
        }
        return (byField, general)
    }

    private func fieldId(forPath path: [String], spec: InstanceSpec, same: Bool) -> String? {
        let plain = [
            "name": Field.name, "description": Field.description, "modelId": Field.model,
            "registryId": Field.registry, "startupCommand": Field.startupCommand, "containerPort": Field.port,
            "envs": Field.envs, "apiKeyIds": Field.apiKeyIds, "podLifetime": Field.podLifetime,
            "hardwareId": Field.hardware, "either": Field.model,
        ]
        guard let head = path.first else { return nil }
        if let id = plain[head] { return id }
        guard head == "autoScalingConfigurations" else { return nil }
        guard path.count >= 2, let index = Int(path[1]), spec.regions.indices.contains(index) else { return Field.regions }
        let group = same ? ScalingFields.shared : .region(spec.regions[index].regionId)
        let rest = Array(path.dropFirst(2))
        switch rest {
        case ["regionId"]: return Field.regions
        case ["scale", "min"]: return group.min
        case ["scale", "max"]: return group.max
        case ["scale", "cooldownPeriod"]: return group.cooldown
        case ["scale", "triggers", "http", "rate"]: return group.httpRate
        case ["scale", "triggers", "http", "window"]: return group.httpWindow
        default:
            if rest.count == 4, rest[0] == "scale", rest[1] == "triggers", let trigger = ScalingFields.Trigger(rawValue: rest[2]) {
                return group.threshold(trigger)
            }
            return nil
        }
    }
}

/// Pods of one region, for pricing.
public struct RegionPods: Hashable, Sendable {
    public var regionId: Int
    public var pods: Int

    public init(regionId: Int, pods: Int) {
        self.regionId = regionId
        self.pods = pods
    }
}

/// A price to ask for: at max scale, and at min scale (regions at 0 left out).
public struct PriceQuery: Hashable, Sendable {
    public var hardwareId: String
    public var maxPods: [RegionPods]
    public var minPods: [RegionPods]

    public init(hardwareId: String, maxPods: [RegionPods], minPods: [RegionPods]) {
        self.hardwareId = hardwareId
        self.maxPods = maxPods
        self.minPods = minPods
    }
}
