import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// Every validation rule of the simulator, through the client: a bad create or
/// update gets one 400 whose messages the client returns as `.validation`.
@Suite("Validation of create, update, pricing and registries")
struct ValidationTests {
    /// A simulator with an empty account, and a create request it accepts.
    struct Setup {
        let sim: Sim
        let client: SesterceClient
        let hardware: HardwareFlavor
        let region: Region
        let model: InferenceModel
        let valid: InstanceSpec

        init(_ sim: Sim) async throws {
            self.sim = sim
            client = sim.client()
            let placed = try await sim.placement(pods: 12)
            hardware = placed.hardware
            region = placed.region
            model = try await sim.anyModel()
            valid = spec(name: "valid", model: model.id, hardware: hardware.id, regions: [region.id], min: 1, max: 1)
        }

        /// The messages of the 400 a create with `change` applied gets (nil if it is accepted).
        func rejected(_ change: (inout InstanceSpec) -> Void) async -> [String]? {
            var request = valid
            change(&request)
            return await validationMessages { try await client.createInstance(request) }
        }

        /// Expects a create with `change` applied to be refused with exactly `messages`.
        func expectRejected(
            _ messages: [String], sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout InstanceSpec) -> Void
        ) async {
            var request = valid
            change(&request)
            await expectValidation(messages, sourceLocation: sourceLocation) { try await client.createInstance(request) }
        }

        /// Creates with `change` applied (under a fresh name) and expects success.
        @discardableResult
        func accepted(_ change: (inout InstanceSpec) -> Void, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Instance {
            var request = valid
            request.name = "ok-\(UUID().uuidString.prefix(8))"
            change(&request)
            do {
                return try await client.createInstance(request)
            } catch {
                Issue.record("expected the create to be accepted: \(error)", sourceLocation: sourceLocation)
                throw error
            }
        }
    }

    static let scale = "autoScalingConfigurations.0.scale"

