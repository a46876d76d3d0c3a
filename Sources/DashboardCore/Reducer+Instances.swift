import SesterceModels

/// Instances: create, edit and clone through the instance form with its live
/// price; delete after the instance's name is typed.
extension State {
    var instanceForm: InstanceForm {
        let editing: InstanceDetail? = if case .editInstance(let id, _)? = form?.purpose { details[id] } else { nil }
        return InstanceForm(catalog: instanceFormCatalog(editing: editing))
    }

    /// `n`, `e`, `c` and `D` on the Instances pane or an open detail.
    mutating func changeInstance(_ command: Command) -> [Effect] {
        guard !settings.readonly else {
            showError("read-only: instances cannot be created, changed or deleted (--readonly)")
            return []
        }
        switch command {
        case .new:
            let builder = InstanceForm(catalog: instanceFormCatalog(editing: nil))
            let defaults = holdsFormDefaults ? builder.defaultSpec() : nil
            var session = FormSession(
                form: builder.make(defaults, title: "New instance", submitLabel: "Deploy", isEdit: false, height: height),
                purpose: .createInstance)
            session.awaitsDefaults = defaults == nil
            return open(session)
        case .edit, .clone:
            guard let instance = selectedInstance else { return [] }
            let request = FormRequest(kind: command == .edit ? .edit : .clone, instanceId: instance.id)
            guard details[instance.id] != nil else {
                formAwaitingDetail = request
                showInfo("Loading the settings of \(instance.name)…")
                return [.fetchDetail(id: instance.id)]
            }
            return openInstanceForm(request)
        default:
            guard let instance = selectedInstance else { return [] }
            overlay = .deleteInstance(id: instance.id, name: instance.name, typed: "")
            return []
        }
    }

    /// Opens the edit or clone form asked for, prefilled from the detail.
    mutating func openInstanceForm(_ request: FormRequest) -> [Effect] {
        formAwaitingDetail = nil
        guard form == nil, let detail = details[request.instanceId] else { return [] }
        var spec = InstanceSpec(
            name: detail.name, description: detail.description, modelId: detail.modelId, registryId: detail.registryId,
            hardwareId: detail.hardwareId, containerPort: detail.containerPort ?? 8000,
            regions: detail.regions.map { RegionScaling(regionId: $0.regionId, scale: $0.scale) },
            podLifetime: detail.podLifetime, envs: detail.envs, startupCommand: detail.startupCommand,
            apiKeyIds: detail.apiKeyIds)
        switch request.kind {
        case .edit:
            let builder = InstanceForm(catalog: instanceFormCatalog(editing: detail))
            var form = builder.make(
                spec, title: "Edit \(detail.name)", submitLabel: "Save and redeploy", isEdit: true, height: height)
            form.notice = "Saving redeploys it: pods restart, the address may change"
            return open(FormSession(form: form, purpose: .editInstance(id: detail.id, name: detail.name)))
        case .clone:
            spec.name = detail.name + "-copy"
            let builder = InstanceForm(catalog: instanceFormCatalog(editing: nil))
            let form = builder.make(spec, title: "Clone \(detail.name)", submitLabel: "Deploy", isEdit: false,
                                    height: height)
            return open(FormSession(form: form, purpose: .createInstance))
        }
    }

    /// Shows the form, and refreshes the catalog so that capacities are current.
    private mutating func open(_ session: FormSession) -> [Effect] {
        form = session
        return syncInstanceForm(previous: session.form) + refreshCatalog(unlessOnTheirWay: true)
    }

    /// After an edit or new data: fields in step, checks redone, price asked again if it changed.
    /// The catalog lists that `n`'s defaults are made of have come: they
    /// arrive one by one, and a region chosen before the regions came would
    /// never be chosen.
    var holdsFormDefaults: Bool {
        [CatalogKind.models, .hardware, .regions].allSatisfy { poll(.catalog($0)).lastSuccess != nil }
    }

    mutating func syncInstanceForm(previous: Form) -> [Effect] {
        guard var session = form, session.purpose.isInstance else { return [] }
        let builder = instanceForm
        if builder.sync(&session.form, previous: previous, fillingDefaults: session.awaitsDefaults && holdsFormDefaults) {
            session.awaitsDefaults = false
        }
        let unticked = Set(previous.chosen(InstanceForm.Field.regions)).subtracting(session.form.chosen(InstanceForm.Field.regions))
        if !unticked.isEmpty, previous.selected(InstanceForm.Field.hardware) != session.form.selected(InstanceForm.Field.hardware) {
            let names = unticked.compactMap { Int($0).flatMap { id in regions.first { $0.id == id }?.name } }.sorted()
            let flavor = hardware.first { $0.id == session.form.selected(InstanceForm.Field.hardware) }.map(PaneTable.shortName)
            showInfo("Unticked \(names.joined(separator: ", ")): no room for \(flavor ?? "this hardware")")
        }
        let effects = session.price.change(to: builder.priceQuery(session.form))
        session.form.summary = session.price.summary
        form = session
        return effects
    }

