import ArgumentParser
import DashboardCore
import Foundation
import SesterceAPI

/// What `sesterce-dash list` shows: the dashboard's panes, without the screen.
public enum ListKind: String, CaseIterable, Sendable, ExpressibleByArgument {
    case instances, regions, hardware, models, registries
}

/// The commands for scripts: a few requests, one output on standard output,
/// no screen. Failures are the client's `APIError`s, whose descriptions never
/// hold the key.
public struct ScriptCommands: Sendable {
    public var client: SesterceClient
    public var format: OutputFormat

    public init(client: SesterceClient, format: OutputFormat) {
        self.client = client
        self.format = format
    }

    /// Every item of a kind, sorted by name (regions by id), as a table or a JSON array.
    public func list(_ kind: ListKind) async throws -> String {
        switch kind {
        case .instances:
            let records = try await client.instances().sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(InstanceRecord.init)
            return format == .json ? try JSONOutput.encode(records) : ListTables.instances(records)
        case .regions:
            let records = try await client.regions().sorted { $0.id < $1.id }.map(RegionRecord.init)
            return format == .json ? try JSONOutput.encode(records) : ListTables.regions(records)
        case .hardware:
            let records = try await hardware()
            return format == .json ? try JSONOutput.encode(records) : ListTables.hardware(records)
        case .models:
            let records = try await client.models().sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(ModelRecord.init)
            return format == .json ? try JSONOutput.encode(records) : ListTables.models(records)
        case .registries:
            let records = try await client.registries().sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(RegistryRecord.init)
            return format == .json ? try JSONOutput.encode(records) : ListTables.registries(records)
        }
    }

    /// Hardware with the price of one pod, asked of the pricing preview in a
    /// region that has room for it (else any active one), as the Hardware pane does.
    private func hardware() async throws -> [HardwareRecord] {
        async let flavors = client.hardware()
        async let regions = client.regions()
        let (hardware, catalogRegions) = try await (flavors, regions)
        let prices = await PriceProbe.hourlyPrices(PriceProbe.probes(for: hardware, in: catalogRegions)) { [client] probe in
            try? await client.price(hardwareId: probe.hardwareId, maxPods: [(probe.regionId, 1)]).pricePerHour
        }
        return hardware.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { HardwareRecord($0, hourlyPrice: prices[$0.id]) }
    }

    /// Starts or stops the instance named (or with the id) `instance`. The
    /// service answers at once; the instance then moves through its states
    /// (watch them with `list instances`). An unknown or ambiguous name is a
    /// `CommandRefusal`: nothing is sent.
    public func perform(_ action: InstanceAction, instance query: String) async throws -> String {
        let instance = try NameLookup.instance(query, in: try await client.instances())
        switch action {
        case .start: try await client.startInstance(id: instance.id)
        case .stop: try await client.stopInstance(id: instance.id)
        }
        let record = InstanceActionRecord(action: action.rawValue, id: instance.id)
        return format == .json
            ? try JSONOutput.encode(record)
            : "\(action.rawValue.capitalized) requested for instance \(instance.name) (\(instance.id)).\n"
    }

    /// What a configuration costs at `maxPods` pods in each region; hardware
    /// and regions by id or name. A region that is not ACTIVE, or has no room
    /// for the hardware, is refused (a `CommandRefusal`, nothing priced)
    /// unless `force`: the price of what cannot be deployed misleads.
    public func price(hardware hardwareQuery: String, regions regionQueries: [String], maxPods: Int, force: Bool = false)
        async throws -> String
    {
        async let flavors = client.hardware()
        async let catalogRegions = client.regions()
        let (hardwareList, regionList) = try await (flavors, catalogRegions)
        let flavor = try NameLookup.hardware(hardwareQuery, in: hardwareList)
        var regions: [Region] = []
        for query in regionQueries { regions.append(try NameLookup.region(query, in: regionList)) }
        if !force {
            for region in regions {
                if !region.isActive {
                    throw CommandRefusal("Region \(region.name) (\(region.id)) is \(region.state), not ACTIVE: nothing priced (--force prices it anyway).")
                }
                if region.capacity(for: flavor.id) == 0 {
                    throw CommandRefusal("Region \(region.name) (\(region.id)) has no room for \(flavor.name): nothing priced (--force prices it anyway).")
                }
            }
        }
        let regionIds = regions.map(\.id)
        let quote = try await client.price(hardwareId: flavor.id, maxPods: regionIds.map { ($0, maxPods) })
        let record = PriceRecord(quote, hardwareId: flavor.id, regionIds: regionIds, maxPods: maxPods)
        return format == .json ? try JSONOutput.encode(record) : ListTables.price(record)
    }
}

/// `start` and `stop`.
public enum InstanceAction: String, Sendable {
    case start, stop
}
