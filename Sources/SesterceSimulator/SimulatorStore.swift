import Foundation
import SesterceAPI

/// The simulated account: catalog, registries and instances, behind one actor so
/// that every request sees a consistent state. Instance states are computed
/// from the clock when read (see `SimulatedInstance`).
public actor SimulatorStore {
    public let catalog: SimulatorCatalog
    public let timing: LifecycleTiming
    private let clock: any SimulatorClock
    private var random: SeededGenerator
    private var instances: [SimulatedInstance] = []
    private var registries: [Registry] = []
    /// Chance (0...1) that a new deployment leaves one region short of a pod (PARTIALLYDEPLOYED).
    private let partialDeployRate: Double
    /// `http://127.0.0.1:PORT/` once the server listens: chat instances are
    /// given `<base>endpoints/<id>/` as their address, served by `EndpointRoutes`.
    private var endpointBase: String?

    public init(options: SimulatorOptions, clock: any SimulatorClock) {
        catalog = SimulatorCatalog(seed: options.seed)
        timing = LifecycleTiming(speed: options.speed)
        self.clock = clock
        random = SeededGenerator(seed: options.seed &+ 1)
        partialDeployRate = options.partialDeployRate
        let now = clock.now()
        registries = DemoAccount.registries(now: now, random: &random)
        instances = DemoAccount.instances(
            count: options.instances, catalog: catalog, registries: registries, now: now, random: &random)
    }

    // MARK: Catalog

    public func models() -> [InferenceModel] { catalog.models }

    public func hardware() -> [HardwareFlavor] { catalog.hardware.map(\.flavor) }

    /// Regions with their free capacity: total minus what live instances reserve.
    public func regions() -> [Region] {
        prune()
        let used = reservedPods()
        return catalog.regions.map { region in
            var free = region
            for (hardwareId, total) in region.capacities {
                free.capacities[hardwareId] = max(0, total - used[Key(region.id, hardwareId), default: 0])
            }
            return free
        }
    }

    public func price(hardwareId: String, maxPods: [Int]) -> PriceQuote? {
        guard let podPrice = catalog.price(ofHardware: hardwareId) else { return nil }
        let quote = Pricing.quote(podPrice: podPrice, maxPods: maxPods)
        return PriceQuote(currencyCode: "USD", pricePerHour: quote.perHour, pricePerMonth: quote.perMonth)
    }

    // MARK: Registries

    public func listRegistries() -> [Registry] {
        registries.map { var listed = $0; listed.username = nil; return listed }
    }

    func hasRegistry(_ id: String) -> Bool { registries.contains { $0.id == id } }

    public func createRegistry(name: String, credentials: RegistryCredentials) -> Registry {
        let now = clock.now()
        let registry = Registry(
            id: random.objectId(), name: name, url: credentials.url, username: credentials.username,
            createdAt: now, updatedAt: now)
        registries.append(registry)
        return registry
    }

    public func updateRegistry(id: String, credentials: RegistryCredentials) -> Bool {
        guard let index = registries.firstIndex(where: { $0.id == id }) else { return false }
        registries[index].url = credentials.url
        registries[index].username = credentials.username
        registries[index].updatedAt = clock.now()
        return true
    }

    public func deleteRegistry(id: String) -> Bool {
        guard let index = registries.firstIndex(where: { $0.id == id }) else { return false }
        registries.remove(at: index)
        return true
    }

    // MARK: Instances

    public func listInstances() -> [Instance] {
        prune()
        let now = clock.now()
        return instances.map { snapshot($0, now: now).summary }
    }

    public func instance(id: String) -> InstanceDetail? {
        prune()
        return instances.first { $0.id == id }.map { snapshot($0, now: clock.now()) }
    }

    /// Problems with a create (`updating` nil) or update body, as the service lists them.
    func problems(inInstanceBody body: JSONValue, updating id: String?) -> [String] {
        prune()
        var used = reservedPods()
        if let id, let own = instances.first(where: { $0.id == id }), own.reservesCapacity {
            for region in own.spec.regions { used[Key(region.regionId, own.spec.hardwareId), default: 0] -= region.scale.max }
        }
        var validator = RequestValidator(
            freeCapacity: { [catalog] regionId, hardwareId in
                let total = catalog.regions.first { $0.id == regionId }?.capacity(for: hardwareId) ?? 0
                return max(0, total - used[Key(regionId, hardwareId), default: 0])
            },
            catalog: catalog, registryIds: Set(registries.map(\.id)),
            takenNames: Set(instances.filter { $0.id != id }.map(\.spec.name)))
        return validator.validateInstance(body, requireName: id == nil)
    }

    func problems(inPricingBody body: JSONValue) -> [String] {
        var validator = RequestValidator(freeCapacity: { _, _ in 0 }, catalog: catalog, registryIds: [], takenNames: [])
        return validator.validatePricing(body)
    }

    func problems(inRegistryBody body: JSONValue, creating: Bool) -> [String] {
        var validator = RequestValidator(freeCapacity: { _, _ in 0 }, catalog: catalog, registryIds: [], takenNames: [])
        return validator.validateRegistry(body, requireName: creating)
    }

    /// Deploys a new instance (already validated): DEPLOYING at once.
    public func create(_ spec: InstanceSpec) -> Instance {
        let now = clock.now()
        let features = spec.modelId.flatMap { id in catalog.models.first { $0.id == id }?.features } ?? ["custom"]
        let seed = random.next()
        let failing = Double.random(in: 0..<1, using: &random) < partialDeployRate ? spec.regions.last?.regionId : nil
        let instance = SimulatedInstance(
            id: random.objectId(), spec: spec, features: features, createdAt: now, updatedAt: now, phase: .deploying,
            phaseStart: now, address: DemoAccount.address(for: spec.name, random: &random), failingRegionId: failing,
            seed: seed)
        instances.append(instance)
        return snapshot(instance, now: now).summary
    }

    /// Applies a new configuration (already validated) and redeploys.
    public func update(id: String, _ spec: InstanceSpec) -> Instance? {
        guard let index = instances.firstIndex(where: { $0.id == id }) else { return nil }
        let now = clock.now()
        var spec = spec
        spec.name = instances[index].spec.name
        instances[index].spec = spec
        instances[index].updatedAt = now
        if instances[index].reservesCapacity {
            instances[index].phase = .deploying
            instances[index].phaseStart = now
            instances[index].failingRegionId = nil
        }
        return snapshot(instances[index], now: now).summary
    }

    public enum TransitionError: Error, Equatable {
        case notFound
        case refused(String)
    }

    public func start(id: String) throws(TransitionError) {
        prune()
        guard let index = instances.firstIndex(where: { $0.id == id }) else { throw .notFound }
        let instance = instances[index]
        switch instance.phase {
        case .queued, .deploying: throw .refused("Instance \(instance.spec.name) is already running")
        case .deleting: throw .refused("Instance \(instance.spec.name) is being deleted")
        case .stopped, .failed: break
        }
        let used = reservedPods()
        for region in instance.spec.regions {
            let total = catalog.regions.first { $0.id == region.regionId }?.capacity(for: instance.spec.hardwareId) ?? 0
            let free = total - used[Key(region.regionId, instance.spec.hardwareId), default: 0]
            if region.scale.max > free {
                let name = catalog.regions.first { $0.id == region.regionId }?.name ?? "\(region.regionId)"
                throw .refused("Not enough capacity in \(name) to start \(instance.spec.name) (\(max(0, free)) available)")
            }
        }
        let now = clock.now()
        instances[index].phase = .deploying
        instances[index].phaseStart = now
        instances[index].updatedAt = now
        instances[index].failingRegionId = nil
    }

    public func stop(id: String) throws(TransitionError) {
        prune()
        guard let index = instances.firstIndex(where: { $0.id == id }) else { throw .notFound }
        switch instances[index].phase {
        case .stopped: throw .refused("Instance \(instances[index].spec.name) is already stopped")
        case .deleting: throw .refused("Instance \(instances[index].spec.name) is being deleted")
        case .queued, .deploying, .failed: break
        }
        let now = clock.now()
        instances[index].phase = .stopped
        instances[index].phaseStart = now
        instances[index].updatedAt = now
    }

    public func delete(id: String) throws(TransitionError) {
        prune()
        guard let index = instances.firstIndex(where: { $0.id == id }) else { throw .notFound }
        guard instances[index].phase != .deleting else { return }
        let now = clock.now()
        instances[index].phase = .deleting
        instances[index].phaseStart = now
        instances[index].updatedAt = now
    }

    // MARK: Endpoints

    /// From now on, chat instances' addresses point at this server (`base` ends with `/`).
    func serveEndpoints(at base: String) {
        endpointBase = base
    }

    /// What an endpoint request needs to know of an instance: nil when unknown.
    func endpointTarget(id: String) -> EndpointTarget? {
        prune()
        guard let instance = instances.first(where: { $0.id == id }) else { return nil }
        let detail = snapshot(instance, now: clock.now())
        let model = instance.spec.modelId.flatMap { id in catalog.models.first { $0.id == id } }
        let gpu = catalog.hardware.first { $0.flavor.id == instance.spec.hardwareId }?.flavor.gpu
        return EndpointTarget(
            status: detail.status, modelName: model?.name, chat: instance.features.contains("chat"),
            pods: detail.regions.reduce(0) { $0 + $1.total },
            timing: EndpointTiming.forHardware(gpuModel: gpu?.model, count: gpu?.count ?? 0), seed: instance.seed)
    }

    // MARK: Internals

    private struct Key: Hashable {
        var regionId: Int
        var hardwareId: String
        init(_ regionId: Int, _ hardwareId: String) {
            self.regionId = regionId
            self.hardwareId = hardwareId
        }
    }

    /// Pods reserved per region and hardware: each live instance holds its maximum.
    private func reservedPods() -> [Key: Int] {
        var used: [Key: Int] = [:]
        for instance in instances where instance.reservesCapacity {
            for region in instance.spec.regions {
                used[Key(region.regionId, instance.spec.hardwareId), default: 0] += region.scale.max
            }
        }
        return used
    }

    private func snapshot(_ instance: SimulatedInstance, now: Date) -> InstanceDetail {
        var detail = instance.snapshot(
            at: now, timing: timing, hourlyPrice: catalog.price(ofHardware: instance.spec.hardwareId) ?? 0)
        if let endpointBase, detail.address != nil, instance.features.contains("chat") {
            detail.address = "\(endpointBase)endpoints/\(instance.id)/"
        }
        return detail
    }

    /// Forgets instances whose deletion has finished.
    private func prune() {
        let now = clock.now()
        instances.removeAll { $0.isGone(at: now, timing: timing) }
    }
}