    mutating func priceDue(token: Int) -> [Effect] {
        guard let session = form, session.price.token == token, let query = session.price.query else { return [] }
        return [.quotePrice(query, token: token)]
    }

    mutating func priceQuoted(token: Int, _ result: Result<PriceEstimate, APIError>) {
        guard var session = form, session.price.token == token else { return }
        session.price.isUpdating = false
        switch result {
        case .success(let estimate):
            session.price.estimate = estimate
            session.price.error = nil
        case .failure(let error):
            session.price.error = error
        }
        session.form.summary = session.price.summary
        form = session
    }

    /// Sends a valid instance form: POST for a new one, PATCH for an edit.
    mutating func submitInstance(_ session: inout FormSession) -> [Effect] {
        let spec = instanceForm.spec(session.form)
        session.submitting = true
        session.form.setErrors([:])
        showInfo("Saving \(spec.name)…")
        switch session.purpose {
        case .editInstance(let id, _): return [.perform(.updateInstance(id: id, spec: spec))]
        default: return [.perform(.createInstance(spec))]
        }
    }

    /// A create or update came back: on success close the form, show and select
    /// the instance and poll soon; on a refusal keep the form as typed, with the
    /// server's messages next to the fields they name.
    mutating func finishInstanceSave(_ mutation: Mutation, _ result: Result<Instance, APIError>) -> [Effect] {
        let spec: InstanceSpec
        switch mutation {
        case .createInstance(let sent), .updateInstance(_, let sent): spec = sent
        default: return []
        }
        let ownForm = form?.awaits(mutation) == true
        switch result {
        case .success(let instance):
            if ownForm {
                // The person is still waiting on this form: take them to the instance.
                form = nil
                detailId = nil
                pane = .instances
                listings[.instances]?.selectedId = instance.id
            }
            if let index = instances.firstIndex(where: { $0.id == instance.id }) {
                instances[index] = instance
            } else {
                instances.append(instance)
                created[instance.id] = PendingCreation(instance: instance, settledByPoll: poll(.instances).sent + 1)
            }
            reorder(.instances)
            if case .updateInstance = mutation {
                showInfo("Saved \(instance.name)")
            } else {
                showInfo("Deploying \(instance.name)… (\(instance.status.rawValue))")
            }
            return beginPoll(.instances) + refreshCatalog()
        case .failure(let error):
            guard ownForm, var session = form else {
                showError("Could not save \(spec.name): \(error)")
                return []
            }
            session.submitting = false
            if case .validation(let messages) = error {
                let placed = instanceForm.placeErrors(messages, sent: spec, in: session.form)
                session.form.setErrors(placed.byField, general: placed.general)
            } else {
                session.form.setErrors([:], general: ["Could not save \(spec.name): \(error)"])
            }
            form = session
            return []
        }
    }

    /// Enter in the delete dialog: only the exact name deletes.
    mutating func confirmDelete() -> [Effect] {
        guard case .deleteInstance(let id, let name, let typed) = overlay else { return [] }
        guard typed == name else {
            showError("Type \(name) exactly to delete it")
            return []
        }
        overlay = nil
        return [.perform(.deleteInstance(id: id, name: name))]
    }

    mutating func typeInDeleteDialog(_ change: (inout String) -> Void) {
        guard case .deleteInstance(let id, let name, var typed) = overlay else { return }
        change(&typed)
        overlay = .deleteInstance(id: id, name: name, typed: typed)
    }

    /// A delete came back: DELETING shows until the instance is gone from the list.
    mutating func finishDelete(id: String, name: String, error: APIError?) -> [Effect] {
        if let error {
            showError("Could not delete \(name): \(error)")
            return []
        }
        transitions[id] = PendingTransition(status: Transition.deleting, settledByPoll: poll(.instances).sent + 1)
        if detailId == id { detailId = nil }
        reorder(.instances)
        showInfo("Deleting \(name)…")
        return beginPoll(.instances) + refreshCatalog()
    }
}
