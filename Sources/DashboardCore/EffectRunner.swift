import Foundation
import SesterceAPI
import Synchronization

/// Performs effects with the API client and reports each outcome as an action
/// through `send`. Poll timers are one-shot and keyed by kind: arming one
/// replaces the previous, and `reduce` re-arms only after a poll returned.
public final class EffectRunner: Sendable {
    private let client: SesterceClient
    private let send: @Sendable (Action) -> Void
    private let timers = Mutex<[PollKind: Task<Void, Never>]>([:])

    public init(client: SesterceClient, send: @escaping @Sendable (Action) -> Void) {
        self.client = client
        self.send = send
    }

    deinit { cancelAll() }

    /// Stops the poll timers (on quit); requests in flight end with the process.
    public func cancelAll() {
        timers.withLock { timers in
            timers.values.forEach { $0.cancel() }
            timers.removeAll()
        }
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .schedule(let kind, let delay, let token):
            let task = Task { [send] in
                try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                guard !Task.isCancelled else { return }
                send(.pollDue(kind, token: token))
            }
            timers.withLock { $0.updateValue(task, forKey: kind)?.cancel() }
        case .quit:
            cancelAll()
        default:
            perform(effect)
        }
    }

    private func perform(_ effect: Effect) {
        Task { [client, send] in
            if let action = await Self.outcome(of: effect, client: client) { send(action) }
        }
    }

    static func outcome(of effect: Effect, client: SesterceClient) async -> Action? {
        switch effect {
        case .pollInstances(let detailId):
            async let list = attempt { () throws(APIError) in try await client.instances() }
            async let detail = detailId.asyncMap { id in await attempt { () throws(APIError) in try await client.instance(id: id) } }
            let (listResult, detailResult) = await (list, detail)
            return .instancesPolled(listResult, detail: detailResult, at: Date())
        case .fetchDetail(let id):
            return .detailLoaded(await attempt { () throws(APIError) in try await client.instance(id: id) }, at: Date())
        case .pollCatalog:
            async let models = attempt { () throws(APIError) in try await client.models() }
            async let hardware = attempt { () throws(APIError) in try await client.hardware() }
            async let regions = attempt { () throws(APIError) in try await client.regions() }
            async let registries = attempt { () throws(APIError) in try await client.registries() }
            let result = await CatalogResult(models: models, hardware: hardware, regions: regions, registries: registries)
            return .catalogPolled(result, at: Date())
        case .fetchHardwarePrices(let probes):
            return .hardwarePricesLoaded(await PriceProbe.hourlyPrices(probes, client: client))
        case .schedulePrice(let delay, let token):
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            return .priceDue(token: token)
        case .quotePrice(let query, let token):
            return .priceQuoted(token: token, await attempt { () throws(APIError) in try await estimate(query, client) })
        case .perform(.createInstance(let spec)):
            return .instanceSaved(.createInstance(spec), await attempt { () throws(APIError) in
                try await client.createInstance(spec)
            })
        case .perform(.updateInstance(let id, let spec)):
            return .instanceSaved(.updateInstance(id: id, spec: spec), await attempt { () throws(APIError) in
                try await client.updateInstance(id: id, spec)
            })
        case .perform(let mutation):
            let result = await attempt { () throws(APIError) in
                switch mutation {
                case .start(let id, _): try await client.startInstance(id: id)
                case .stop(let id, _): try await client.stopInstance(id: id)
                case .createRegistry(let name, let credentials): _ = try await client.createRegistry(name: name, credentials: credentials)
                case .updateRegistry(let id, _, let credentials): try await client.updateRegistry(id: id, credentials: credentials)
                case .deleteRegistry(let id, _): try await client.deleteRegistry(id: id)
                case .deleteInstance(let id, _): try await client.deleteInstance(id: id)
                case .createInstance, .updateInstance: break
                }
            }
            if case .failure(let error) = result { return .mutationFinished(mutation, error: error) }
            return .mutationFinished(mutation, error: nil)
        case .schedule, .quit:
            return nil
        }
    }

    /// The price at max scale and the hourly price at min scale (regions at 0
    /// pods cost nothing and are left out; all at 0 costs nothing at all).
    private static func estimate(_ query: PriceQuery, _ client: SesterceClient) async throws(APIError) -> PriceEstimate {
        func running(_ list: [RegionPods]) -> [(regionId: Int, max: Int)] {
            list.filter { $0.pods > 0 }.map { (regionId: $0.regionId, max: $0.pods) }
        }
        let atMax = running(query.maxPods), atMin = running(query.minPods)
        async let max = attempt { () throws(APIError) in try await client.price(hardwareId: query.hardwareId, maxPods: atMax) }
        async let min = attempt { () throws(APIError) in
            atMin.isEmpty ? 0 : try await client.price(hardwareId: query.hardwareId, maxPods: atMin).pricePerHour
        }
        return PriceEstimate(
            atMax: try await max.get(), perHourAtMin: try await min.get(),
            maxPods: query.maxPods.map(\.pods).saturatingSum, minPods: query.minPods.map(\.pods).saturatingSum)
    }

    private static func attempt<T>(_ work: () async throws(APIError) -> T) async -> Result<T, APIError> {
        do {
            return .success(try await work())
        } catch {
            return .failure(error)
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}
