import Foundation
import SesterceAPI

/// Everything that can happen to the dashboard: time passing, results coming
/// back from the API, and what the person asks for. `reduce` is the only
/// consumer.
public enum Action: Equatable, Sendable {
    /// The dashboard opened at this time: first polls go out.
    case launched(Date)
    case tick(Date)
    case resized(width: Int, height: Int)

    /// An armed poll timer fired; stale tokens (a newer poll was armed) are ignored.
    case pollDue(PollKind, token: Int)
    case instancesPolled(Result<[Instance], APIError>, detail: Result<InstanceDetail, APIError>?, at: Date)
    case detailLoaded(Result<InstanceDetail, APIError>, at: Date)
    case catalogPolled(CatalogResult, at: Date)
    /// Hourly price of one pod per hardware id, from the pricing preview.
    case hardwarePricesLoaded([String: Double])
    case mutationFinished(Mutation, error: APIError?)
    /// An instance was created or updated (or the server refused it).
    case instanceSaved(Mutation, Result<Instance, APIError>)
    /// The debounce of a price preview ran out; stale tokens are ignored.
    case priceDue(token: Int)
    case priceQuoted(token: Int, Result<PriceEstimate, APIError>)

    case command(Command)
    case filterInput(Character)
    case filterBackspace
    case commitFilter
    case clearFilter
    case confirm
    case cancel
    /// Typing the name that confirms a delete.
    case confirmInput(Character)
    case confirmBackspace

    /// Editing in the open form, and leaving it.
    case formInput(FormInput)
    case submitForm
    case cancelForm
}

/// The four catalog lists, fetched together; each may fail on its own.
public struct CatalogResult: Equatable, Sendable {
    public var models: Result<[InferenceModel], APIError>
    public var hardware: Result<[HardwareFlavor], APIError>
    public var regions: Result<[Region], APIError>
    public var registries: Result<[Registry], APIError>

    public init(
        models: Result<[InferenceModel], APIError>, hardware: Result<[HardwareFlavor], APIError>,
        regions: Result<[Region], APIError>, registries: Result<[Registry], APIError>
    ) {
        self.models = models
        self.hardware = hardware
        self.regions = regions
        self.registries = registries
    }

    /// The first failure as text, for logs.
    public var firstErrorDescription: String? { firstError.map(String.init(describing:)) }

    /// The first failure, if any part failed.
    var firstError: APIError? {
        for result in [models.map { _ in () }, hardware.map { _ in () }, regions.map { _ in () }, registries.map { _ in () }] {
            if case .failure(let error) = result { return error }
        }
        return nil
    }
}

/// A change that was asked for: to an instance, or to a registry.
public enum Mutation: Hashable, Sendable {
    case start(id: String, name: String)
    case stop(id: String, name: String)
    case createRegistry(name: String, credentials: RegistryCredentials)
    case updateRegistry(id: String, name: String, credentials: RegistryCredentials)
    case deleteRegistry(id: String, name: String)
    case createInstance(InstanceSpec)
    case updateInstance(id: String, spec: InstanceSpec)
    case deleteInstance(id: String, name: String)

    /// The instance a start or stop is about.
    public var instanceId: String? {
        switch self {
        case .start(let id, _), .stop(let id, _): id
        case .createRegistry, .updateRegistry, .deleteRegistry, .createInstance, .updateInstance, .deleteInstance: nil
        }
    }
}
