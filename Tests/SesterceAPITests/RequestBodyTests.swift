import Foundation
import SesterceAPI
import Testing

/// What goes over the wire for each write, compared with the expected JSON as
/// a whole (key order aside): names, shapes, and `null` for what is not set.
@Suite("Request bodies on the wire")
struct RequestBodyTests {
    /// Sends with `work` and returns the one request body it produced.
    static func body(_ work: (SesterceClient) async throws -> Void) async throws -> Data {
        let transport = StubTransport { request, _ in
            switch (request.method, request.path ?? "") {
            case (.post, "/ai-inference/instances"): try .fixture("reference/instance-create-response.json", status: 201)
            case (.patch, _): try .fixture("reference/instance-update-response.json")
            case (.post, "/ai-inference/instances/pricing"): try .fixture("reference/pricing-response.json", status: 201)
            case (.post, "/ai-inference/registries"): try .fixture("reference/registry-create-response.json", status: 201)
            default: .noContent
            }
        }
        let recorder = RecordingTransport(transport)
        try await work(SesterceClient(baseURL: SesterceClient.liveBaseURL, apiKey: "k", transport: recorder))
        return try #require(recorder.exchanges.first?.requestBody)
    }

    static func expectJSON(_ sent: Data, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let same = try sameJSON(sent, Data(expected.utf8))
        #expect(same, "sent \(String(decoding: sent, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// What the instance form sends for its defaults and a name: optional fields as null.
    static let minimal = InstanceSpec(
        name: "chat-eu", modelId: "m-1", hardwareId: "hw-1", containerPort: 8000,
        regions: [RegionScaling(regionId: 42, scale: ScaleLimits(min: 1, max: 1, cooldownPeriod: 300))])

    @Test("create: every field of the reference, unset ones as null, no triggers when none is on")
    func createMinimal() async throws {
        let sent = try await Self.body { _ = try await $0.createInstance(Self.minimal) }
        try Self.expectJSON(sent, """
            {"modelId": "m-1", "containerPort": 8000, "name": "chat-eu", "description": null,
             "autoScalingConfigurations": [{"regionId": 42, "scale": {"min": 1, "max": 1, "cooldownPeriod": 300, "triggers": {}}}],
             "podLifetime": null, "envs": null, "hardwareId": "hw-1", "startupCommand": null, "registryId": null,
             "apiKeyIds": null}
            """)
    }

    @Test("update: the same shape without a name; per-region limits and triggers as set")
    func updateTwoRegions() async throws {
        var spec = Self.minimal
        spec.modelId = nil
        spec.registryId = "reg-1"
        spec.startupCommand = "vllm serve"
        spec.envs = ["MODE": "fast"]
        spec.regions = [
            RegionScaling(regionId: 42, scale: ScaleLimits(min: 0, max: 4, cooldownPeriod: 60, triggers: ScalingTriggers(
                gpuUtilization: 80, http: HTTPRateTrigger(rate: 12, window: 20)))),
            RegionScaling(regionId: 78, scale: ScaleLimits(min: 1, max: 2, cooldownPeriod: 300, triggers: ScalingTriggers(cpu: 90))),
        ]
        let sent = try await Self.body { _ = try await $0.updateInstance(id: "6721058be81810b9dd045f40", spec) }
        try Self.expectJSON(sent, """
            {"modelId": null, "containerPort": 8000, "description": null,
             "autoScalingConfigurations": [
               {"regionId": 42, "scale": {"min": 0, "max": 4, "cooldownPeriod": 60,
                 "triggers": {"gpuUtilization": {"threshold": 80}, "http": {"rate": 12, "window": 20}}}},
               {"regionId": 78, "scale": {"min": 1, "max": 2, "cooldownPeriod": 300, "triggers": {"cpu": {"threshold": 90}}}}],
             "podLifetime": null, "envs": {"MODE": "fast"}, "hardwareId": "hw-1", "startupCommand": "vllm serve",
             "registryId": "reg-1", "apiKeyIds": null}
            """)
    }

    @Test("pricing: the hardware and each region's max")
    func pricing() async throws {
        let sent = try await Self.body { _ = try await $0.price(hardwareId: "hw-1", maxPods: [(42, 4), (78, 2)]) }
        try Self.expectJSON(sent, """
            {"hardwareId": "hw-1", "autoScalingConfigurations": [
              {"regionId": 42, "scale": {"max": 4}}, {"regionId": 78, "scale": {"max": 2}}]}
            """)
    }

    @Test("registry create and update: the reference's bodies")
    func registries() async throws {
        let credentials = RegistryCredentials(
            url: "docker.io/library/user/image:tag", username: "someusername", password: "securepassword")
        let created = try await Self.body { _ = try await $0.createRegistry(name: "example-registry", credentials: credentials) }
        #expect(try sameJSON(created, Fixture.data("reference/registry-create-request.json")))
        let updated = try await Self.body { try await $0.updateRegistry(id: "6721058be81810b9dd045f40", credentials: credentials) }
        #expect(try sameJSON(updated, Fixture.data("reference/registry-update-request.json")))
    }
}
