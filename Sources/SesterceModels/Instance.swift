import Foundation

/// An instance as the list returns it: enough to watch status and cost.
public struct Instance: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var status: InstanceStatus
    /// What the instance costs per hour now, following its running pods.
    public var hourlyPrice: Double
    public var features: [String]
    /// The endpoint URL; nil while deploying.
    public var address: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(
        id: String, name: String, status: InstanceStatus, hourlyPrice: Double, features: [String],
        address: String?, createdAt: Date?, updatedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.hourlyPrice = hourlyPrice
        self.features = features
        self.address = address
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One region of an instance: its limits and how far its deployment got.
/// The detail calls these `containers`.
public struct RegionDeployment: Hashable, Sendable, Codable {
    public var regionId: Int
    public var scale: ScaleLimits
    public var total: Int
    public var ready: Int
    public var errorMessage: String?

    public init(regionId: Int, scale: ScaleLimits, total: Int, ready: Int, errorMessage: String?) {
        self.regionId = regionId
        self.scale = scale
        self.total = total
        self.ready = ready
        self.errorMessage = errorMessage
    }
}

/// Everything the service tells about one instance.
public struct InstanceDetail: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var status: InstanceStatus
    public var hourlyPrice: Double
    public var features: [String]
    public var address: String?
    public var containerPort: Int?
    public var description: String?
    public var podLifetime: Int?
    public var regions: [RegionDeployment]
    public var hardwareId: String
    public var modelId: String?
    public var registryId: String?
    public var envs: [String: String]
    public var startupCommand: String?
    public var apiKeyIds: [String]
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(
        id: String, name: String, status: InstanceStatus, hourlyPrice: Double, features: [String],
        address: String?, containerPort: Int?, description: String?, podLifetime: Int?,
        regions: [RegionDeployment], hardwareId: String, modelId: String?, registryId: String?,
        envs: [String: String], startupCommand: String?, apiKeyIds: [String], createdAt: Date?, updatedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.hourlyPrice = hourlyPrice
        self.features = features
        self.address = address
        self.containerPort = containerPort
        self.description = description
        self.podLifetime = podLifetime
        self.regions = regions
        self.hardwareId = hardwareId
        self.modelId = modelId
        self.registryId = registryId
        self.envs = envs
        self.startupCommand = startupCommand
        self.apiKeyIds = apiKeyIds
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The list row this detail corresponds to.
    public var summary: Instance {
        Instance(
            id: id, name: name, status: status, hourlyPrice: hourlyPrice, features: features,
            address: address, createdAt: createdAt, updatedAt: updatedAt)
    }
}
