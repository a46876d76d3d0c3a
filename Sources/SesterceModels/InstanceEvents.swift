import Foundation

/// What is known of one instance at one look: the list's status, and from its
/// latest detail (when one was fetched) its ready pods and error.
public struct InstanceObservation: Hashable, Sendable {
    public var id: String
    public var name: String
    public var status: String
    public var hourlyPrice: Double
    /// Nil until a detail has been fetched: unknown, not zero.
    public var ready: ReadyPods?
    /// The first region's `errorMessage`, when a detail has been fetched.
    public var errorMessage: String?

    public init(id: String, name: String, status: String, hourlyPrice: Double, ready: ReadyPods?, errorMessage: String?) {
        self.id = id
        self.name = name
        self.status = status
        self.hourlyPrice = hourlyPrice
        self.ready = ready
        self.errorMessage = errorMessage
    }

    /// An instance of the list, with its detail if one is known.
    public init(_ instance: Instance, detail: InstanceDetail?) {
        self.init(
            id: instance.id, name: instance.name, status: instance.status.rawValue, hourlyPrice: instance.hourlyPrice,
            ready: detail.map(ReadyPods.init), errorMessage: detail?.errorMessage)
    }
}

extension InstanceDetail {
    /// The error of the first region that has one (the service reports it per region).
    public var errorMessage: String? {
        regions.lazy.compactMap(\.errorMessage).first { !$0.isEmpty }
    }
}

/// The events between two looks at an account, as a pure function so that it
/// can be tested on its own and run wherever the looks are (the dashboard's
/// memory, or the ledger's last record of the account, shared by every
/// process watching it).
public enum InstanceEvents {
    /// What changed from `before` to `after`, in a stable order (by instance
    /// id, then kind). No `before` (the first look at an account) is a
    /// baseline: nothing is reported. What is unknown on either side (ready
    /// pods not fetched, no detail yet) is not a change.
    public static func between(
        _ before: [String: InstanceObservation]?, _ after: [String: InstanceObservation], at time: Date
    ) -> [AccountEvent] {
        guard let before else { return [] }
        var events: [AccountEvent] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            switch (before[id], after[id]) {
            case (nil, let new?):
                events.append(event(.appeared, new, at: time, new: new.status))
            case (let old?, nil):
                events.append(event(.disappeared, old, at: time, old: old.status))
            case (let old?, let new?):
                if old.status != new.status {
                    events.append(event(.status, new, at: time, old: old.status, new: new.status))
                }
                if let was = old.ready, let now = new.ready, was != now {
                    events.append(event(.ready, new, at: time, old: was.description, new: now.description))
                }
                if old.ready != nil, new.ready != nil, old.errorMessage != new.errorMessage {
                    if let message = new.errorMessage {
                        events.append(event(.error, new, at: time, old: old.errorMessage, new: message))
                    } else {
                        events.append(event(.errorCleared, new, at: time, old: old.errorMessage))
                    }
                }
            case (nil, nil):
                break
            }
        }
        return events
    }

    private static func event(
        _ kind: AccountEvent.Kind, _ instance: InstanceObservation, at time: Date, old: String? = nil, new: String? = nil
    ) -> AccountEvent {
        AccountEvent(
            at: time, kind: kind, instanceId: instance.id, instanceName: instance.name, old: old, new: new,
            hourlyPrice: instance.hourlyPrice)
    }
}

/// An instance's ready pods and error from a detail, with the time it was
/// fetched: what the ledger needs to tell ready pods changing, where an older
/// detail must never replace a newer one.
public struct InstanceReadiness: Hashable, Sendable {
    public var ready: ReadyPods
    public var errorMessage: String?
    public var at: Date

    public init(ready: ReadyPods, errorMessage: String?, at: Date) {
        self.ready = ready
        self.errorMessage = errorMessage
        self.at = at
    }

    public init(_ detail: InstanceDetail, at: Date) {
        self.init(ready: ReadyPods(detail), errorMessage: detail.errorMessage, at: at)
    }
}
