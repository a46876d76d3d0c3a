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

/// Spend observed since launch, counted as the ledger counts it: each poll
/// adds the previous poll's rate over the time since that poll, when that
/// time is short enough to have been watched (`maxGap`); a longer silence
/// (the service unreachable, the machine asleep) adds nothing. Nothing is
/// counted past the last poll, so while the service does not answer the
/// figure stands still instead of growing on a rate nobody saw.
public struct CostMeter: Equatable, Sendable {
    public private(set) var spent: Double = 0
    public private(set) var rate: BurnRate?
    public private(set) var lastSample: Date?

    public init() {}

    public mutating func sample(_ rate: BurnRate, at time: Date, maxGap: Double) {
        if let previous = self.rate, let lastSample {
            let span = time.timeIntervalSince(lastSample)
            if span > 0, span <= maxGap { spent += previous.perHour * span / 3600 }
        }
        self.rate = rate
        lastSample = time
    }
}
