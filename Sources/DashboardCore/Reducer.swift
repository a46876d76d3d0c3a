import Foundation
import SesterceAPI

/// The one place state changes. Pure: no I/O, no clock, no randomness; time and
/// results arrive as actions, and work to do leaves as effects.
public func reduce(_ state: inout State, _ action: Action) -> [Effect] {
    switch action {
    case .launched(let time):
        state.now = time
        state.launchedAt = time
        return state.beginPoll(.instances) + state.beginPoll(.catalog)

    case .tick(let time):
        state.now = time
        if let flash = state.flash, flash.until <= time { state.flash = nil }
        return []

    case .resized(let width, let height):
        state.width = width
        state.height = height
        for pane in Pane.allCases { state.keepSelectionVisible(pane) }
        state.form?.form.resize(visibleRows: Form.visibleRows(screenHeight: height))
        return []

    case .pollDue(let kind, let token):
        guard state.poll(kind).token == token else { return [] }
        return state.beginPoll(kind)

    case .instancesPolled(let result, let detail, let time):
        return state.receiveInstances(result, detail: detail, at: time)

    case .detailLoaded(let result, let time):
        state.now = max(state.now, time)
        switch result {
        case .success(let detail): state.details[detail.id] = detail
        case .failure(let error): state.showError("Could not load the detail: \(error)")
        }
        state.reorder(.instances)
        return []

    case .catalogPolled(let result, let time):
        return state.receiveCatalog(result, at: time)

    case .hardwarePricesLoaded(let prices):
        state.hardwarePrices.merge(prices) { $1 }
        state.reorder(.hardware)
        return []

    case .mutationFinished(let mutation, let error):
        return state.finish(mutation, error: error)

    case .command(let command):
        return state.run(command)

    case .filterInput(let character):
        state.listing.filter.append(character)
        state.reorder(state.pane)
        return []

    case .filterBackspace:
        if !state.listing.filter.isEmpty { state.listing.filter.removeLast() }
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
        if state.overlay == .discardForm {
            state.overlay = nil
            state.form = nil
            return []
        }
        guard case .confirm(let mutation) = state.overlay else { return [] }
        state.overlay = nil
        guard !state.settings.readonly else {
            state.showError("read-only: no changes can be made")
            return []
        }
        if let id = mutation.instanceId {
            let label = if case .start = mutation { Transition.starting } else { Transition.stopping }
            state.transitions[id] = PendingTransition(status: label)
            state.reorder(.instances)
        }
        return [.perform(mutation)]

    case .cancel:
        state.overlay = nil
        return []

    case .formInput(let input):
        state.form?.form.apply(input)
        return []

    case .submitForm:
        return state.submitForm()

    case .cancelForm:
        state.cancelForm()
        return []
    }
}

extension State {
    static let infoFlashSeconds: Double = 4
    static let errorFlashSeconds: Double = 10

    mutating func showInfo(_ text: String) {
        flash = Flash(text: text, kind: .info, until: now.addingTimeInterval(Self.infoFlashSeconds))
    }

    mutating func showError(_ text: String) {
        flash = Flash(text: text, kind: .error, until: now.addingTimeInterval(Self.errorFlashSeconds))
    }
}
