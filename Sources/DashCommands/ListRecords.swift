import Foundation
import SesterceAPI

// The JSON of `sesterce-dash list ... --output json`: one record type per
// kind, owned here rather than borrowed from the API models so that the
// output only changes on purpose. Every field is always present (null when
// unknown), money is a number in dollars per hour, dates are ISO 8601 UTC.

/// One instance: `list instances`.
public struct InstanceRecord: Encodable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var status: String
    public var hourlyPrice: Double
    public var features: [String]
    public var address: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Whether its time is debited now: `billed`, `starting` or `notBilled`.
    public var billing: Billing

    public init(_ instance: Instance) {
        billing = Billing(instance.status)
        id = instance.id
        name = instance.name
        status = instance.status.rawValue
        hourlyPrice = instance.hourlyPrice
        features = instance.features
        address = instance.address
        createdAt = instance.createdAt
        updatedAt = instance.updatedAt
    }

    enum CodingKeys: CodingKey { case id, name, status, hourlyPrice, features, address, createdAt, updatedAt, billing }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(hourlyPrice, forKey: .hourlyPrice)
        try c.encode(features, forKey: .features)
        try c.encode(address, forKey: .address)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(billing, forKey: .billing)
    }
}

/// One region and its free pods per hardware id: `list regions`.
public struct RegionRecord: Encodable, Equatable, Sendable {
    public var id: Int
    public var name: String
    public var countryCode: String
    public var state: String
    public var capacities: [String: Int]

    public init(_ region: Region) {
        id = region.id
        name = region.name
        countryCode = region.countryCode
        state = region.state
        capacities = region.capacities
    }
}

/// One hardware flavor and what one pod of it costs: `list hardware`.
public struct HardwareRecord: Encodable, Equatable, Sendable {
    public struct GPURecord: Encodable, Equatable, Sendable {
        public var model: String
        public var count: Int
        public var memoryGiB: Int
    }

    public var id: String
    public var name: String
    public var cpuMillicores: Int
    public var ramMiB: Int
    public var gpu: GPURecord?
    /// One pod for an hour, from the pricing preview; null when it could not be had.
    public var hourlyPrice: Double?

    public init(_ flavor: HardwareFlavor, hourlyPrice: Double?) {
        id = flavor.id
        name = flavor.name
        cpuMillicores = flavor.cpuMillicores
        ramMiB = flavor.ramMiB
        gpu = flavor.gpu.map { GPURecord(model: $0.model, count: $0.count, memoryGiB: $0.memoryGiB) }
        self.hourlyPrice = hourlyPrice
    }

    enum CodingKeys: CodingKey { case id, name, cpuMillicores, ramMiB, gpu, hourlyPrice }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(cpuMillicores, forKey: .cpuMillicores)
        try c.encode(ramMiB, forKey: .ramMiB)
        try c.encode(gpu, forKey: .gpu)
        try c.encode(hourlyPrice, forKey: .hourlyPrice)
    }
}

/// One deployable model: `list models`.
public struct ModelRecord: Encodable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var port: Int?
    public var defaultHardwareId: String?
    public var features: [String]

    public init(_ model: InferenceModel) {
        id = model.id
        name = model.name
        port = model.port
        defaultHardwareId = model.defaultHardwareId
        features = model.features
    }

    enum CodingKeys: CodingKey { case id, name, port, defaultHardwareId, features }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(port, forKey: .port)
        try c.encode(defaultHardwareId, forKey: .defaultHardwareId)
        try c.encode(features, forKey: .features)
    }
}

/// One container registry (never its password): `list registries`.
public struct RegistryRecord: Encodable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var url: String
    public var username: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(_ registry: Registry) {
        id = registry.id
        name = registry.name
        url = registry.url
        username = registry.username
        createdAt = registry.createdAt
        updatedAt = registry.updatedAt
    }

    enum CodingKeys: CodingKey { case id, name, url, username, createdAt, updatedAt }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        try c.encode(username, forKey: .username)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
