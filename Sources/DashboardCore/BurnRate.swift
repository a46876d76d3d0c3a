import Foundation
import SesterceModels

/// What the account spends: the sum of the hourly price of billed instances,
/// projected per day (x24) and month (x730), and what was spent since launch.
/// Stopped, deleted and failed instances are not billed.
public struct BurnRate: Equatable, Sendable {
    public static let unbilled: Set<InstanceStatus> = [.disabled, .deleted, .failed, .error]

    public var perHour: Double
    public var perDay: Double { perHour * 24 }
    public var perMonth: Double { perHour * 730 }

    public init(perHour: Double) { self.perHour = perHour }

    public init(instances: [Instance]) {
        perHour = instances.reduce(0) { Self.isBilled($1.status) ? $0 + $1.hourlyPrice : $0 }
    }

    public static func isBilled(_ status: InstanceStatus) -> Bool { !unbilled.contains(status) }
}

/// Spend accrued since launch, integrated between polls: each sample adds the
/// previous rate times the time since the previous sample.
public struct CostMeter: Equatable, Sendable {
    public private(set) var accrued: Double = 0
    public private(set) var rate: BurnRate?
    public private(set) var lastSample: Date?

    public init() {}

    public mutating func sample(_ rate: BurnRate, at time: Date) {
        accrued = spent(at: time)
        self.rate = rate
        lastSample = time
    }

    /// Spend at `time`, counting the current rate since the last sample.
    public func spent(at time: Date) -> Double {
        guard let rate, let lastSample else { return accrued }
        return accrued + rate.perHour * max(0, time.timeIntervalSince(lastSample)) / 3600
    }
}
