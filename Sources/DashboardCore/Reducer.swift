import Foundation
import SesterceModels

/// The one place state changes. Pure: no I/O, no clock, no randomness; time and
/// results arrive as actions, and work to do leaves as effects. Whatever the
/// action, a new footer message arms its expiry, a closed instance form's
/// price debounce is disarmed, and the clock runs while the screen shows a figure
/// that ages.
public func reduce(_ state: inout State, _ action: Action) -> [Effect] {
    let flashShown = state.flash?.number
    let instanceFormWasOpen = state.form?.purpose.isInstance == true
    // Headless, every instance counts as shown, and only a poll changes them.
    let shown = state.settings.headless ? nil : state.instancesOnScreen
    var effects = respond(&state, to: action)
    if instanceFormWasOpen, state.form == nil { effects.append(.cancel(.priceDebounce)) }
    // Other rows on screen (a scroll, a filter, another pane, a resize): the
    // sweep looks at once. Results of requests run it themselves.
    switch action {
    case .instancesPolled, .detailLoaded, .detailSweepDue: break
    default: if let shown, state.instancesOnScreen != shown { effects += state.sweepIfStarted() }
    }
    return effects + state.armFlashExpiry(replacing: flashShown) + state.armClock()
}

private func respond(_ state: inout State, to action: Action) -> [Effect] {
    switch action {
    case .launched(let time):
        state.now = time
        state.launchedAt = time
        if let notice = state.settings.ledgerNotice { state.showError(notice) }
        return PollKind.all.flatMap { state.beginPoll($0) }

    case .tick(let time):
        state.now = max(state.now, time)
        state.clockArmed = false
        return []

    case .flashExpired(let number):
        if state.flash?.number == number { state.flash = nil }
        return []

    case .resized(let width, let height):
        state.width = width
        state.height = height
        for pane in Pane.allCases { state.keepSelectionVisible(pane) }
        state.keepHelpScrollOnLastPage()
        state.form?.form.resize(visibleRows: Form.visibleRows(screenHeight: height))
        return []

    case .pollDue(let kind, let token):
        guard state.poll(kind).token == token else { return [] }
        return state.beginPoll(kind)

    case .instancesPolled(let result, let detail, let time):
        let effects = state.receiveInstances(result, detail: detail, at: time) + state.openAwaitedForm()
        // After a failure the service is in trouble: details wait for the next success.
        guard case .success = result else { return effects }
        state.detailSweepQueue = []
        return effects + state.sweepDetails()

    case .detailLoaded(let result, let time, let id):
        state.receiveDetail(result, id: id ?? (try? result.get())?.id, at: time)
        // A failed detail matters to a person only when they asked for it
        // (its form, its start question, or its open detail); the sweep asks
        // again later.
        var asked = state.formAwaitingDetail != nil || (id != nil && id == state.detailId)
        if case .confirm(.start(let startId, _))? = state.overlay, state.startAwaitsPrice, id == nil || id == startId { asked = true }
        if case .bulk(let bulk)? = state.overlay, state.startAwaitsPrice, bulk.targets.contains(where: { $0.id == id }) { asked = true }
        if case .failure(let error) = result, asked {
            state.formAwaitingDetail = nil
            // A start question is never asked without its price: it goes with the detail.
            if state.startAwaitsPrice { state.overlay = nil }
            state.showError("Could not load the detail: \(error)")
        }
        // Details change only READY, HARDWARE and REGIONS: the rows move only
        // when sorted or filtered by them (sorting 10,000 rows for each detail
        // would not do).
        if state.rowsDependOnDetails { state.reorder(.instances) }
        return state.openAwaitedForm() + state.sweepDetails()

    case .detailSweepDue(let time):
        // The time it fired, not the last result's: with an old `now` the
        // sweep's pacing saw no time pass, and re-armed itself at once for
        // the same few milliseconds, again and again until the next tick.
        state.now = max(state.now, time)
        return state.sweepDetails()

    case .catalogPolled(let list, let time):
        let effects = state.receiveCatalog(list, at: time)
        return effects + (state.form.map { state.syncInstanceForm(previous: $0.form) } ?? [])

    case .hardwarePricesLoaded(let asked, let prices):
        state.hardwarePricesAsked.subtract(asked)
        state.hardwarePrices.merge(prices) { $1 }
        state.reorder(.hardware)
        return state.form.map { state.syncInstanceForm(previous: $0.form) } ?? []

    case .requestsSlowed(let rate):
        state.showInfo("The service limits requests: asking \(Formatting.rate(rate)) from now on")
        return []

    case .mutationFinished(let mutation, let error):
        return state.finish(mutation, error: error) + state.noteResult(of: mutation, error: error)

    case .instanceSaved(let mutation, let result):
        let error: APIError? = if case .failure(let error) = result { error } else { nil }
        let created = try? result.get().id
        return state.finishInstanceSave(mutation, result) + state.noteResult(of: mutation, error: error, created: created)

    case .priceDue(let token):
        return state.priceDue(token: token)

    case .priceQuoted(let token, let result):
        state.priceQuoted(token: token, result)
        return []

    case .costHistoryLoaded(let history):
        return state.receiveCostHistory(history)

    case .ledgerFailed(let message):
        state.ledgerFailed(message)
        return []

    case .eventsDetected(let events):
        return state.receive(events)

    case .eventsLoaded(let events):
        state.loadedEvents(events)
        return []

    case .stopTimersLoaded(let timers):
        return state.loadedStopTimers(timers)

    case .stopTimersDue(let time):
        return state.stopTimersDue(at: time)

    case .stopTimerClaimed(let timer, let claimed):
        return state.stopTimerClaimed(timer, claimed: claimed)

    case .alertFailed(let event, let reason):
        return state.alertFailed(event, reason: reason)

    case .accountOpened(let context):
        return state.switchAccount(to: context)

    case .accountNotOpened(let profile, let reason):
        state.switchingTo = nil
        state.showError("Could not switch to profile \(profile): \(reason)")
        return []

    case .command(let command):
        return state.run(command)

    case .mouse(let kind, let target):
        return state.respond(toMouse: kind, on: target)

    case .filterInput(let character):
        state.listing.filter.append(character)
        state.reorder(state.pane)
        return []

    case .filterBackspace:
        if !state.listing.filter.isEmpty { state.listing.filter.removeLast() }
        state.reorder(state.pane)
        return []

    case .prompt(let key):
        return state.prompt(key)

    case .filterDeleteWord:
        let kept = state.listing.filter.reversed().drop { $0 == " " }.drop { $0 != " " }
        state.listing.filter = String(kept.reversed())
        state.reorder(state.pane)
        return []

    case .filterDeleteAll:
        state.listing.filter = ""
        state.reorder(state.pane)
        return []

    case .commitFilter:
        state.filterEditing = false
        return []

    case .clearFilter:
        state.filterEditing = false
        state.listing.filter = ""
        state.reorder(state.pane)
        return []

    case .confirm:
        return state.answerQuestion(.yes)

    case .cancel:
        return state.answerQuestion(.no)

    case .confirmInput(let character):
        state.typeInDeleteDialog { $0.append(character) }
        state.typeInStopTimer { $0.append(character) }
        state.typeInBulk { $0.append(character) }
        return []

    case .confirmBackspace:
        state.typeInDeleteDialog { if !$0.isEmpty { $0.removeLast() } }
        state.typeInStopTimer { if !$0.isEmpty { $0.removeLast() } }
        state.typeInBulk { if !$0.isEmpty { $0.removeLast() } }
        return []

    case .formInput(let input):
        guard let previous = state.form?.form else { return [] }
        state.form?.form.apply(input)
        return state.syncInstanceForm(previous: previous)

    case .submitForm:
        return state.submitForm()

    case .cancelForm:
        state.cancelForm()
        return []

    case .playgroundKey(let key):
        return state.playgroundKey(key)

    case .playground(let event):
        state.receive(event)
        return []
    }
}

