import Foundation
import SesterceModels

/// What the account spends: the sum of the hourly price of billed instances
/// (by `Billing`), projected per day (x24) and month (x730), and apart what
/// the instances on their way up will add once they are.
public struct BurnRate: Equatable, Sendable {
    public var perHour: Double
    /// $/h of instances starting: not debited yet.
    public var startingPerHour: Double
    public var perDay: Double { perHour * 24 }
    public var perMonth: Double { perHour * 730 }

    public init(perHour: Double, startingPerHour: Double = 0) {
        self.perHour = perHour
        self.startingPerHour = startingPerHour
    }

    public init(instances: [Instance]) {
        self.init(prices: instances.map { ($0.status, $0.hourlyPrice) })
    }

    public init(prices: [(status: InstanceStatus, hourlyPrice: Double)]) {
        var billed = 0.0, starting = 0.0
        for (status, price) in prices {
            switch Billing(status) {
            case .billed: billed += price
            case .starting: starting += price
            case .notBilled: break
            }
        }
        self.init(perHour: billed, startingPerHour: starting)
    }
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
