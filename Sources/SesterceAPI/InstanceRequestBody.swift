/// The body of an instance create (POST) or update (PATCH), written by hand
/// instead of generated: the reference marks each optional field "required,
/// nullable", and a generated type leaves a nil field out. This one sends it as
/// an explicit `null`, which a service that insists on every field accepts as
/// well as one that does not. An update has no `name` (an instance cannot be
/// renamed), so the key is left out when `name` is nil.
public struct InstanceRequestBody: Codable, Hashable, Sendable {
    public var modelId: String?
    public var containerPort: Int
    public var name: String?
    public var description: String?
    public var autoScalingConfigurations: [Wire.AutoScalingConfiguration]
    public var podLifetime: Int?
    public var envs: [String: String]?
    public var hardwareId: String
    public var startupCommand: String?
    public var registryId: String?
    public var apiKeyIds: [String]?

    public init(
        modelId: String?, containerPort: Int, name: String? = nil, description: String?,
        autoScalingConfigurations: [Wire.AutoScalingConfiguration], podLifetime: Int?, envs: [String: String]?,
        hardwareId: String, startupCommand: String?, registryId: String?, apiKeyIds: [String]?
    ) {
        self.modelId = modelId
        self.containerPort = containerPort
        self.name = name
        self.description = description
        self.autoScalingConfigurations = autoScalingConfigurations
        self.podLifetime = podLifetime
        self.envs = envs
        self.hardwareId = hardwareId
        self.startupCommand = startupCommand
        self.registryId = registryId
        self.apiKeyIds = apiKeyIds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(modelId, forKey: .modelId)
        try container.encode(containerPort, forKey: .containerPort)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(autoScalingConfigurations, forKey: .autoScalingConfigurations)
        try container.encode(podLifetime, forKey: .podLifetime)
        try container.encode(envs, forKey: .envs)
        try container.encode(hardwareId, forKey: .hardwareId)
        try container.encode(startupCommand, forKey: .startupCommand)
        try container.encode(registryId, forKey: .registryId)
        try container.encode(apiKeyIds, forKey: .apiKeyIds)
    }
}