extension State {
    static let infoFlashSeconds: Double = 4
    static let errorFlashSeconds: Double = 10

    mutating func showInfo(_ text: String) {
        show(text, kind: .info)
    }

    mutating func showError(_ text: String, failedPoll: PollKind? = nil) {
        show(text, kind: .error, failedPoll: failedPoll)
    }

    private mutating func show(_ text: String, kind: Flash.Kind, failedPoll: PollKind? = nil) {
        flashCount += 1
        flash = Flash(text: text, kind: kind, number: flashCount, failedPoll: failedPoll)
        messages.append(text, kind: kind, at: now)
    }

    /// The expiry of a message shown by this action (a later one replaces it).
    mutating func armFlashExpiry(replacing shown: Int?) -> [Effect] {
        guard let flash, flash.number != shown else { return [] }
        let seconds = flash.kind == .error ? Self.errorFlashSeconds : Self.infoFlashSeconds
        return [.timer(.flash, after: seconds, action: .flashExpired(flash.number))]
    }

    /// The header's "updated 3s ago" and "spent" age by the second; nothing
    /// else on screen does. Armed once a second while the header is shown.
    mutating func armClock() -> [Effect] {
        guard !clockArmed, showsHeader else { return [] }
        clockArmed = true
        return [.timer(.clock, after: 1, action: .tick(now))]
    }

    /// The header is drawn (the terminal is not too small for the screen).
    var showsHeader: Bool {
        width >= Layout.minimumWidth && height >= Layout.minimumHeight
    }
}
