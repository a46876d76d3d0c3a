import Foundation

// Mapping between the generated wire types and the domain models, in both
// directions: the client reads what the simulator writes with the same code.

public typealias Wire = Components.Schemas

extension InferenceModel {
    public init(_ wire: Wire.Model) {
        self.init(
            id: wire.id, name: wire.name, port: wire.port, defaultHardwareId: wire.defaultHardwareId,
            features: wire.features ?? [])
    }

    public var wire: Wire.Model {
        .init(id: id, name: name, port: port, defaultHardwareId: defaultHardwareId, features: features)
    }
}

extension HardwareFlavor {
    public init(_ wire: Wire.Hardware) {
        self.init(
            id: wire.id, name: wire.name, cpuMillicores: wire.cpu ?? 0, ramMiB: wire.ram ?? 0,
            gpu: wire.gpu.map { GPU(model: $0.model ?? "", count: $0.count ?? 0, memoryGiB: $0.memory ?? 0) })
    }

    public var wire: Wire.Hardware {
        .init(
            id: id, name: name, cpu: cpuMillicores, ram: ramMiB,
            gpu: gpu.map { .init(model: $0.model, count: $0.count, memory: $0.memoryGiB) })
    }
}

extension Region {
    public init(_ wire: Wire.Region) {
        var capacities: [String: Int] = [:]
        for entry in wire.capacities ?? [] { capacities[entry.hardwareId] = capacities[entry.hardwareId, default: 0].saturatingAdding(entry.capacity) }
        self.init(
            id: wire.id, name: wire.name, countryCode: wire.countryCode ?? "", state: wire.state ?? "",
            capacities: capacities)
    }

    public var wire: Wire.Region {
        .init(
            id: id, name: name, countryCode: countryCode, state: state,
            capacities: capacities.sorted { $0.key < $1.key }.map { .init(hardwareId: $0.key, capacity: $0.value) })
    }
}

extension Registry {
    public init(_ wire: Wire.Registry) {
        self.init(
            id: wire.id, name: wire.name, url: wire.url ?? "", username: wire.username,
            createdAt: wire.createdAt, updatedAt: wire.updatedAt)
    }

