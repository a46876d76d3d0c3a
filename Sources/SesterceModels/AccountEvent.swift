import Foundation

/// Something that happened to an account, worth telling someone who was not
/// looking: an instance changing, a budget crossed, a stop timer, the result
/// of a person's own action. Kept in the ledger, shown in the Events pane,
/// printed by `watch`, and sent as alerts.
public struct AccountEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The status changed (`old` → `new`).
        case status
        /// Ready pods changed (`old` → `new`, as "ready/total").
        case ready
        /// An `errorMessage` appeared (`new`) or changed.
        case error
        /// The `errorMessage` went away (`old`).
        case errorCleared
        /// An instance appeared in the list (`new`: its status).
        case appeared
        /// An instance left the list (`old`: its last status).
        case disappeared
        /// A budget threshold crossed (`new`: "80% of the monthly budget").
        case budget
        /// A stop timer set or changed (`new`: when), cancelled (`old`), or fired.
        case timerSet, timerCancelled, timerFired
        /// The result of the person's own action (`detail` says which).
        case action
        /// An alert could not be delivered (`detail`: why).
        case alertFailed
    }

    public var at: Date
    public var kind: Kind
    public var instanceId: String?
    public var instanceName: String?
    public var old: String?
    public var new: String?
    /// Words that do not fit old → new: an action's outcome, a failure's reason.
    public var detail: String?
    /// The instance's $/h when the event happened, for alerts.
    public var hourlyPrice: Double?

    public init(
        at: Date, kind: Kind, instanceId: String? = nil, instanceName: String? = nil, old: String? = nil,
        new: String? = nil, detail: String? = nil, hourlyPrice: Double? = nil
    ) {
        self.at = at
        self.kind = kind
        self.instanceId = instanceId
        self.instanceName = instanceName
        self.old = old
        self.new = new
        self.detail = detail
        self.hourlyPrice = hourlyPrice
    }

    /// old → new in words, as the Events pane's CHANGE column shows it.
    public var change: String {
        switch (old, new) {
        case (let old?, let new?): "\(old) → \(new)"
        case (nil, let new?): new
        case (let old?, nil): old
        case (nil, nil): ""
        }
    }

    /// One human sentence: what an alert says, and what `watch` prints.
    public var sentence: String {
        let who = instanceName ?? instanceId ?? "account"
        let price = hourlyPrice.map { String(format: " ($%.2f/h)", $0) } ?? ""
        return switch kind {
        case .status: "\(who): \(change)\(price)"
        case .ready: "\(who): ready pods \(change)\(price)"
        case .error: "\(who): error: \(new ?? "")"
        case .errorCleared: "\(who): error cleared"
        case .appeared: "\(who): appeared (\(new ?? "?"))\(price)"
        case .disappeared: "\(who): gone (was \(old ?? "?"))"
        case .budget: "Budget: \(new ?? "")"
        case .timerSet: "\(who): stop timer set for \(new ?? "?")"
        case .timerCancelled: "\(who): stop timer cancelled"
        case .timerFired: "\(who): stop timer fired, stopping\(price)"
        case .action: "\(who): \(detail ?? "")"
        case .alertFailed: "Alert not delivered: \(detail ?? "")"
        }
    }

    /// Which class of the config's `alerts.on` this event belongs to; nil for
    /// events that never alert (a timer set, an alert that failed).
    public var alertClass: AlertClass? {
        switch kind {
        case .error: return .error
        case .status:
            switch InstanceStatus(rawValue: new ?? "") {
            case .error, .failed: return .error
            case .partiallyDeployed: return .partial
            case .active: return .ready
            case .disabled: return .stopped
            case .deleted, .deleting: return .deleted
            default: return nil
            }
        case .ready:
            // Pods lost, or serving again from none (up, or back from zero):
            // not each step of the autoscaler (2/2 → 2/3 → 3/3, 3/3 → 2/2,
            // down to zero), which rang every minute on a busy account.
            guard let old = ReadyPods(old ?? ""), let new = ReadyPods(new ?? "") else { return nil }
            if new.isComplete, old.ready == 0 { return .ready }
            return new.ready < old.ready && new.ready < new.total ? .partial : nil
        case .disappeared: return .deleted
        case .budget: return .budget
        case .timerFired: return .timer
        case .errorCleared, .appeared, .timerSet, .timerCancelled, .action, .alertFailed: return nil
        }
    }
}

/// The kinds of event a person can ask to be alerted of (`alerts.on`).
public enum AlertClass: String, Hashable, Sendable, Codable, CaseIterable {
    case error, partial, ready, stopped, deleted, budget, timer
}

/// Ready pods of an instance out of its total, as "ready/total".
public struct ReadyPods: Hashable, Sendable, Codable, CustomStringConvertible {
    public var ready: Int
    public var total: Int

    public init(ready: Int, total: Int) {
        self.ready = ready
        self.total = total
    }

    /// Sums the regions of a detail.
    public init(_ detail: InstanceDetail) {
        self.init(ready: detail.regions.map(\.ready).saturatingSum, total: detail.regions.map(\.total).saturatingSum)
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let ready = Int(parts[0]), let total = Int(parts[1]) else { return nil }
        self.init(ready: ready, total: total)
    }

    public var isComplete: Bool { total > 0 && ready >= total }
    public var description: String { "\(ready)/\(total)" }
}
