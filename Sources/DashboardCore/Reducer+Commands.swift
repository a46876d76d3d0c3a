import SesterceModels

extension State {
    mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .showPane(let target):
            return switchPane(to: target)
        case .nextPane:
            return switchPane(to: pane.next)
        case .previousPane:
            return switchPane(to: pane.previous)
        case .move(let movement):
            if overlay == .help {
                scrollHelp(movement)
            } else if textPage != nil {
                scrollPage(movement)
            } else if detailId != nil {
                scrollDetail(movement)
            } else {
                move(movement)
            }
        case .openDetail:
            guard pane == .instances, detailId == nil, let id = listing.selectedId else { return [] }
            detailId = id
            detailScroll = 0
            return [.fetchDetail(id: id)]
        case .back:
            if detailId != nil {
                detailId = nil
            } else if !listing.filter.isEmpty {
                listing.filter = ""
                reorder(pane)
            }
        case .beginFilter:
            if detailId == nil { filterEditing = true }
        case .cycleSort:
            cycleSort()
        case .reverseSort:
            reverseSort()
        case .sortBy(let letter):
            sort(byLetter: letter)
        case .mark:
            markSelected()
        case .clearMarks:
            clearMarks()
        case .start, .stop:
            if actsOnMarks { return askBulk(command == .start ? .start : .stop) }
            return askToChange(start: command == .start)
        case .delete where actsOnMarks:
            return askBulk(.delete)
        case .new, .edit, .clone, .delete:
            return change(command)
        case .refresh:
            showInfo("Refreshing…")
            return beginPoll(.instances) + refreshCatalog()
        case .nextCostWindow:
            if pane == .cost { ledger.window = ledger.window.next }
        case .playground:
            return openPlayground()
        case .stopTimer:
            if actsOnMarks { return askBulk(.stopTimer) }
            askStopTimer()
        case .help:
            overlay = overlay == .help ? nil : .help
            helpScroll = 0
        case .messages:
            overlay = overlay == .messages ? nil : .messages
            pageScroll = 0
        case .beginPrompt:
            openPrompt()
        case .rawJSON:
            if case .raw? = overlay { overlay = nil } else { showRawJSON() }
        case .copyAddress:
            return copySelectedAddress()
        case .quit:
            return [.quit]
        }
        return []
    }

    /// `n`, `e`, `c`, `D`: on instances (the pane or an open detail) or registries.
    private mutating func change(_ command: Command) -> [Effect] {
        if pane == .registries, command != .clone { return changeRegistry(command) }
        guard pane == .instances else {
            showInfo(pane == .registries ? "Only instances can be cloned (c on the Instances pane, 1)"
                                         : "n, e, c and D act on instances (1) and registries (5)")
            return []
        }
        return changeInstance(command)
    }

    /// Opens an edit or clone form that was waiting for its instance's detail.
    mutating func openAwaitedForm() -> [Effect] {
        guard let request = formAwaitingDetail, details[request.instanceId] != nil else { return [] }
        return openInstanceForm(request)
    }

    /// Entering the Cost pane reads its history (with the top instances) at once.
    private mutating func switchPane(to target: Pane) -> [Effect] {
        let entering = target != pane
        pane = target
        detailId = nil
        filterEditing = false
        guard entering, settings.ledger else { return [] }
        switch target {
        case .cost: return [loadCostHistory(at: now)]
        case .events: return [.loadEvents]
        default: return []
        }
    }

    private mutating func scrollHelp(_ movement: Movement) {
        let help = helpLayout
        let page = max(1, help.visibleRows)
        let target = switch movement {
        case .up: helpScroll - 1
        case .down: helpScroll + 1
        case .pageUp: helpScroll - page
        case .pageDown: helpScroll + page
        case .top: 0
        case .bottom: help.maxScroll
        }
        // Stop at the last page, so that scrolling back answers at once.
        helpScroll = help.firstLine(scrolledTo: target)
    }

    /// After a resize the help may be shorter or the pane taller: the last
    /// page moves, and the scroll must not stay past it.
    mutating func keepHelpScrollOnLastPage() {
        guard overlay == .help else { return }
        helpScroll = helpLayout.firstLine(scrolledTo: helpScroll)
    }

    /// The help as the screen lays it out now: the same value the help overlay draws.
    private var helpLayout: HelpLayout { HelpModel(self, keymap: settings.keymap).layout }

    private mutating func scrollDetail(_ movement: Movement) {
        let page = Layout.detailRows(height: height)
        switch movement {
        case .up: detailScroll -= 1
        case .down: detailScroll += 1
        case .pageUp: detailScroll -= page
        case .pageDown: detailScroll += page
        case .top: detailScroll = 0
        case .bottom: detailScroll = Int.max
        }
        // Stop at the last page, so that scrolling back answers at once.
        let lines = detailId.map { InstanceDetailModel(id: $0, self).lines.count } ?? 0
        detailScroll = max(0, min(detailScroll, lines - page))
    }

    /// The question before a start or stop. A start says what it will cost,
    /// which needs the instance's detail: asked for now when it is missing,
    /// and the question shows "pricing…" (and takes no y) until it comes.
    mutating func askToChange(start: Bool) -> [Effect] {
        guard pane == .instances || detailId != nil, let instance = selectedInstance else { return [] }
        guard !settings.readonly else {
            showError("read-only: \(start ? "start" : "stop") is disabled (--readonly)")
            return []
        }
        if transitions[instance.id] != nil {
            showInfo("\(instance.name) is already \(transitions[instance.id]!.status.lowercased())")
            return []
        }
        if let reason = Self.pointless(start: start, status: instance.status) {
            showInfo("\(instance.name) \(reason)")
            return []
        }
        overlay = .confirm(start ? .start(id: instance.id, name: instance.name) : .stop(id: instance.id, name: instance.name))
        return start && details[instance.id] == nil ? [.fetchDetail(id: instance.id)] : []
    }

    /// A start asked while its price (or, for marked instances, one of
    /// theirs) is still unknown: y waits for it.
    var startAwaitsPrice: Bool {
        switch overlay {
        case .confirm(.start(let id, _))?: !isPriced(id)
        case .bulk(let action)? where action.kind == .start: action.targets.contains { !isPriced($0.id) }
        default: false
        }
    }

    /// The instance's detail and its hardware's one-pod price are known.
    private func isPriced(_ id: String) -> Bool {
        details[id].map { hardwarePrices[$0.hardwareId] != nil } ?? false
    }

    /// Why a start or stop would only be refused, said at once instead of after
    /// a dialog and a request; nil when the service may take it (a status this
    /// dashboard does not know is left to the service).
    static func pointless(start: Bool, status: InstanceStatus) -> String? {
        switch status {
        case .deleting, .deleted: "is being deleted"
        case .active, .deploying, .pending, .partiallyDeployed, .new: start ? "is already running" : nil
        case .disabled: start ? nil : "is already stopped"
        case .error, .failed, .other: nil
        }
    }

    mutating func finish(_ mutation: Mutation, error: APIError?) -> [Effect] {
        let verb: String, name: String, instanceId: String
        switch mutation {
        case .start(let id, let label): (verb, name, instanceId) = ("start", label, id)
        case .stop(let id, let label): (verb, name, instanceId) = ("stop", label, id)
        case .createRegistry(let label, _): return finishRegistry(mutation, "create", label, error: error)
        case .updateRegistry(_, let label, _): return finishRegistry(mutation, "update", label, error: error)
        case .deleteRegistry(_, let label): return finishRegistry(mutation, "delete", label, error: error)
        case .deleteInstance(let id, let label): return finishDelete(id: id, name: label, error: error)
        case .createInstance, .updateInstance: return []
        }
        if let error {
            transitions[instanceId] = nil
            reorder(.instances)
            showError("Could not \(verb) \(name): \(error)")
            return []
        }
        // The next poll sent (now, or queued behind one in flight) shows the result.
        let settlingPoll = poll(.instances).sent + 1
        transitions[instanceId]?.settledByPoll = settlingPoll
        showInfo(verb == "start" ? "Starting \(name)…" : "Stopping \(name)…")
        return beginPoll(.instances)
    }
}
