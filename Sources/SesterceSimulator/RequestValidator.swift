import Foundation
import SesterceAPI

/// Checks create, update, pricing and registry bodies the way the live NestJS
/// service does (class-validator messages, every problem at once), from the raw
/// JSON so that wrong types and missing fields are reported too.
struct RequestValidator {
    /// Free pods of a hardware flavor in a region, for this request (an update
    /// counts what the instance itself already holds as free).
    var freeCapacity: (_ regionId: Int, _ hardwareId: String) -> Int
    var catalog: SimulatorCatalog
    var registryIds: Set<String>
    /// Names taken by other instances.
    var takenNames: Set<String>

    private(set) var problems: [String] = []

    static let triggerNames = ["cpu", "gpuMemory", "gpuUtilization", "memory"]

    mutating func validateInstance(_ body: JSONValue, requireName: Bool) -> [String] {
        problems = []
        guard case .object = body else { return ["body must be a JSON object"] }
        if requireName {
            if let name = requiredString(body, "name") {
                if name.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append("name should not be empty")
                } else if takenNames.contains(name) {
                    problems.append("name must be unique: an instance named '\(name)' already exists")
                }
            }
        }
        if let port = requiredInteger(body, "containerPort") {
            if port < 1 { problems.append("containerPort must not be less than 1") }
            if port > 65535 { problems.append("containerPort must not be greater than 65535") }
        }
        let hardwareId = requiredString(body, "hardwareId")
        if let hardwareId, catalog.price(ofHardware: hardwareId) == nil {
            problems.append("hardwareId must be the id of an existing hardware")
        }
        let modelId = nullableString(body, "modelId")
        if let modelId, !catalog.models.contains(where: { $0.id == modelId }) {
            problems.append("modelId must be the id of an existing model")
        }
        let registryId = nullableString(body, "registryId")
        if let registryId, !registryIds.contains(registryId) {
            problems.append("registryId must be the id of an existing registry")
        }
        if body["modelId"]?.isNull ?? true, body["registryId"]?.isNull ?? true {
            problems.append("either modelId or registryId must be set")
        }
        _ = nullableString(body, "description")
        _ = nullableString(body, "startupCommand")
        if let lifetime = nullableInteger(body, "podLifetime"), lifetime < 1 {
            problems.append("podLifetime must not be less than 1")
        }
        if let envs = body["envs"], !envs.isNull {
            if case .object(let fields) = envs {
                if fields.values.contains(where: { $0.string == nil }) { problems.append("envs values must be strings") }
            } else {
                problems.append("envs must be an object")
            }
        }
        if let keys = body["apiKeyIds"], !keys.isNull {
            if case .array(let items) = keys, items.allSatisfy({ $0.string != nil }) {} else {
                problems.append("apiKeyIds must be an array of strings")
            }
        }
        validateScaling(body["autoScalingConfigurations"], hardwareId: hardwareId)
        return problems
    }

    mutating func validatePricing(_ body: JSONValue) -> [String] {
        problems = []
        guard case .object = body else { return ["body must be a JSON object"] }
        if let hardwareId = requiredString(body, "hardwareId"), catalog.price(ofHardware: hardwareId) == nil {
            problems.append("hardwareId must be the id of an existing hardware")
        }
        guard case .array(let configurations)? = body["autoScalingConfigurations"], !configurations.isEmpty else {
            problems.append("autoScalingConfigurations should not be empty")
            return problems
        }
        for (index, configuration) in configurations.enumerated() {
            let path = "autoScalingConfigurations.\(index)"
            if let regionId = requiredInteger(configuration, "regionId", path: path),
                !catalog.regions.contains(where: { $0.id == regionId })
            {
                problems.append("\(path).regionId must be the id of an existing region")
            }
            if let max = requiredInteger(configuration["scale"] ?? .null, "max", path: "\(path).scale"), max < 1 {
                problems.append("\(path).scale.max must not be less than 1")
            }
        }
        return problems
    }

    mutating func validateRegistry(_ body: JSONValue, requireName: Bool) -> [String] {
        problems = []
        guard case .object = body else { return ["body must be a JSON object"] }
        for field in (requireName ? ["name"] : []) + ["url", "username", "password"] {
            if let value = requiredString(body, field), value.isEmpty { problems.append("\(field) should not be empty") }
        }
        return problems
    }

    // MARK: Autoscaling

    private mutating func validateScaling(_ value: JSONValue?, hardwareId: String?) {
        guard case .array(let configurations)? = value else {
            problems.append("autoScalingConfigurations must be an array")
            return
        }
        if configurations.isEmpty { problems.append("autoScalingConfigurations should not be empty") }
        var seen: Set<Int> = []
        for (index, configuration) in configurations.enumerated() {
            let path = "autoScalingConfigurations.\(index)"
            guard case .object = configuration else {
                problems.append("\(path) must be an object")
                continue
            }
            let regionId = requiredInteger(configuration, "regionId", path: path)
            if let regionId {
                if !seen.insert(regionId).inserted { problems.append("\(path).regionId \(regionId) is listed twice") }
                if let region = catalog.regions.first(where: { $0.id == regionId }) {
                    if !region.isActive { problems.append("\(path).regionId \(region.name) is not available (\(region.state))") }
                } else {
                    problems.append("\(path).regionId must be the id of an existing region")
                }
            }
            guard let scale = configuration["scale"], case .object = scale else {
                problems.append("\(path).scale must be an object")
                continue
            }
            validateScale(scale, path: "\(path).scale", regionId: regionId, hardwareId: hardwareId)
        }
    }

    private mutating func validateScale(_ scale: JSONValue, path: String, regionId: Int?, hardwareId: String?) {
        let min = requiredInteger(scale, "min", path: path)
        let max = requiredInteger(scale, "max", path: path)
        if let min, min < 0 { problems.append("\(path).min must not be less than 0") }
        if let max, max < 1 { problems.append("\(path).max must not be less than 1") }
        if let min, let max, min > max { problems.append("\(path).min must not be greater than max") }
        if let cooldown = requiredInteger(scale, "cooldownPeriod", path: path) {
            if cooldown < 1 { problems.append("\(path).cooldownPeriod must not be less than 1") }
            if cooldown > 3600 { problems.append("\(path).cooldownPeriod must not be greater than 3600") }
        }
        var hasHTTP = false
        if let triggers = scale["triggers"], !triggers.isNull {
            guard case .object = triggers else {
                problems.append("\(path).triggers must be an object")
                return
            }
            for name in Self.triggerNames {
                guard let trigger = triggers[name], !trigger.isNull else { continue }
                if let threshold = requiredInteger(trigger, "threshold", path: "\(path).triggers.\(name)"),
                    !(1...100).contains(threshold)
                {
                    problems.append("\(path).triggers.\(name).threshold must be between 1 and 100")
                }
            }
            if let http = triggers["http"], !http.isNull {
                hasHTTP = true
                for field in ["rate", "window"] {
                    if let value = requiredInteger(http, field, path: "\(path).triggers.http"), value < 1 {
                        problems.append("\(path).triggers.http.\(field) must not be less than 1")
                    }
                }
            }
        }
        if min == 0, !hasHTTP {
            problems.append("\(path).min can be 0 only with an http trigger (only HTTP scales to and from zero)")
        }
        if let max, let regionId, let hardwareId, catalog.price(ofHardware: hardwareId) != nil,
            catalog.regions.contains(where: { $0.id == regionId && $0.isActive })
        {
            let free = freeCapacity(regionId, hardwareId)
            if max > free { problems.append("\(path).max \(max) exceeds the capacity of the region (\(free) available)") }
        }
    }

    // MARK: Field readers that record what is wrong

    private mutating func requiredString(_ object: JSONValue, _ key: String, path: String? = nil) -> String? {
        read(object, key, path: path, required: true, as: \.string, expected: "must be a string", missing: "should not be empty")
    }

    private mutating func nullableString(_ object: JSONValue, _ key: String) -> String? {
        read(object, key, path: nil, required: false, as: \.string, expected: "must be a string", missing: "")
    }

    private mutating func requiredInteger(_ object: JSONValue, _ key: String, path: String? = nil) -> Int? {
        read(object, key, path: path, required: true, as: \.integer, expected: "must be an integer number", missing: "must be an integer number")
    }

    private mutating func nullableInteger(_ object: JSONValue, _ key: String) -> Int? {
        read(object, key, path: nil, required: false, as: \.integer, expected: "must be an integer number", missing: "")
    }

    /// The field `key` as a `T`, recording "<path.key> <missing>" when a required
    /// field is absent or null and "<path.key> <expected>" when it has another type.
    private mutating func read<T>(
        _ object: JSONValue, _ key: String, path: String?, required: Bool, as value: (JSONValue) -> T?,
        expected: String, missing: String
    ) -> T? {
        let name = path.map { "\($0).\(key)" } ?? key
        guard let field = object[key], !field.isNull else {
            if required { problems.append("\(name) \(missing)") }
            return nil
        }
        guard let typed = value(field) else {
            problems.append("\(name) \(expected)")
            return nil
        }
        return typed
    }
}