    public var wire: Wire.Registry {
        .init(id: id, name: name, url: url, username: username, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension PriceQuote {
    public init(_ wire: Wire.PricingQuote) {
        self.init(currencyCode: wire.currencyCode, pricePerHour: wire.pricePerHour, pricePerMonth: wire.pricePerMonth)
    }

    public var wire: Wire.PricingQuote {
        .init(currencyCode: currencyCode, pricePerHour: pricePerHour, pricePerMonth: pricePerMonth)
    }
}

extension ScalingTriggers {
    public init(_ wire: Wire.Triggers?) {
        self.init(
            cpu: wire?.cpu?.threshold, gpuMemory: wire?.gpuMemory?.threshold,
            gpuUtilization: wire?.gpuUtilization?.threshold, memory: wire?.memory?.threshold,
            http: wire?.http.map { HTTPRateTrigger(rate: $0.rate, window: $0.window) })
    }

    public var wire: Wire.Triggers {
        .init(
            cpu: cpu.map { .init(threshold: $0) }, gpuMemory: gpuMemory.map { .init(threshold: $0) },
            gpuUtilization: gpuUtilization.map { .init(threshold: $0) }, memory: memory.map { .init(threshold: $0) },
            http: http.map { .init(rate: $0.rate, window: $0.window) })
    }
}

extension ScaleLimits {
    public init(_ wire: Wire.Scale) {
        self.init(min: wire.min, max: wire.max, cooldownPeriod: wire.cooldownPeriod, triggers: ScalingTriggers(wire.triggers))
    }

    public var wire: Wire.Scale {
        .init(min: min, max: max, cooldownPeriod: cooldownPeriod, triggers: triggers.wire)
    }
}

extension RegionScaling {
    public init(_ wire: Wire.AutoScalingConfiguration) {
        self.init(regionId: wire.regionId, scale: ScaleLimits(wire.scale))
    }

    public var wire: Wire.AutoScalingConfiguration {
        .init(regionId: regionId, scale: scale.wire)
    }
}

extension InstanceSpec {
    public init(_ wire: Wire.InstanceCreateRequest) {
        self.init(
            name: wire.name ?? "", description: wire.description, modelId: wire.modelId, registryId: wire.registryId,
            hardwareId: wire.hardwareId, containerPort: wire.containerPort,
            regions: wire.autoScalingConfigurations.map(RegionScaling.init), podLifetime: wire.podLifetime,
            envs: wire.envs, startupCommand: wire.startupCommand, apiKeyIds: wire.apiKeyIds)
    }

    /// The spec an update carries; the name is not part of an update.
    public init(name: String, update wire: Wire.InstanceUpdateRequest) {
        self.init(
            name: name, description: wire.description, modelId: wire.modelId, registryId: wire.registryId,
            hardwareId: wire.hardwareId, containerPort: wire.containerPort,
            regions: wire.autoScalingConfigurations.map(RegionScaling.init), podLifetime: wire.podLifetime,
            envs: wire.envs, startupCommand: wire.startupCommand, apiKeyIds: wire.apiKeyIds)
    }

    public var createRequest: Wire.InstanceCreateRequest {
        .init(
            modelId: modelId, containerPort: containerPort, name: name, description: description,
            autoScalingConfigurations: regions.map(\.wire), podLifetime: podLifetime, envs: envs,
            hardwareId: hardwareId, startupCommand: startupCommand, registryId: registryId, apiKeyIds: apiKeyIds)
    }

    public var updateRequest: Wire.InstanceUpdateRequest {
        .init(
            modelId: modelId, containerPort: containerPort, description: description,
            autoScalingConfigurations: regions.map(\.wire), podLifetime: podLifetime, envs: envs,
            hardwareId: hardwareId, startupCommand: startupCommand, registryId: registryId, apiKeyIds: apiKeyIds)
    }
}

extension Instance {
    public init(_ wire: Wire.InstanceSummary) {
        self.init(
            id: wire.id, name: wire.name, status: InstanceStatus(rawValue: wire.status),
            hourlyPrice: wire.hourlyPrice ?? 0, features: wire.features ?? [], address: wire.address,
            createdAt: wire.createdAt, updatedAt: wire.updatedAt)
    }

    public var wire: Wire.InstanceSummary {
        .init(
            id: id, name: name, status: status.rawValue, hourlyPrice: hourlyPrice, features: features,
            address: address, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension RegionDeployment {
    public init(_ wire: Wire.Container) {
        self.init(
            regionId: wire.regionId, scale: ScaleLimits(wire.scale), total: wire.deployStatus?.total ?? 0,
            ready: wire.deployStatus?.ready ?? 0, errorMessage: wire.errorMessage)
    }

    public var wire: Wire.Container {
        .init(
            regionId: regionId, scale: scale.wire, deployStatus: .init(total: total, ready: ready),
            errorMessage: errorMessage)
    }
}

extension InstanceDetail {
    public init(_ wire: Wire.InstanceDetail) {
        self.init(
            id: wire.id, name: wire.name, status: InstanceStatus(rawValue: wire.status),
            hourlyPrice: wire.hourlyPrice ?? 0, features: wire.features ?? [], address: wire.address,
            containerPort: wire.containerPort, description: wire.description, podLifetime: wire.podLifetime,
            regions: (wire.containers ?? []).map(RegionDeployment.init), hardwareId: wire.hardwareId ?? "",
            modelId: wire.modelId, registryId: wire.registryId, envs: wire.envs ?? [:],
            startupCommand: wire.startupCommand, apiKeyIds: wire.apiKeysIds ?? [], createdAt: wire.createdAt,
            updatedAt: wire.updatedAt)
    }

    public var wire: Wire.InstanceDetail {
        .init(
            id: id, name: name, status: status.rawValue, hourlyPrice: hourlyPrice, features: features,
            address: address, containerPort: containerPort, description: description, podLifetime: podLifetime,
            containers: regions.map(\.wire), hardwareId: hardwareId, modelId: modelId, registryId: registryId,
            envs: envs, startupCommand: startupCommand, apiKeysIds: apiKeyIds, createdAt: createdAt,
            updatedAt: updatedAt)
    }
}
