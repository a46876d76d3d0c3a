/// A pricing preview for one pod of a hardware flavor in a region: the API has
/// no price list, so one pod's $/h is asked of the pricing endpoint. The
/// Hardware pane and `sesterce-dash list hardware` both use it.
public struct PriceProbe: Hashable, Sendable {
    public var hardwareId: String
    public var regionId: Int

    public init(hardwareId: String, regionId: Int) {
        self.hardwareId = hardwareId
        self.regionId = regionId
    }

    /// One probe per flavor, in a region with room for it, else any ACTIVE
    /// one; a flavor with no ACTIVE region gets none.
    public static func probes(for hardware: [HardwareFlavor], in regions: [Region]) -> [PriceProbe] {
        hardware.compactMap { flavor in
            let region = regions.first { $0.isActive && $0.capacity(for: flavor.id) > 0 } ?? regions.first(where: \.isActive)
            return region.map { PriceProbe(hardwareId: flavor.id, regionId: $0.id) }
        }
    }

    /// One pod's $/h by hardware id, each asked by `price` (all at once: the
    /// caller paces them); a probe answering nil is left out (its price shows
    /// as unknown).
    public static func hourlyPrices(
        _ probes: [PriceProbe], price: @escaping @Sendable (PriceProbe) async -> Double?
    ) async -> [String: Double] {
        await withTaskGroup(of: (String, Double)?.self) { group in
            for probe in probes {
                group.addTask { await price(probe).map { (probe.hardwareId, $0) } }
            }
            var prices: [String: Double] = [:]
            for await case let (id, price)? in group { prices[id] = price }
            return prices
        }
    }
}
