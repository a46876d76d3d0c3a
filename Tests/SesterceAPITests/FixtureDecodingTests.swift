import Foundation
import SesterceAPI
import Testing

/// The reference's own example bodies (copied verbatim into `Fixtures/reference/`)
/// and the quirks of api-notes (`Fixtures/quirks/`), decoded through the
/// generated types and the conversions to domain models.
@Suite("Fixtures: reference examples and api-notes quirks")
struct FixtureDecodingTests {
    static let instanceId = "6721058be81810b9dd045f40"
    static let l40sId = "59651ba4-657a-41d4-8c42-00f34f732375"
    static let address = "https://iate-example-6672-d7c85154.ai.sesterce.dev/"
    static let partialMessage = "Unexpected error occurred while launching the instance. Please contact the support team."

    static let exampleInstance = Instance(
        id: instanceId, name: "example-inference-instance", status: .active, hourlyPrice: 2.55, features: ["chat"],
        address: address, createdAt: referenceDate, updatedAt: referenceDate)

    static let exampleScale = ScaleLimits(
        min: 1, max: 4, cooldownPeriod: 300,
        triggers: ScalingTriggers(cpu: 92, gpuMemory: 92, gpuUtilization: 92, memory: 92, http: HTTPRateTrigger(rate: 12, window: 20)))

    /// A client that answers every request with one fixture.
    private func client(serving fixture: String, status: Int = 200) throws -> SesterceClient {
        stubClient(StubTransport(always: try .fixture(fixture, status: status)))
    }

    // MARK: Reference examples through the client

