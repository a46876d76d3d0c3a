import Foundation
import SesterceAPI

/// The instances and registries a simulated account starts with: a handful of
/// realistic endpoints covering every state (one of them partly deployed with
/// an error), then as many more as asked for.
enum DemoAccount {
    static func registries(now: Date, random: inout SeededGenerator) -> [Registry] {
        [
            ("dockerhub-team", "docker.io/acme/inference:latest"),
            ("ghcr-vllm", "ghcr.io/acme/vllm-custom:0.6.3"),
        ].map { name, url in
            let created = now.addingTimeInterval(-Double.random(in: 86_400...2_592_000, using: &random))
            return Registry(id: random.objectId(), name: name, url: url, username: nil, createdAt: created, updatedAt: created)
        }
    }

    private struct Template {
        var name: String
        var model: Int?
        var hardware: Int
        var regions: [(id: Int, min: Int, max: Int)]
        var phase: SimulatedInstance.Phase
        var partial = false
        var envs: [String: String]? = nil
        var startupCommand: String? = nil
        var http = false
        /// Started deploying this many seconds ago (else long ago, so it runs).
        var deployedSecondsAgo: TimeInterval? = nil
    }

    private static let templates: [Template] = [
        Template(name: "chat-prod", model: 0, hardware: 0, regions: [(42, 1, 4), (57, 1, 3)], phase: .deploying,
                 envs: ["HF_TOKEN": "hf_demoNotARealToken", "MAX_MODEL_LEN": "8192"], http: true),
        Template(name: "sdxl-render", model: 4, hardware: 0, regions: [(18, 1, 2)], phase: .deploying),
        Template(name: "llama70b-eu", model: 1, hardware: 3, regions: [(42, 1, 2), (63, 2, 2)], phase: .deploying, partial: true),
        Template(name: "coder-assist", model: 3, hardware: 2, regions: [(78, 2, 3)], phase: .deploying,
                 deployedSecondsAgo: 5),
        Template(name: "whisper-batch", model: 5, hardware: 0, regions: [(91, 0, 4)], phase: .stopped, http: true),
        Template(name: "embeddings-api", model: 6, hardware: 0, regions: [(57, 1, 6), (78, 1, 6)], phase: .deploying),
        Template(name: "support-bot-staging", model: 2, hardware: 1, regions: [(42, 1, 1)],
                 phase: .failed(status: "ERROR", message: "Container exited with code 1: CUDA out of memory")),
        Template(name: "custom-vllm", model: nil, hardware: 4, regions: [(18, 1, 2)], phase: .queued,
                 envs: ["PORT": "3333", "API_SECRET": "s3cr3t-demo-value"],
                 startupCommand: "python -m vllm.entrypoints.openai.api_server --port 3333"),
    ]

    static func instances(
        count: Int, catalog: SimulatorCatalog, registries: [Registry], now: Date, random: inout SeededGenerator
    ) -> [SimulatedInstance] {
        let activeRegions = catalog.regions.filter(\.isActive).map(\.id)
        return (0..<max(0, count)).map { index in
            var template: Template
            if index < templates.count {
                template = templates[index]
            } else {
                let model = Int.random(in: 0..<catalog.models.count, using: &random)
                let hardware = catalog.hardware.firstIndex { $0.flavor.id == catalog.models[model].defaultHardwareId } ?? 0
                let regionCount = Int.random(in: 1...2, using: &random)
                let regions = activeRegions.shuffled(using: &random).prefix(regionCount).map { id in
                    (id: id, min: 1, max: Int.random(in: 1...4, using: &random))
                }
                let roll = Double.random(in: 0..<1, using: &random)
                let phase: SimulatedInstance.Phase =
                    switch roll {
                    case ..<0.70: .deploying
                    case ..<0.85: .stopped
                    case ..<0.92: .failed(status: roll < 0.89 ? "FAILED" : "ERROR", message: "Health check failed: no response on port 8000")
                    default: .queued
                    }
                template = Template(
                    name: "\(catalog.models[model].name.split(separator: "-").first ?? "endpoint")-\(String(format: "%04d", index))",
                    model: model, hardware: hardware, regions: regions, phase: phase, partial: roll > 0.66 && roll < 0.70)
            }
            let model = template.model.map { catalog.models[$0] }
            let spec = InstanceSpec(
                name: template.name,
                description: model.map { "\($0.name) endpoint" } ?? "Custom image from \(registries.last?.name ?? "a registry")",
                modelId: model?.id,
                registryId: model == nil ? registries.last?.id : nil,
                hardwareId: catalog.hardware[template.hardware].flavor.id,
                containerPort: model?.port ?? 3333,
                regions: template.regions.map { region in
                    RegionScaling(
                        regionId: region.id,
                        scale: ScaleLimits(
                            min: region.min, max: region.max, cooldownPeriod: 300,
                            triggers: ScalingTriggers(
                                gpuUtilization: 80, memory: 90,
                                http: template.http || region.min == 0 ? HTTPRateTrigger(rate: 50, window: 30) : nil)))
                },
                podLifetime: template.http ? 600 : nil,
                envs: template.envs,
                startupCommand: template.startupCommand,
                apiKeyIds: [random.objectId()])
            let created = now.addingTimeInterval(-Double.random(in: 3_600...2_592_000, using: &random))
            // Running instances finished deploying long ago; the rest changed state recently.
            let phaseStart: Date =
                switch template.phase {
                case .deploying: template.deployedSecondsAgo.map { now.addingTimeInterval(-$0) } ?? created
                case .queued: now
                default: created.addingTimeInterval(600)
                }
            return SimulatedInstance(
                id: random.objectId(), spec: spec, features: model?.features ?? ["custom"], createdAt: created,
                updatedAt: phaseStart, phase: template.phase, phaseStart: phaseStart,
                address: address(for: template.name, random: &random),
                failingRegionId: template.partial ? template.regions.last?.id : nil, seed: random.next())
        }
    }

    /// An endpoint URL in the style of the live service.
    static func address(for name: String, random: inout SeededGenerator) -> String {
        let slug = name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(12)
        return "https://\(slug)-\(random.hex(4))-\(random.hex(8)).ai.sesterce.dev/"
    }
}
