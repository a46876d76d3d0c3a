/// Autoscaling limits of one region. Rules (api-notes): cooldown 1...3600 s,
/// thresholds 1...100 %, and `min = 0` only with an HTTP trigger.
public struct ScaleLimits: Hashable, Sendable, Codable {
    public var min: Int
    public var max: Int
    public var cooldownPeriod: Int
    public var triggers: ScalingTriggers

    public init(min: Int, max: Int, cooldownPeriod: Int, triggers: ScalingTriggers = ScalingTriggers()) {
        self.min = min
        self.max = max
        self.cooldownPeriod = cooldownPeriod
        self.triggers = triggers
    }
}

/// The metrics that scale pods. A threshold is a percentage; nil means the
/// trigger is off.
public struct ScalingTriggers: Hashable, Sendable, Codable {
    public var cpu: Int?
    public var gpuMemory: Int?
    public var gpuUtilization: Int?
    public var memory: Int?
    public var http: HTTPRateTrigger?

    public init(cpu: Int? = nil, gpuMemory: Int? = nil, gpuUtilization: Int? = nil, memory: Int? = nil, http: HTTPRateTrigger? = nil) {
        self.cpu = cpu
        self.gpuMemory = gpuMemory
        self.gpuUtilization = gpuUtilization
        self.memory = memory
        self.http = http
    }
}

/// Scale on request rate: `rate` requests per `window` seconds. The only
/// trigger that can scale to and from zero pods.
public struct HTTPRateTrigger: Hashable, Sendable, Codable {
    public var rate: Int
    public var window: Int

    public init(rate: Int, window: Int) {
        self.rate = rate
        self.window = window
    }
}

/// Autoscaling of an instance in one region, as create and update send it.
public struct RegionScaling: Hashable, Sendable, Codable {
    public var regionId: Int
    public var scale: ScaleLimits

    public init(regionId: Int, scale: ScaleLimits) {
        self.regionId = regionId
        self.scale = scale
    }
}

/// What an instance is created or updated with. `name` is ignored by update:
/// an instance cannot be renamed.
public struct InstanceSpec: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var modelId: String?
    public var registryId: String?
    public var hardwareId: String
    public var containerPort: Int
    public var regions: [RegionScaling]
    public var podLifetime: Int?
    public var envs: [String: String]?
    public var startupCommand: String?
    public var apiKeyIds: [String]?

    public init(
        name: String, description: String? = nil, modelId: String?, registryId: String? = nil, hardwareId: String,
        containerPort: Int, regions: [RegionScaling], podLifetime: Int? = nil, envs: [String: String]? = nil,
        startupCommand: String? = nil, apiKeyIds: [String]? = nil
    ) {
        self.name = name
        self.description = description
        self.modelId = modelId
        self.registryId = registryId
        self.hardwareId = hardwareId
        self.containerPort = containerPort
        self.regions = regions
        self.podLifetime = podLifetime
        self.envs = envs
        self.startupCommand = startupCommand
        self.apiKeyIds = apiKeyIds
    }
}

/// Env values are often secrets (tokens, keys): whatever prints a spec (a log
/// line, an error, a test's failure message) shows their names only.
extension InstanceSpec: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: [
            "name": name, "description": description as Any, "modelId": modelId as Any, "registryId": registryId as Any,
            "hardwareId": hardwareId, "containerPort": containerPort, "regions": regions, "podLifetime": podLifetime as Any,
            "envs": envs.map { $0.mapValues { _ in "•••" } } as Any, "startupCommand": startupCommand as Any,
            "apiKeyIds": apiKeyIds as Any,
        ], displayStyle: .struct)
    }
}
