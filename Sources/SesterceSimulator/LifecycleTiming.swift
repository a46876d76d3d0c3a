import Foundation

/// How long lifecycle steps take. `--speed` divides every duration, so a demo
/// can show a deployment in seconds while timestamps stay on the wall clock.
public struct LifecycleTiming: Sendable {
    /// Time for one more pod of a region to become ready while deploying.
    public var podReady: TimeInterval = 4
    /// Time an instance stays PENDING before it starts deploying.
    public var queued: TimeInterval = 8
    /// Time an instance stays DELETING before it is gone.
    public var deleting: TimeInterval = 6
    /// How often the simulated load (and so the pod count) of an active region changes.
    public var loadPeriod: TimeInterval = 45

    public init(speed: Double = 1) {
        let factor = speed > 0 ? 1 / speed : 1
        podReady *= factor
        queued *= factor
        deleting *= factor
        loadPeriod *= factor
    }
}
