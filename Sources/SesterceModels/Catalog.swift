import Foundation

/// A model that can be deployed from the catalog, rather than a custom image.
public struct InferenceModel: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var port: Int?
    public var defaultHardwareId: String?
    public var features: [String]

    public init(id: String, name: String, port: Int?, defaultHardwareId: String?, features: [String]) {
        self.id = id
        self.name = name
        self.port = port
        self.defaultHardwareId = defaultHardwareId
        self.features = features
    }
}

/// The GPU part of a hardware flavor.
public struct GPU: Hashable, Sendable, Codable {
    public var model: String
    public var count: Int
    /// Memory of one GPU in GiB.
    public var memoryGiB: Int

    public init(model: String, count: Int, memoryGiB: Int) {
        self.model = model
        self.count = count
        self.memoryGiB = memoryGiB
    }
}

/// A machine shape one pod runs on. Its price is not part of it: the service
/// only tells prices through the pricing preview.
public struct HardwareFlavor: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// CPU in millicores (16000 = 16 vCPU).
    public var cpuMillicores: Int
    /// RAM in MiB.
    public var ramMiB: Int
    public var gpu: GPU?

    public init(id: String, name: String, cpuMillicores: Int, ramMiB: Int, gpu: GPU?) {
        self.id = id
        self.name = name
        self.cpuMillicores = cpuMillicores
        self.ramMiB = ramMiB
        self.gpu = gpu
    }
}

/// A region and how many more pods of each hardware flavor it can take.
public struct Region: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var countryCode: String
    /// `ACTIVE` when instances can be deployed there.
    public var state: String
    /// Free pods per hardware id.
    public var capacities: [String: Int]

    public init(id: Int, name: String, countryCode: String, state: String, capacities: [String: Int]) {
        self.id = id
        self.name = name
        self.countryCode = countryCode
        self.state = state
        self.capacities = capacities
    }

    public var isActive: Bool { state == "ACTIVE" }

    public func capacity(for hardwareId: String) -> Int { capacities[hardwareId] ?? 0 }
}

/// A private container registry for custom images. Its password is write-only.
public struct Registry: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var url: String
    /// Only known right after creation: the list does not return it.
    public var username: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(id: String, name: String, url: String, username: String?, createdAt: Date?, updatedAt: Date?) {
        self.id = id
        self.name = name
        self.url = url
        self.username = username
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a registry is created or updated with. Its descriptions leave the
/// password out, so that no log or error can show it.
public struct RegistryCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var url: String
    public var username: String
    public var password: String

    public init(url: String, username: String, password: String) {
        self.url = url
        self.username = username
        self.password = password
    }

    public var description: String { "RegistryCredentials(url: \(url), username: \(username), password: •••)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["url": url, "username": username, "password": "•••"]) }
}

/// The price of a configuration at its maximum scale.
public struct PriceQuote: Hashable, Sendable, Codable {
    public var currencyCode: String
    public var pricePerHour: Double
    public var pricePerMonth: Double

    public init(currencyCode: String, pricePerHour: Double, pricePerMonth: Double) {
        self.currencyCode = currencyCode
        self.pricePerHour = pricePerHour
        self.pricePerMonth = pricePerMonth
    }
}
