import SesterceAPI

/// What the simulated service offers: hardware with its hourly price, regions
/// with their total capacity per hardware, and models. Built from a seed, so
/// the same `--seed` always gives the same ids and capacities.
public struct SimulatorCatalog: Sendable {
    public struct PricedHardware: Sendable {
        public var flavor: HardwareFlavor
        /// Dollars per hour for one pod.
        public var hourlyPrice: Double
    }

    public var hardware: [PricedHardware]
    /// Regions with their total capacity (free capacity is this minus what
    /// instances reserve).
    public var regions: [Region]
    public var models: [InferenceModel]

    public func price(ofHardware id: String) -> Double? {
        hardware.first { $0.flavor.id == id }?.hourlyPrice
    }

    public init(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let shapes: [(name: String, gpu: String, count: Int, memory: Int, cpu: Int, ramGiB: Int, price: Double)] = [
            ("1xL40S / 16 vCPU / 232GiB RAM", "NVIDIA-L40S", 1, 48, 16, 232, 1.44),
            ("1xA100 / 24 vCPU / 240GiB RAM", "NVIDIA-A100-80GB", 1, 80, 24, 240, 1.89),
            ("1xH100 / 26 vCPU / 225GiB RAM", "NVIDIA-H100-80GB", 1, 80, 26, 225, 2.49),
            ("2xH100 / 52 vCPU / 450GiB RAM", "NVIDIA-H100-80GB", 2, 80, 52, 450, 4.98),
            ("1xH200 / 32 vCPU / 280GiB RAM", "NVIDIA-H200", 1, 141, 32, 280, 3.59),
            ("8xH100 / 208 vCPU / 1800GiB RAM", "NVIDIA-H100-80GB", 8, 80, 208, 1800, 19.92),
        ]
        hardware = shapes.map { shape in
            PricedHardware(
                flavor: HardwareFlavor(
                    id: random.uuid(), name: shape.name, cpuMillicores: shape.cpu * 1000, ramMiB: shape.ramGiB * 1024,
                    gpu: GPU(model: shape.gpu, count: shape.count, memoryGiB: shape.memory)),
                hourlyPrice: shape.price)
        }
        let places: [(id: Int, name: String, country: String, state: String)] = [
            (18, "Singapore", "SG", "ACTIVE"),
            (42, "Paris", "FR", "ACTIVE"),
            (57, "Frankfurt", "DE", "ACTIVE"),
            (63, "Helsinki", "FI", "ACTIVE"),
            (78, "Dallas", "US", "ACTIVE"),
            (91, "Montreal", "CA", "ACTIVE"),
            (104, "Tokyo", "JP", "MAINTENANCE"),
        ]
        let hardwareIds = hardware.map(\.flavor.id)
        regions = places.enumerated().map { index, place in
            var capacities: [String: Int] = [:]
            for (h, id) in hardwareIds.enumerated() {
                // Big GPUs are scarce; every region lacks at least one flavor.
                let scarce = h >= 3
                let none = (index + h) % 4 == 3
                capacities[id] = none ? 0 : Int.random(in: scarce ? 2...8 : 12...48, using: &random)
            }
            return Region(id: place.id, name: place.name, countryCode: place.country, state: place.state, capacities: capacities)
        }
        let entries: [(name: String, port: Int, hardware: Int, features: [String])] = [
            ("llama-3.1-8b-instruct", 8000, 0, ["chat"]),
            ("llama-3.3-70b-instruct", 8000, 3, ["chat"]),
            ("mistral-small-24b-instruct", 8000, 1, ["chat"]),
            ("qwen2.5-coder-32b-instruct", 8000, 2, ["chat", "code"]),
            ("stable-diffusion-xl", 7860, 0, ["image"]),
            ("whisper-large-v3", 9000, 0, ["audio"]),
            ("bge-m3", 8080, 0, ["embedding"]),
        ]
        models = entries.map { entry in
            InferenceModel(
                id: random.uuid(), name: entry.name, port: entry.port, defaultHardwareId: hardwareIds[entry.hardware],
                features: entry.features)
        }
    }
}