    @Test("the valid request is accepted (so the rejections below are due to their one change)")
    func validAccepted() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let created = try await setup.client.createInstance(setup.valid)
            #expect(created.status == .deploying)
        }
    }

    @Test("cooldownPeriod must be 1...3600 seconds")
    func cooldown() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            await setup.expectRejected(["\(Self.scale).cooldownPeriod must not be less than 1"]) { $0.regions[0].scale.cooldownPeriod = 0 }
            await setup.expectRejected(["\(Self.scale).cooldownPeriod must not be less than 1"]) { $0.regions[0].scale.cooldownPeriod = -5 }
            await setup.expectRejected(["\(Self.scale).cooldownPeriod must not be greater than 3600"]) { $0.regions[0].scale.cooldownPeriod = 3601 }
            try await setup.accepted { $0.regions[0].scale.cooldownPeriod = 1 }
            try await setup.accepted { $0.regions[0].scale.cooldownPeriod = 3600 }
        }
    }

    @Test("trigger thresholds must be 1...100 percent", arguments: ["cpu", "gpuMemory", "gpuUtilization", "memory"])
    func thresholds(trigger: String) async throws {
        func set(_ value: Int) -> (inout InstanceSpec) -> Void {
            { request in
                var triggers = ScalingTriggers()
                switch trigger {
                case "cpu": triggers.cpu = value
                case "gpuMemory": triggers.gpuMemory = value
                case "gpuUtilization": triggers.gpuUtilization = value
                default: triggers.memory = value
                }
                request.regions[0].scale.triggers = triggers
            }
        }
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let message = "\(Self.scale).triggers.\(trigger).threshold must be between 1 and 100"
            #expect(await setup.rejected(set(0)) == [message])
            #expect(await setup.rejected(set(101)) == [message])
            #expect(await setup.rejected(set(-1)) == [message])
            try await setup.accepted(set(1))
            try await setup.accepted(set(100))
        }
    }

    @Test("every trigger out of range is reported, each on its own")
    func allThresholds() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let messages = await setup.rejected {
                $0.regions[0].scale.triggers = ScalingTriggers(cpu: 0, gpuMemory: 101, gpuUtilization: 200, memory: 0)
            }
            let expected = ["cpu", "gpuMemory", "gpuUtilization", "memory"].map { "\(Self.scale).triggers.\($0).threshold must be between 1 and 100" }
            #expect(messages == expected)
        }
    }

    @Test("min must not exceed max; max at least 1; min not negative")
    func minMax() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            await setup.expectRejected(["\(Self.scale).min must not be greater than max"]) { $0.regions[0].scale = ScaleLimits(min: 3, max: 2, cooldownPeriod: 60, triggers: ScalingTriggers(cpu: 50)) }
            await setup.expectRejected(["\(Self.scale).max must not be less than 1"]) { $0.regions[0].scale.max = 0; $0.regions[0].scale.min = 0; $0.regions[0].scale.triggers.http = HTTPRateTrigger(rate: 1, window: 1) }
            await setup.expectRejected(["\(Self.scale).min must not be less than 0"]) { $0.regions[0].scale.min = -1 }
            try await setup.accepted { $0.regions[0].scale.min = 2; $0.regions[0].scale.max = 2 }
        }
    }

    @Test("min 0 only with an http trigger")
    func minZero() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            await setup.expectRejected(["\(Self.scale).min can be 0 only with an http trigger (only HTTP scales to and from zero)"]) { $0.regions[0].scale.min = 0 }
            await setup.expectRejected(["\(Self.scale).min can be 0 only with an http trigger (only HTTP scales to and from zero)"]) { $0.regions[0].scale.min = 0; $0.regions[0].scale.triggers = ScalingTriggers(cpu: 50, gpuMemory: 50, gpuUtilization: 50, memory: 50) }
            try await setup.accepted { $0.regions[0].scale.min = 0; $0.regions[0].scale.triggers = ScalingTriggers(http: HTTPRateTrigger(rate: 10, window: 60)) }
            await setup.expectRejected(["\(Self.scale).triggers.http.rate must not be less than 1", "\(Self.scale).triggers.http.window must not be less than 1"]) { $0.regions[0].scale.min = 0; $0.regions[0].scale.triggers = ScalingTriggers(http: HTTPRateTrigger(rate: 0, window: 0)) }
        }
    }

    @Test("containerPort must be 1...65535")
    func port() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            await setup.expectRejected(["containerPort must not be less than 1"]) { $0.containerPort = 0 }
            await setup.expectRejected(["containerPort must not be greater than 65535"]) { $0.containerPort = 65536 }
            try await setup.accepted { $0.containerPort = 1 }
            try await setup.accepted { $0.containerPort = 65535 }
        }
    }

    @Test("hardware, region, model and registry must exist")
    func knownIds() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let missing = "59651ba4-657a-41d4-8c42-00f34f732375"
            await setup.expectRejected(["hardwareId must be the id of an existing hardware"]) { $0.hardwareId = missing }
            await setup.expectRejected(["autoScalingConfigurations.0.regionId must be the id of an existing region"]) { $0.regions[0].regionId = 9999 }
            await setup.expectRejected(["modelId must be the id of an existing model"]) { $0.modelId = missing }
            await setup.expectRejected(["registryId must be the id of an existing registry"]) { $0.registryId = "6721058be81810b9dd045f40" }
            await setup.expectRejected(["either modelId or registryId must be set"]) { $0.modelId = nil }
            let registry = try #require(try await setup.client.registries().first)
            try await setup.accepted { $0.modelId = nil; $0.registryId = registry.id }
        }
    }

    @Test("a region that is not ACTIVE is refused")
    func inactiveRegion() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let regions = try await setup.client.regions()
            let inactiveOne = regions.first { !$0.isActive }
            let inactive = try #require(inactiveOne)
            await setup.expectRejected(["autoScalingConfigurations.0.regionId \(inactive.name) is not available (\(inactive.state))"]) { $0.regions[0].regionId = inactive.id }
        }
    }

    @Test("a region listed twice is refused")
    func duplicateRegion() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let messages = await setup.rejected { $0.regions.append($0.regions[0]) }
            #expect(messages == ["autoScalingConfigurations.1.regionId \(setup.region.id) is listed twice"])
            await setup.expectRejected(["autoScalingConfigurations should not be empty"]) { $0.regions = [] }
        }
    }

    @Test("the name must be non-empty and unique")
    func name() async throws {
        try await withSimulator(.test(instances: 8)) { sim in
            let setup = try await Setup(sim)
            await setup.expectRejected(["name should not be empty"]) { $0.name = "" }
            await setup.expectRejected(["name should not be empty"]) { $0.name = "   " }
            let existing = try #require(try await setup.client.instances().first)
            await setup.expectRejected(["name must be unique: an instance named '\(existing.name)' already exists"]) { $0.name = existing.name }
            try await setup.accepted { $0.name = "brand-new" }
            await setup.expectRejected(["name must be unique: an instance named 'brand-new' already exists"]) { $0.name = "brand-new" }
        }
    }

    @Test("max pods must fit in the region's free capacity")
    func capacity() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let free = setup.region.capacity(for: setup.hardware.id)
            await setup.expectRejected(["\(Self.scale).max \(free + 1) exceeds the capacity of the region (\(free) available)"]) { $0.regions[0].scale.max = free + 1 }
            try await setup.accepted { $0.regions[0].scale.max = free }
            await setup.expectRejected(["\(Self.scale).max 1 exceeds the capacity of the region (0 available)"]) { _ in }
            // A flavor the region has none of.
            let regions = try await setup.client.regions()
            let hardware = try await setup.client.hardware()
            let pairs = regions.filter(\.isActive).compactMap { region in
                hardware.first { region.capacity(for: $0.id) == 0 }.map { (region, $0) }
            }
            let empty = try #require(pairs.first)
            await setup.expectRejected(["\(Self.scale).max 1 exceeds the capacity of the region (0 available)"]) { $0.regions[0].regionId = empty.0.id; $0.hardwareId = empty.1.id }
        }
    }

    @Test("a create request with three mistakes gets one 400 naming all three")
    func threeMistakes() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let recorder = RecordingTransport()
            var request = setup.valid
            request.name = ""
            request.containerPort = 70000
            request.regions[0].scale.cooldownPeriod = 0
            let error = await failure { try await sim.client(transport: recorder).createInstance(request) }
            #expect(
                error
                    == .validation(messages: [
                        "name should not be empty",
                        "containerPort must not be greater than 65535",
                        "\(Self.scale).cooldownPeriod must not be less than 1",
                    ]))
            #expect(recorder.count == 1)
            let exchange = try #require(recorder.exchanges.first)
            #expect(exchange.response?.status.code == 400)
            // NestJS's shape: message as a list, plus "error": "Bad Request".
            let body = try #require(exchange.responseBody)
            let error400 = try sesterceJSONDecoder().decode(Wire.ErrorBody.self, from: body)
            #expect(error400.statusCode == 400)
            #expect(error400.error == "Bad Request")
            #expect(error400.path == "/ai-inference/instances")
            #expect(error400.timestamp?.isEmpty == false)
            guard case .MessageList(let messages) = error400.message else {
                Issue.record("message should be a list")
                return
            }
            #expect(messages.count == 3)
            // Nothing was created.
            #expect(try await setup.client.instances().isEmpty)
        }
    }

    @Test("a rejected create takes no capacity and creates nothing")
    func rejectedTakesNothing() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let before = try await setup.client.regions()
            _ = await setup.rejected { $0.containerPort = 0; $0.regions[0].scale.max = 3 }
            #expect(try await setup.client.regions() == before)
            #expect(try await setup.client.instances().isEmpty)
        }
    }

    @Test("update is validated by the same rules, without a name, counting the instance's own pods as free")
    func update() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let free = setup.region.capacity(for: setup.hardware.id)
            var request = setup.valid
            request.regions[0].scale.max = free
            let created = try await setup.client.createInstance(request)

            // Its own pods count as free: the same maximum is fine, one more is not.
            _ = try await setup.client.updateInstance(id: created.id, request)
            var bigger = request
            bigger.regions[0].scale.max = free + 1
            await expectValidation(["\(Self.scale).max \(free + 1) exceeds the capacity of the region (\(free) available)"]) { try await setup.client.updateInstance(id: created.id, bigger) }

            var wrong = request
            wrong.name = ""  // not part of an update: no complaint
            wrong.containerPort = 0
            wrong.regions[0].scale.cooldownPeriod = 4000
            wrong.regions[0].scale.triggers = ScalingTriggers(memory: 0)
            await expectValidation([
                        "containerPort must not be less than 1",
                        "\(Self.scale).cooldownPeriod must not be greater than 3600",
                        "\(Self.scale).triggers.memory.threshold must be between 1 and 100",
                    ]) { try await setup.client.updateInstance(id: created.id, wrong) }
            // The rejected update changed nothing.
            let detail = try await setup.client.instance(id: created.id)
            #expect(detail.containerPort == request.containerPort)
            #expect(detail.regions.first?.scale == request.regions[0].scale)
        }
    }

    @Test("pricing: hardware must exist, at least one region, max at least 1, known regions")
    func pricing() async throws {
        try await withSimulator { sim in
            let setup = try await Setup(sim)
            let client = setup.client
            await expectValidation(["hardwareId must be the id of an existing hardware"]) { try await client.price(hardwareId: "nope", maxPods: [(setup.region.id, 1)]) }
            await expectValidation(["autoScalingConfigurations should not be empty"]) { try await client.price(hardwareId: setup.hardware.id, maxPods: []) }
            await expectValidation(["autoScalingConfigurations.0.scale.max must not be less than 1", "autoScalingConfigurations.1.regionId must be the id of an existing region"]) { try await client.price(hardwareId: setup.hardware.id, maxPods: [(setup.region.id, 0), (9999, 2)]) }
        }
    }

    @Test("registries: name, url, username and password must not be empty")
    func registries() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            await expectValidation(["name should not be empty", "url should not be empty", "username should not be empty", "password should not be empty"]) {
                    try await client.createRegistry(name: "", credentials: RegistryCredentials(url: "", username: "", password: ""))
                }
            let registry = try #require(try await client.registries().first)
            await expectValidation(["password should not be empty"]) {
                    try await client.updateRegistry(id: registry.id, credentials: RegistryCredentials(url: "docker.io/x", username: "u", password: ""))
                }
            #expect(try await client.registries().count == 2)
        }
    }

    @Test("a raw body with wrong types and missing fields gets every problem, like NestJS (not an empty 400)")
    func rawBodies() async throws {
        try await withSimulator { sim in
            func post(_ json: String) async throws -> (Int, Wire.ErrorBody?) {
                let (status, data) = try await sim.raw(.post, "/ai-inference/instances", json: json)
                return (status, try? sesterceJSONDecoder().decode(Wire.ErrorBody.self, from: data))
            }
            let (status, body) = try await post(#"{"name": 5, "containerPort": "80", "autoScalingConfigurations": [{"regionId": "x", "scale": {}}]}"#)
            #expect(status == 400)
            guard case .MessageList(let messages)? = body?.message else {
                Issue.record("expected a list of messages")
                return
            }
            for expected in [
                "name must be a string", "containerPort must be an integer number", "hardwareId should not be empty",
                "autoScalingConfigurations.0.regionId must be an integer number",
                "\(Self.scale).min must be an integer number", "\(Self.scale).max must be an integer number",
                "\(Self.scale).cooldownPeriod must be an integer number",
            ] {
                #expect(messages.contains(expected), "missing: \(expected) in \(messages)")
            }
            let (badStatus, badBody) = try await post("{not json")
            #expect(badStatus == 400)
            #expect(badBody?.message == .SingleMessage("Unexpected token in JSON body"))
        }
    }
}
