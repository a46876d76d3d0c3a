import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The one way the app talks to the Sesterce AI Inference API: a method per
/// endpoint, domain models in and out, and `APIError` for every failure.
/// Reads are retried after transient failures; mutations never are.
public struct SesterceClient: Sendable {
    public static let version = "0.2.0"
    public static let defaultUserAgent = "sesterce-dash/\(version)"
    public static let liveBaseURL = URL(string: "https://api.cloud.sesterce.com")!

    /// Host (and port) of the service, for display: never the key.
    public let baseURL: URL
    private let client: Client
    private let instanceList: InstanceListOperation
    private var retry: RetryPolicy

    /// The same client with another retry policy (`.none` where a scheduler
    /// above it retries, pacing each attempt).
    public func retrying(_ policy: RetryPolicy) -> SesterceClient {
        var copy = self
        copy.retry = policy
        return copy
    }

    public init(
        baseURL: URL,
        apiKey: String,
        userAgent: String = SesterceClient.defaultUserAgent,
        transport: (any ClientTransport)? = nil,
        retry: RetryPolicy = .standard,
        timeouts: Timeouts = .standard,
        requestLog: (@Sendable (RequestRecord) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.retry = retry
        var middlewares: [any ClientMiddleware] = [
            ErrorResponseMiddleware(apiKey: apiKey),
            RequestHeadersMiddleware(apiKey: apiKey, userAgent: userAgent),
        ]
        if let requestLog { middlewares.append(RequestLogMiddleware(host: baseURL.host, record: requestLog)) }
        let transport = transport ?? Self.httpTransport(timeouts)
        self.client = Client(serverURL: baseURL, configuration: .sesterce, transport: transport, middlewares: middlewares)
        self.instanceList = InstanceListOperation(serverURL: baseURL, transport: transport, middlewares: middlewares)
    }

    /// How long a request may take: `request` between bytes (covers connecting),
    /// `total` for the whole exchange.
    public struct Timeouts: Sendable {
        public var request: TimeInterval
        public var total: TimeInterval

        public init(request: TimeInterval, total: TimeInterval) {
            self.request = request
            self.total = total
        }

        public static let standard = Timeouts(request: 10, total: 30)
    }

    // MARK: Catalog

    public func models() async throws(APIError) -> [InferenceModel] {
        try await read("models") {
            guard case .ok(let ok) = try await client.listModels() else { throw Unexpected() }
            return try ok.body.json.map(InferenceModel.init)
        }
    }

    public func hardware() async throws(APIError) -> [HardwareFlavor] {
        try await read("hardware") {
            guard case .ok(let ok) = try await client.listHardware() else { throw Unexpected() }
            return try ok.body.json.map(HardwareFlavor.init)
        }
    }

    public func regions() async throws(APIError) -> [Region] {
        try await read("regions") {
            guard case .ok(let ok) = try await client.listRegions() else { throw Unexpected() }
            return try ok.body.json.map(Region.init)
        }
    }

    /// What a configuration costs at its maximum scale, per region id.
    public func price(hardwareId: String, maxPods: [(regionId: Int, max: Int)]) async throws(APIError) -> PriceQuote {
        let body = Wire.PricingRequest(
            hardwareId: hardwareId,
            autoScalingConfigurations: maxPods.map { .init(regionId: $0.regionId, scale: .init(max: $0.max)) })
        return try await write("pricing") {
            switch try await client.previewPricing(body: .json(body)) {
            case .ok(let ok): return PriceQuote(try ok.body.json)
            case .created(let created): return PriceQuote(try created.body.json)
            default: throw Unexpected()
            }
        }
    }

    // MARK: Registries

    public func registries() async throws(APIError) -> [Registry] {
        try await read("registries") {
            guard case .ok(let ok) = try await client.listRegistries() else { throw Unexpected() }
            return try ok.body.json.map(Registry.init)
        }
    }

    public func createRegistry(name: String, credentials: RegistryCredentials) async throws(APIError) -> Registry {
        let body = Wire.RegistryCreateRequest(
            url: credentials.url, username: credentials.username, password: credentials.password, name: name)
        return try await write("create registry") {
            switch try await client.createRegistry(body: .json(body)) {
            case .ok(let ok): return Registry(try ok.body.json)
            case .created(let created): return Registry(try created.body.json)
            default: throw Unexpected()
            }
        }
    }

    public func updateRegistry(id: String, credentials: RegistryCredentials) async throws(APIError) {
        let body = Wire.RegistryUpdateRequest(
            url: credentials.url, username: credentials.username, password: credentials.password)
        try await write("update registry") {
            _ = try await client.updateRegistry(path: .init(id: id), body: .json(body))
        }
    }

    public func deleteRegistry(id: String) async throws(APIError) {
        try await write("delete registry") {
            _ = try await client.deleteRegistry(path: .init(id: id))
        }
    }

    // MARK: Instances

    public func instances() async throws(APIError) -> [Instance] {
        try await read("instances") {
            guard let instances = try await instanceList.instances() else { throw Unexpected() }
            return instances
        }
    }

    public func instance(id: String) async throws(APIError) -> InstanceDetail {
        try await read("instance \(id)") {
            guard case .ok(let ok) = try await client.getInstance(path: .init(id: id)) else { throw Unexpected() }
            return InstanceDetail(try ok.body.json)
        }
    }

    public func createInstance(_ spec: InstanceSpec) async throws(APIError) -> Instance {
        try await write("create instance") {
            switch try await client.createInstance(body: .json(spec.createRequest)) {
            case .ok(let ok): return Instance(try ok.body.json)
            case .created(let created): return Instance(try created.body.json)
            default: throw Unexpected()
            }
        }
    }

    public func updateInstance(id: String, _ spec: InstanceSpec) async throws(APIError) -> Instance {
        try await write("update instance") {
            guard case .ok(let ok) = try await client.updateInstance(path: .init(id: id), body: .json(spec.updateRequest))
            else { throw Unexpected() }
            return Instance(try ok.body.json)
        }
    }

    public func startInstance(id: String) async throws(APIError) {
        try await write("start instance") {
            _ = try await client.startInstance(path: .init(id: id))
        }
    }

    public func stopInstance(id: String) async throws(APIError) {
        try await write("stop instance") {
            _ = try await client.stopInstance(path: .init(id: id))
        }
    }

    public func deleteInstance(id: String) async throws(APIError) {
        try await write("delete instance") {
            _ = try await client.deleteInstance(path: .init(id: id))
        }
    }

    // MARK: Plumbing

    // Error statuses never reach the generated outputs (ErrorResponseMiddleware
    // throws them), so a no-content operation that returns has succeeded, with
    // 204 or any other 2xx.

    /// A success status the spec did not declare for this operation.
    private struct Unexpected: Error {}

    private func read<T>(_ what: String, _ work: () async throws -> T) async throws(APIError) -> T {
        var attempt = 0
        while true {
            do {
                return try await RequestAttempt.$retry.withValue(attempt) { try await work() }
            } catch {
                let failure = Self.apiError(error, what: what, host: baseURL.host)
                guard failure.isTransient, attempt < retry.maxRetries, !Task.isCancelled else { throw failure }
                attempt += 1
                try? await Task.sleep(for: retry.delay(beforeRetry: attempt))
            }
        }
    }

    private func write<T>(_ what: String, _ work: () async throws -> T) async throws(APIError) -> T {
        do {
            return try await work()
        } catch {
            throw Self.apiError(error, what: what, host: baseURL.host)
        }
    }

    /// `error` as an `APIError`; `host` is the service's, for failures below HTTP.
    static func apiError(_ error: any Error, what: String, host: String?) -> APIError {
        let cause = (error as? ClientError)?.underlyingError ?? error
        switch cause {
        case let apiError as APIError:
            return apiError
        case is Unexpected:
            return .undecodable(what: what, detail: "unexpected success status")
        case let decoding as DecodingError:
            return .undecodable(what: what, detail: describe(decoding))
        default:
            if let failure = APIError(transport: cause, host: host) {
                return failure
            }
            if let clientError = error as? ClientError, clientError.response != nil {
                return .undecodable(what: what, detail: clientError.causeDescription)
            }
            return .unreachable(detail: String(describing: cause))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .typeMismatch(let type, let context): return "expected \(type)\(path(context))"
        case .valueNotFound(let type, let context): return "missing \(type)\(path(context))"
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)'\(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription)\(path(context))"
        @unknown default: return String(describing: error)
        }
    }
}
