import DashboardCore
import Foundation
import SesterceAPI
import SesterceSimulator

/// A simulated account's data, as the dashboard would receive it: the catalog,
/// the one-pod prices, and the instance list both as values and as the JSON
/// body the service sends (dates with milliseconds). Built once, by the
/// simulator, so names, statuses, prices and ages are as varied as in the demo.
struct DemoData {
    /// When the snapshot was taken: the dashboard's "now".
    let now: Date
    let instances: [Instance]
    /// Each instance's detail, by id, and the regions' names, by id.
    let details: [String: InstanceDetail]
    let regionNames: [Int: String]
    /// The four catalog lists, as four polls bring them.
    let catalog: [CatalogList]
    let hardwarePrices: [String: Double]
    let instancesJSON: [UInt8]

    init(instanceCount: Int) async throws {
        var options = SimulatorOptions()
        options.instances = instanceCount
        let clock = ManualClock()
        let store = SimulatorStore(options: options, clock: clock)
        now = clock.now()
        instances = await store.listInstances()
        var details: [String: InstanceDetail] = [:]
        for instance in instances { details[instance.id] = await store.instance(id: instance.id) }
        self.details = details
        regionNames = Dictionary(uniqueKeysWithValues: await store.regions().map { ($0.id, $0.name) })
        let hardware = await store.hardware()
        catalog = [
            .models(.success(await store.models())), .hardware(.success(hardware)),
            .regions(.success(await store.regions())), .registries(.success(await store.listRegistries())),
        ]
        var prices: [String: Double] = [:]
        for flavor in hardware {
            prices[flavor.id] = await store.price(hardwareId: flavor.id, maxPods: [1])?.pricePerHour
        }
        hardwarePrices = prices
        instancesJSON = Array(try Self.serviceEncoder.encode(instances.map(\.wire)))
    }

    /// Compact JSON with the service's date format and unescaped slashes, as
    /// the service writes it.
    private static var serviceEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(SesterceDateTranscoder.string(from: date))
        }
        return encoder
    }
}
