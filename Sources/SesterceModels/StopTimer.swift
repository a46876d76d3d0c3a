import Foundation

/// "Stop this instance at this time": kept in the ledger so that it outlives
/// the process that set it, and fired once by whichever process of the
/// account is running then.
public struct StopTimer: Hashable, Sendable, Codable {
    public var instanceId: String
    public var instanceName: String
    public var dueAt: Date

    public init(instanceId: String, instanceName: String, dueAt: Date) {
        self.instanceId = instanceId
        self.instanceName = instanceName
        self.dueAt = dueAt
    }

    /// A time as events and `timer list` write it (UTC, to the second).
    public static func iso(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
