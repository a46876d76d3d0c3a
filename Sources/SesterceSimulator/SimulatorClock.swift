import Foundation
import Synchronization

/// Where the simulator reads the time. Instance lifecycles are computed from it,
/// so a test can move time forward instead of sleeping.
public protocol SimulatorClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: SimulatorClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class ManualClock: SimulatorClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}
