import Foundation
import SesterceAPI

/// An instance as the simulator keeps it: its configuration, the phase it was
/// last put in and when. Everything that changes by itself over time (pods
/// becoming ready, load scaling, deletion finishing) is computed from the
/// elapsed time, so the state is the same whenever it is looked at.
struct SimulatedInstance: Sendable {
    enum Phase: Sendable, Equatable {
        /// Waiting (PENDING) for `queued`, then deploying.
        case queued
        case deploying
        case stopped
        /// A terminal failure with the status to report (ERROR or FAILED).
        case failed(status: String, message: String)
        case deleting
    }

    let id: String
    var spec: InstanceSpec
    var features: [String]
    let createdAt: Date
    var updatedAt: Date
    var phase: Phase
    var phaseStart: Date
    let address: String
    /// A region that never gets its last pod ready (the deployment ends PARTIALLYDEPLOYED).
    var failingRegionId: Int?
    var seed: UInt64

    static let partialDeployMessage =
        "Unexpected error occurred while launching the instance. Please contact the support team."

    /// What the instance looks like at `now`, region by region.
    func snapshot(at now: Date, timing: LifecycleTiming, hourlyPrice podPrice: Double) -> InstanceDetail {
        var status: InstanceStatus
        var regions: [RegionDeployment]
        var showAddress = true
        let elapsed = max(0, now.timeIntervalSince(phaseStart))
        switch phase {
        case .queued where elapsed < timing.queued:
            status = .pending
            regions = spec.regions.map { RegionDeployment(regionId: $0.regionId, scale: $0.scale, total: 0, ready: 0, errorMessage: nil) }
            showAddress = false
        case .queued, .deploying:
            let deployElapsed = phase == .queued ? elapsed - timing.queued : elapsed
            let steps = Int(deployElapsed / timing.podReady)
            let targets = spec.regions.map { Self.deployTarget($0.scale) }
            let done = steps >= (targets.max() ?? 0)
            regions = zip(spec.regions, targets).map { region, target in
                let failing = region.regionId == failingRegionId
                if done && !failing {
                    let pods = activePods(region, at: now, timing: timing)
                    return RegionDeployment(regionId: region.regionId, scale: region.scale, total: pods, ready: pods, errorMessage: nil)
                }
                let cap = failing ? max(0, target - 1) : target
                return RegionDeployment(
                    regionId: region.regionId, scale: region.scale, total: target, ready: min(cap, steps),
                    errorMessage: failing && done ? Self.partialDeployMessage : nil)
            }
            status = done ? (failingRegionId == nil ? .active : .partiallyDeployed) : .deploying
            showAddress = regions.contains { $0.ready > 0 } || done
        case .stopped:
            status = .disabled
            regions = spec.regions.map { RegionDeployment(regionId: $0.regionId, scale: $0.scale, total: 0, ready: 0, errorMessage: nil) }
        case .failed(let failedStatus, let message):
            status = InstanceStatus(rawValue: failedStatus)
            regions = spec.regions.map { RegionDeployment(regionId: $0.regionId, scale: $0.scale, total: 0, ready: 0, errorMessage: message) }
        case .deleting:
            status = .deleting
            regions = spec.regions.map { RegionDeployment(regionId: $0.regionId, scale: $0.scale, total: 0, ready: 0, errorMessage: nil) }
        }
        let pods = regions.reduce(0) { $0 + $1.total }
        return InstanceDetail(
            id: id, name: spec.name, status: status, hourlyPrice: Pricing.cents(podPrice * Double(pods)),
            features: features, address: showAddress ? address : nil, containerPort: spec.containerPort,
            description: spec.description, podLifetime: spec.podLifetime, regions: regions, hardwareId: spec.hardwareId,
            modelId: spec.modelId, registryId: spec.registryId, envs: spec.envs ?? [:], startupCommand: spec.startupCommand,
            apiKeyIds: spec.apiKeyIds ?? [], createdAt: createdAt, updatedAt: updatedAt)
    }

    /// Whether the instance is gone for good (deletion finished) at `now`.
    func isGone(at now: Date, timing: LifecycleTiming) -> Bool {
        phase == .deleting && now.timeIntervalSince(phaseStart) >= timing.deleting
    }

    /// Whether the instance holds capacity: from create or start until stop, failure or delete.
    var reservesCapacity: Bool {
        switch phase {
        case .queued, .deploying: true
        case .stopped, .failed, .deleting: false
        }
    }

    /// Pods a region starts with: its minimum, but at least one so it can serve.
    static func deployTarget(_ scale: ScaleLimits) -> Int { max(scale.min, 1) }

    /// Pods of an active region under the simulated load: between min and max,
    /// changing every `loadPeriod`; zero only when an HTTP trigger allows it.
    func activePods(_ region: RegionScaling, at now: Date, timing: LifecycleTiming) -> Int {
        let scale = region.scale
        let low = scale.min, high = max(scale.max, scale.min)
        guard high > low else { return max(low, scale.triggers.http == nil ? 1 : 0) }
        let bucket = UInt64(max(0, now.timeIntervalSince1970 / timing.loadPeriod))
        let roll = SeededGenerator.mix(seed, UInt64(region.regionId), bucket)
        // Load is usually low: weight towards the minimum.
        let span = UInt64(high - low + 1)
        let pods = low + Int(min(roll % span, (roll >> 32) % span))
        return scale.triggers.http == nil ? max(pods, 1) : pods
    }
}