    @Test("models example")
    func models() async throws {
        let models = try await client(serving: "reference/models.json").models()
        #expect(
            models == [
                InferenceModel(
                    id: "12ed7523-432c-48f5-b3cd-32e6726d07c8", name: "stable-diffusion", port: 8000,
                    defaultHardwareId: Self.l40sId, features: ["image"])
            ])
    }

    @Test("hardware example")
    func hardware() async throws {
        let hardware = try await client(serving: "reference/hardwares.json").hardware()
        #expect(
            hardware == [
                HardwareFlavor(
                    id: Self.l40sId, name: "1xL40S / 16 vCPU / 232GiB RAM", cpuMillicores: 16000, ramMiB: 237568,
                    gpu: GPU(model: "NVIDIA-L40S", count: 1, memoryGiB: 48))
            ])
    }

    @Test("regions example: integer id, capacities per hardware")
    func regions() async throws {
        let regions = try await client(serving: "reference/regions.json").regions()
        #expect(
            regions == [
                Region(
                    id: 18, name: "Singapore", countryCode: "SG", state: "ACTIVE",
                    capacities: ["30328755-51f0-4251-b535-029358700099": 38, "dc172cc8-0035-4527-958b-775f951e8836": 19])
            ])
        #expect(regions.first?.isActive == true)
        #expect(regions.first?.capacity(for: "30328755-51f0-4251-b535-029358700099") == 38)
        #expect(regions.first?.capacity(for: "unknown") == 0)
    }

    @Test("registry create response (201): with username; dates with milliseconds")
    func registryCreated() async throws {
        let registry = try await client(serving: "reference/registry-create-response.json", status: 201)
            .createRegistry(name: "example-registry", credentials: RegistryCredentials(url: "u", username: "someusername", password: "p"))
        #expect(
            registry
                == Registry(
                    id: Self.instanceId, name: "example-registry", url: "docker.io/library/user/image:tag",
                    username: "someusername", createdAt: referenceDate, updatedAt: referenceDate))
    }

    @Test("registries list example: no username")
    func registries() async throws {
        let registries = try await client(serving: "reference/registries.json").registries()
        #expect(
            registries == [
                Registry(
                    id: Self.instanceId, name: "example-registry", url: "docker.io/library/user/image:tag", username: nil,
                    createdAt: referenceDate, updatedAt: referenceDate)
            ])
    }

    @Test("instance create response (201)")
    func instanceCreated() async throws {
        let spec = spec(name: "example-inference-instance", model: "m", hardware: Self.l40sId, regions: [18])
        let created = try await client(serving: "reference/instance-create-response.json", status: 201).createInstance(spec)
        #expect(created == Self.exampleInstance)
    }

    @Test("instance update response (200)")
    func instanceUpdated() async throws {
        let spec = spec(name: "example-inference-instance", model: "m", hardware: Self.l40sId, regions: [18])
        let updated = try await client(serving: "reference/instance-update-response.json").updateInstance(id: Self.instanceId, spec)
        #expect(updated == Self.exampleInstance)
    }

    @Test("instances list example")
    func instances() async throws {
        let instances = try await client(serving: "reference/instances.json").instances()
        #expect(instances == [Self.exampleInstance])
    }

    @Test("instance detail example: containers with deployStatus and errorMessage, apiKeysIds")
    func instanceDetail() async throws {
        let detail = try await client(serving: "reference/instance-detail.json").instance(id: Self.instanceId)
        #expect(
            detail
                == InstanceDetail(
                    id: Self.instanceId, name: "example-inference-instance", status: .active, hourlyPrice: 2.55,
                    features: ["chat"], address: Self.address, containerPort: 80, description: "some description",
                    podLifetime: 120,
                    regions: [
                        RegionDeployment(regionId: 78, scale: Self.exampleScale, total: 2, ready: 1, errorMessage: Self.partialMessage)
                    ],
                    hardwareId: Self.l40sId, modelId: nil, registryId: nil, envs: ["PORT": "3333"],
                    startupCommand: "npx create-llama", apiKeyIds: [Self.instanceId], createdAt: referenceDate,
                    updatedAt: referenceDate))
        #expect(detail.summary == Self.exampleInstance)
    }

    @Test("pricing response example (201)")
    func pricing() async throws {
        let quote = try await client(serving: "reference/pricing-response.json", status: 201)
            .price(hardwareId: Self.l40sId, maxPods: [(18, 4)])
        #expect(quote == PriceQuote(currencyCode: "USD", pricePerHour: 1.44, pricePerMonth: 43.2))
    }

    // MARK: Reference examples into the generated types directly

    @Test("every reference response decodes into its generated type with the Sesterce date transcoder")
    func generatedTypes() throws {
        let models = try Fixture.decode([Wire.Model].self, "reference/models.json")
        #expect(models.first?.features == ["image"])
        let hardware = try Fixture.decode([Wire.Hardware].self, "reference/hardwares.json")
        #expect(hardware.first?.gpu?.memory == 48)
        let regions = try Fixture.decode([Wire.Region].self, "reference/regions.json")
        #expect(regions.first?.capacities?.map(\.capacity) == [38, 19])
        let created = try Fixture.decode(Wire.Registry.self, "reference/registry-create-response.json")
        #expect(created.username == "someusername")
        #expect(created.createdAt == referenceDate)
        let registries = try Fixture.decode([Wire.Registry].self, "reference/registries.json")
        #expect(registries.first?.username == nil)
        #expect(registries.first?.id == Self.instanceId)
        for name in ["instance-create-response", "instance-update-response"] {
            let summary = try Fixture.decode(Wire.InstanceSummary.self, "reference/\(name).json")
            #expect(Instance(summary) == Self.exampleInstance)
        }
        let list = try Fixture.decode([Wire.InstanceSummary].self, "reference/instances.json")
        #expect(list.map(Instance.init) == [Self.exampleInstance])
        let detail = try Fixture.decode(Wire.InstanceDetail.self, "reference/instance-detail.json")
        #expect(detail.apiKeysIds == [Self.instanceId])
        #expect(detail.containers?.first?.deployStatus == Wire.DeployStatus(total: 2, ready: 1))
        #expect(detail.containers?.first?.errorMessage == Self.partialMessage)
        #expect(detail.containers?.first?.scale.triggers?.http == Wire.HTTPTrigger(rate: 12, window: 20))
        let quote = try Fixture.decode(Wire.PricingQuote.self, "reference/pricing-response.json")
        #expect(quote.pricePerMonth == 43.2)
    }

    @Test("the reference's request examples decode into the generated request types")
    func requestExamples() throws {
        let create = try Fixture.decode(Wire.InstanceCreateRequest.self, "reference/instance-create-request.json")
        let spec = InstanceSpec(create)
        #expect(
            spec
                == InstanceSpec(
                    name: "example-inference-instance", description: "example description.",
                    modelId: "201a99c3-7cd4-4831-865e-b261082fda4b", registryId: Self.instanceId, hardwareId: Self.l40sId,
                    containerPort: 80, regions: [RegionScaling(regionId: 18, scale: Self.exampleScale)], podLifetime: 120,
                    envs: ["PORT": "3333"], startupCommand: "npx create-llama", apiKeyIds: [Self.instanceId]))
        #expect(spec.createRequest == create)

        let update = try Fixture.decode(Wire.InstanceUpdateRequest.self, "reference/instance-update-request.json")
        #expect(InstanceSpec(name: "example-inference-instance", update: update) == spec)
        #expect(spec.updateRequest == update)

        let pricing = try Fixture.decode(Wire.PricingRequest.self, "reference/pricing-request.json")
        #expect(pricing.hardwareId == Self.l40sId)
        #expect(pricing.autoScalingConfigurations.map(\.regionId) == [18])
        #expect(pricing.autoScalingConfigurations.map(\.scale.max) == [4])

        let registry = try Fixture.decode(Wire.RegistryCreateRequest.self, "reference/registry-create-request.json")
        #expect(registry.name == "example-registry")
        #expect(registry.password == "securepassword")
        let registryUpdate = try Fixture.decode(Wire.RegistryUpdateRequest.self, "reference/registry-update-request.json")
        #expect(registryUpdate.username == "someusername")
    }

    @Test("what the client sends for the reference's create, update and pricing examples is the reference's body")
    func requestBodiesOnTheWire() async throws {
        let create = InstanceSpec(try Fixture.decode(Wire.InstanceCreateRequest.self, "reference/instance-create-request.json"))
        let transport = StubTransport { request, _ in
            switch (request.method, request.path ?? "") {
            case (.post, "/ai-inference/instances"): try .fixture("reference/instance-create-response.json", status: 201)
            case (.patch, _): try .fixture("reference/instance-update-response.json")
            case (.post, "/ai-inference/instances/pricing"): try .fixture("reference/pricing-response.json", status: 201)
            default: .json(404, #"{"statusCode":404,"message":"no"}"#)
            }
        }
        let recorder = RecordingTransport(transport)
        let client = SesterceClient(baseURL: SesterceClient.liveBaseURL, apiKey: "k", transport: recorder)
        _ = try await client.createInstance(create)
        _ = try await client.updateInstance(id: Self.instanceId, create)
        _ = try await client.price(hardwareId: Self.l40sId, maxPods: [(18, 4)])

        let sent = recorder.exchanges.map { $0.requestBody ?? Data() }
        #expect(sent.count == 3)
        #expect(try sameJSON(sent[0], Fixture.data("reference/instance-create-request.json")))
        #expect(try sameJSON(sent[1], Fixture.data("reference/instance-update-request.json")))
        #expect(try sameJSON(sent[2], Fixture.data("reference/pricing-request.json")))
    }

    // MARK: Quirks of api-notes

    @Test("instances: dates without milliseconds, integer hourlyPrice, unknown status, null address, extra fields")
    func instanceQuirks() async throws {
        let instances = try await client(serving: "quirks/instances.json").instances()
        #expect(instances.count == 3)
        let plain = try #require(instances.first)
        #expect(plain.createdAt == referenceDate)
        #expect(plain.hourlyPrice == 3)
        #expect(plain.status == .active)

        let migrating = instances[1]
        #expect(migrating.status == .other("MIGRATING"))
        #expect(migrating.status.description == "MIGRATING")
        #expect(migrating.address == nil)
        #expect(migrating.createdAt == referenceDate.addingTimeInterval(0.25))
        #expect(migrating.features == ["chat", "code"])

        let deploying = instances[2]
        #expect(deploying.status == .deploying)
        #expect(deploying.address == nil)
        #expect(deploying.hourlyPrice == 0)
    }

    @Test("detail: null description, envs, startupCommand, address, modelId, apiKeysIds, errorMessage; extra nested fields")
    func detailQuirks() async throws {
        let detail = try await client(serving: "quirks/instance-detail.json").instance(id: Self.instanceId)
        #expect(detail.description == nil)
        #expect(detail.envs == [:])
        #expect(detail.startupCommand == nil)
        #expect(detail.address == nil)
        #expect(detail.modelId == nil)
        #expect(detail.registryId == Self.instanceId)
        #expect(detail.podLifetime == nil)
        #expect(detail.apiKeyIds == [])
        #expect(detail.hourlyPrice == 3)
        #expect(detail.createdAt == referenceDate)
        #expect(detail.updatedAt == referenceDate.addingTimeInterval(0.123))
        #expect(
            detail.regions == [
                RegionDeployment(
                    regionId: 18,
                    scale: ScaleLimits(min: 0, max: 2, cooldownPeriod: 60, triggers: ScalingTriggers(http: HTTPRateTrigger(rate: 5, window: 10))),
                    total: 1, ready: 0, errorMessage: nil)
            ])
    }

    @Test("models: null port and default hardware, extra fields")
    func modelQuirks() async throws {
        let models = try await client(serving: "quirks/models.json").models()
        #expect(
            models == [
                InferenceModel(id: "12ed7523-432c-48f5-b3cd-32e6726d07c8", name: "custom-upload", port: nil, defaultHardwareId: nil, features: ["image"])
            ])
    }

    @Test("registries: a date without milliseconds next to one with, extra fields")
    func registryQuirks() async throws {
        let registries = try await client(serving: "quirks/registries.json").registries()
        #expect(registries.first?.createdAt == referenceDate)
        #expect(registries.first?.updatedAt == referenceDate)
        #expect(registries.first?.username == nil)
    }

    @Test("error body: message as a string and as an array (generated ErrorBody)")
    func errorBodies() throws {
        let single = try Fixture.decode(Wire.ErrorBody.self, "quirks/error-message-string.json")
        #expect(single.statusCode == 403)
        #expect(single.message == .SingleMessage("Invalid API key"))
        #expect(single.error == nil)
        let list = try Fixture.decode(Wire.ErrorBody.self, "quirks/error-message-array.json")
        #expect(list.statusCode == 400)
        #expect(list.error == "Bad Request")
        #expect(list.path == "/ai-inference/instances")
        guard case .MessageList(let messages) = list.message else {
            Issue.record("expected a list")
            return
        }
        #expect(messages.count == 3)
    }

    @Test("error body through the client: a string message (403) and a list (400, every message kept)")
    func errorBodiesThroughClient() async throws {
        await expectFailure(.keyRejected(status: 403, message: "Invalid API key")) { try await self.client(serving: "quirks/error-message-string.json", status: 403).instances() }
        await expectFailure(.validation(messages: [
                    "name should not be empty",
                    "containerPort must not be greater than 65535",
                    "autoScalingConfigurations.0.scale.cooldownPeriod must not be greater than 3600",
                ])) { try await self.client(serving: "quirks/error-message-array.json", status: 400).instances() }
    }

    @Test("the date transcoder reads dates with and without milliseconds and writes milliseconds")
    func dateTranscoder() throws {
        let transcoder = SesterceDateTranscoder()
        #expect(try transcoder.decode("2019-06-26T13:00:00.000Z") == referenceDate)
        #expect(try transcoder.decode("2019-06-26T13:00:00Z") == referenceDate)
        #expect(try transcoder.decode("2019-06-26T13:00:00.5Z") == referenceDate.addingTimeInterval(0.5))
        #expect(try transcoder.encode(referenceDate) == "2019-06-26T13:00:00.000Z")
        #expect(try transcoder.encode(referenceDate.addingTimeInterval(0.25)) == "2019-06-26T13:00:00.250Z")
        for bad in ["26/06/2019", "", "2019-06-26", "2019-06-26T13:00:00.000+25:00"] {
            do {
                let date = try transcoder.decode(bad)
                Issue.record("'\(bad)' decoded as \(date)")
            } catch {
                #expect(error is DecodingError)
            }
        }
    }

    @Test("a malformed date in a response is undecodable, not a crash")
    func badDate() async throws {
        let body = #"[{"_id":"a","name":"n","status":"ACTIVE","createdAt":"yesterday"}]"#
        let error = await failure { try await stubClient(StubTransport(always: .json(200, body))).instances() }
        guard case .undecodable(let what, let detail)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(what == "instances")
        #expect(detail.contains("yesterday"))
    }

    @Test("instance status: every known value, and unknown ones kept as they are", arguments: InstanceStatus.known)
    func knownStatuses(status: InstanceStatus) throws {
        #expect(InstanceStatus(rawValue: status.rawValue) == status)
        if case .other = status { Issue.record("\(status) should be known") }
        let decoded = try JSONDecoder().decode([InstanceStatus].self, from: Data(#"["\#(status.rawValue)"]"#.utf8))
        #expect(decoded == [status])
    }

    @Test("the known statuses are those of sesterce-cli 1.4.8")
    func statusNames() {
        #expect(
            InstanceStatus.known.map(\.rawValue)
                == ["NEW", "ACTIVE", "PENDING", "ERROR", "DISABLED", "DELETED", "DELETING", "DEPLOYING", "FAILED", "PARTIALLYDEPLOYED"])
        #expect(InstanceStatus(rawValue: "active") == .other("active"))
        #expect(InstanceStatus(rawValue: "") == .other(""))
    }
}

/// Whether two JSON documents are the same value (key order and spacing aside).
func sameJSON(_ a: Data, _ b: Data) throws -> Bool {
    func canonical(_ data: Data) throws -> Data {
        try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
    }
    return try canonical(a) == canonical(b)
}
