import DashboardCore
import Foundation
import SesterceAPI

/// Small, readable test data and a state builder.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    static func instance(
        _ id: String, _ name: String, _ status: InstanceStatus = .active, price: Double = 1.44,
        created: TimeInterval = -3600, address: String? = "https://x.ai.sesterce.dev/"
    ) -> Instance {
        Instance(
            id: id, name: name, status: status, hourlyPrice: price, features: ["chat"], address: address,
            createdAt: t0.addingTimeInterval(created), updatedAt: t0)
    }

    static let fleet: [Instance] = [
        instance("a1", "chat-prod", .active, price: 2.88, created: -86_400 * 3),
        instance("b2", "sdxl-render", .deploying, price: 1.44, created: -120),
        instance("c3", "whisper-batch", .disabled, price: 0, created: -7200),
        instance("d4", "llama70b-eu", .partiallyDeployed, price: 9.96, created: -86_400),
        instance("e5", "support-bot", .error, price: 0, created: -600),
    ]

    static let l40s = HardwareFlavor(
        id: "hw-l40s", name: "1xL40S / 16 vCPU / 232GiB RAM", cpuMillicores: 16000, ramMiB: 237_568,
        gpu: GPU(model: "NVIDIA-L40S", count: 1, memoryGiB: 48))
    static let h100 = HardwareFlavor(
        id: "hw-h100", name: "1xH100 / 26 vCPU / 225GiB RAM", cpuMillicores: 26000, ramMiB: 230_400,
        gpu: GPU(model: "NVIDIA-H100-80GB", count: 1, memoryGiB: 80))
    static let paris = Region(id: 42, name: "Paris", countryCode: "FR", state: "ACTIVE", capacities: ["hw-l40s": 12, "hw-h100": 0])
    static let tokyo = Region(id: 104, name: "Tokyo", countryCode: "JP", state: "MAINTENANCE", capacities: ["hw-l40s": 4, "hw-h100": 2])
    static let llama = InferenceModel(id: "m-llama", name: "llama-3.1-8b-instruct", port: 8000, defaultHardwareId: "hw-l40s", features: ["chat"])
    static let registry = Registry(id: "r1", name: "ghcr-vllm", url: "ghcr.io/acme/vllm:1", username: nil, createdAt: t0, updatedAt: t0)

    static var catalog: CatalogLists {
        CatalogLists(
            models: .success([llama]), hardware: .success([l40s, h100]), regions: .success([paris, tokyo]),
            registries: .success([registry]))
    }

    static func detail(_ id: String, name: String, ready: Int, total: Int, error: String? = nil) -> InstanceDetail {
        InstanceDetail(
            id: id, name: name, status: .active, hourlyPrice: 2.88, features: ["chat"], address: "https://x/",
            containerPort: 8000, description: "prod chat", podLifetime: 600,
            regions: [RegionDeployment(
                regionId: 42,
                scale: ScaleLimits(min: 1, max: 4, cooldownPeriod: 300, triggers: ScalingTriggers(gpuUtilization: 80, http: HTTPRateTrigger(rate: 50, window: 30))),
                total: total, ready: ready, errorMessage: error)],
            hardwareId: "hw-l40s", modelId: "m-llama", registryId: nil,
            envs: ["HF_TOKEN": "hf_secret_value", "MAX_MODEL_LEN": "8192"], startupCommand: nil, apiKeyIds: ["k1"],
            createdAt: t0, updatedAt: t0)
    }

    /// A dashboard just launched at `t0`: its first polls are out, nothing has come back.
    static func launchedState(readonly: Bool = false, width: Int = 80, height: Int = 24) -> State {
        var state = State(settings: .init(refreshInterval: 5, readonly: readonly, host: "api.cloud.sesterce.com"), now: t0)
        _ = reduce(&state, .resized(width: width, height: height))
        _ = reduce(&state, .launched(t0))
        return state
    }

    /// A launched dashboard (80x24) that has received the fleet and the catalog.
    static func loadedState(readonly: Bool = false, width: Int = 80, height: Int = 24) -> State {
        var state = launchedState(readonly: readonly, width: width, height: height)
        state.receive(catalog, at: t0)
        _ = reduce(&state, .instancesPolled(.success(fleet), detail: nil, at: t0))
        return state
    }

    /// The table the screen shows for `pane`, or nil if it shows none.
    static func table(of pane: Pane, in state: State) -> TableModel? {
        var shown = state
        shown.pane = pane
        shown.detailId = nil
        guard case .table(let table) = ScreenModel(shown).body else { return nil }
        return table
    }

    /// Names of the instance rows in their on-screen order.
    static func names(_ state: State) -> [String] {
        state.listings[.instances]!.order.map { state.instances[$0].name }
    }
}
