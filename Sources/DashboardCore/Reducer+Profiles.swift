/// `:ctx`: the credentials profiles, listed or switched to without a restart.
/// A switch opens the new account first (the runtime's work), and only once
/// it is open drops everything of the old one: an unknown profile or one
/// that cannot be opened changes nothing.
extension State {
    /// `:ctx` alone lists the profiles; `:ctx NAME` switches to one.
    mutating func runContext(_ profile: String?) -> [Effect] {
        guard let profile else {
            listProfiles()
            return []
        }
        let choice = settings.profiles
        if let fixed = choice.fixed {
            showError("Cannot switch profiles: \(fixed)")
            return []
        }
        guard choice.names.contains(profile) else {
            showError("No profile \(profile) in the credentials file (\(Self.listed(choice)))")
            return []
        }
        if profile == choice.current {
            showInfo("Already on profile \(profile)")
            return []
        }
        if let pending = switchingTo {
            showInfo("Still switching to profile \(pending)…")
            return []
        }
        switchingTo = profile
        showInfo("Switching to profile \(profile)…")
        return [.openAccount(profile: profile)]
    }

    private mutating func listProfiles() {
        let choice = settings.profiles
        if let fixed = choice.fixed {
            showInfo("No profile to switch to: \(fixed)" + (choice.names.isEmpty ? "" : " (\(Self.listed(choice)))"))
        } else if choice.names.isEmpty {
            showInfo("No profile with a key in the credentials file")
        } else {
            showInfo("\(Self.listed(choice)); :ctx NAME switches")
        }
    }

    /// `profiles: a (in use), b`.
    private static func listed(_ choice: ProfileChoice) -> String {
        "profiles: " + choice.names.map { $0 == choice.current ? "\($0) (in use)" : $0 }.joined(separator: ", ")
    }

    /// The new account is open: everything of the old one goes (its rows,
    /// details, catalog, cost, events, timers, forms, playground), the runtime
    /// is told to use the new one, and its first polls go out. What belongs
    /// to the session stays: the screen size, the pane, the sort of each
    /// pane, the prompt's history and the message log.
    mutating func switchAccount(to account: AccountContext) -> [Effect] {
        var settings = self.settings
        settings.host = account.host
        settings.profiles = ProfileChoice(names: account.profiles, current: account.profile)
        settings.ledger = account.ledger
        settings.ledgerNotice = nil
        var fresh = State(settings: settings, now: now)
        (fresh.width, fresh.height, fresh.pane) = (width, height, pane)
        for (pane, listing) in listings {
            fresh.listings[pane]?.sortColumn = listing.sortColumn
            fresh.listings[pane]?.ascending = listing.ascending
        }
        fresh.ledger.window = ledger.window
        (fresh.promptHistory, fresh.messages, fresh.flashCount) = (promptHistory, messages, flashCount)
        // Numbers that must keep growing: a poll timer or an endpoint
        // request of the old account can never pass for one of the new.
        for kind in PollKind.all { fresh.polls[kind]?.token = poll(kind).token }
        fresh.endpointRequests = endpointRequests
        fresh.clockArmed = clockArmed
        fresh.endpointSecret = account.endpointSecret
        self = fresh
        showInfo("Switched to profile \(account.profile) (\(account.host))")
        for notice in account.notices { showError(notice) }
        let disarmed: [Effect] = PollKind.all.map { .cancel(.poll($0)) } + [.cancel(.detailSweep), .cancel(.stopTimers)]
        let paneData: [Effect] = switch pane {
        case .cost where account.ledger: [loadCostHistory(at: now)]
        case .events where account.ledger: [.loadEvents]
        default: []
        }
        return [.activateAccount] + disarmed + PollKind.all.flatMap { beginPoll($0) } + paneData
    }
}
