import SesterceModels

/// What an instance form chooses from, taken from the state when the form is
/// built or synced: the catalog, the one-pod prices, names already taken, and
/// for an edit the pods the instance itself holds (free again once it is changed).
struct InstanceFormCatalog: Equatable {
    var models: [InferenceModel]
    var hardware: [HardwareFlavor]
    var regions: [Region]
    var registries: [Registry]
    var prices: [String: Double]
    var takenNames: Set<String>
    /// Pods the edited instance holds per region, on `heldHardwareId`.
    var held: [Int: Int] = [:]
    var heldHardwareId: String?

    /// Free pods of a flavor in a region, counting what the edited instance holds.
    func free(_ regionId: Int, _ hardwareId: String) -> Int {
        guard let region = regions.first(where: { $0.id == regionId }) else { return 0 }
        let own = hardwareId == heldHardwareId ? held[regionId] ?? 0 : 0
        return region.capacity(for: hardwareId).saturatingAdding(own)
    }

    /// ACTIVE regions with room for at least one pod of the flavor.
    func regionsWithCapacity(_ hardwareId: String) -> [Region] {
        regions.filter { $0.isActive && free($0.id, hardwareId) > 0 }
    }

    func region(_ id: Int) -> Region? { regions.first { $0.id == id } }

    /// The regions by name, as the Regions pane lists them: the form shows
    /// them (and their autoscaling groups) in that one order.
    var regionsByName: [Region] {
        regions.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
    func model(_ id: String?) -> InferenceModel? { models.first { $0.id == id } }
}

extension State {
    /// The catalog for an instance form; `editing` is the instance being changed.
    func instanceFormCatalog(editing: InstanceDetail?) -> InstanceFormCatalog {
        var catalog = InstanceFormCatalog(
            models: models, hardware: hardware, regions: regions, registries: registries, prices: hardwarePrices,
            takenNames: Set(instances.filter { $0.id != editing?.id }.map(\.name)))
        if let editing {
            catalog.heldHardwareId = editing.hardwareId
            catalog.held = Dictionary(editing.regions.map { ($0.regionId, $0.scale.max) }) { $0.saturatingAdding($1) }
        }
        return catalog
    }
}
