import Foundation
import HTTPTypes
import OpenAPIRuntime
import SesterceAPI
import SesterceSimulator
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Simulator + client

/// A running simulator on loopback, its manual clock, and a way to make clients
/// for it. Made by `withSimulator`, which stops the server afterwards.
struct Sim {
    let server: SimulatorServer
    let clock: ManualClock

    var url: URL { server.url }
    var store: SimulatorStore { server.store }

    /// A real client over real HTTP (AsyncHTTPClient) to this simulator. Retries are off
    /// unless asked for, so that a failure shows at once.
    func client(
        apiKey: String = "demo-key",
        userAgent: String = SesterceClient.defaultUserAgent,
        transport: (any ClientTransport)? = nil,
        retry: RetryPolicy = .none,
        timeouts: SesterceClient.Timeouts = .standard
    ) -> SesterceClient {
        SesterceClient(
            baseURL: url, apiKey: apiKey, userAgent: userAgent, transport: transport, retry: retry, timeouts: timeouts)
    }

    /// Moves the simulator's time forward (no sleeping).
    func advance(_ seconds: TimeInterval) { clock.advance(by: seconds) }

    /// One raw HTTP request (the client's transport, no client), for what the
    /// client cannot send: unknown routes, malformed bodies. Sends the key and a
    /// User-Agent.
    func raw(_ method: HTTPRequest.Method, _ path: String, json: String? = nil) async throws -> (status: Int, body: Data) {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        request.headerFields[.apiKey] = "demo-key"
        request.headerFields[.userAgent] = "sesterce-dash-tests"
        if json != nil { request.headerFields[.contentType] = "application/json" }
        let (response, body) = try await SesterceClient.httpTransport(.standard).send(
            request, body: json.map { HTTPBody($0) }, baseURL: url, operationID: "raw")
        let data: Data = if let body { try await Data(collecting: body, upTo: 1 << 20) } else { Data() }
        return (response.status.code, data)
    }
}

extension SimulatorOptions {
    /// Options for tests: an empty account unless asked (so capacities are known),
    /// and deployments that never end partly deployed unless asked.
    static func test(
        instances: Int = 0, partialDeployRate: Double = 0, faults: Faults = Faults(), apiKey: String = "demo-key"
    ) -> SimulatorOptions {
        var options = SimulatorOptions()
        options.instances = instances
        options.partialDeployRate = partialDeployRate
        options.faults = faults
        options.apiKey = apiKey
        return options
    }
}

/// Starts a simulator on 127.0.0.1 (free port) with a `ManualClock`, runs `body`,
/// and stops the server whether `body` succeeded or not.
func withSimulator<T>(_ options: SimulatorOptions = .test(), _ body: (Sim) async throws -> T) async throws -> T {
    let clock = ManualClock()
    let server = try await SimulatorServer.start(options, clock: clock)
    do {
        let result = try await body(Sim(server: server, clock: clock))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// No waiting between retries.
let immediateRetry = RetryPolicy(maxRetries: 2, baseDelay: .zero, maxDelay: .zero)

/// The error `work` fails with, or nil if it succeeds. (The client's methods throw
/// `APIError` only; anything else is recorded as an issue.)
func failure<T>(_ work: () async throws -> T) async -> APIError? {
    do {
        _ = try await work()
        return nil
    } catch let error as APIError {
        return error
    } catch {
        Issue.record("not an APIError: \(error)")
        return nil
    }
}

/// The messages of a `.validation` error (nil for any other outcome).
func validationMessages<T>(_ work: () async throws -> T) async -> [String]? {
    guard case .validation(let messages)? = await failure(work) else { return nil }
    return messages
}

// Closure literals are kept out of `#expect(...)` and `#require(...)` in this
// suite: with Swift 6.3.1 a closure written inside a macro argument can get the
// same symbol as another closure of the same type in the enclosing function
// (the macro re-emits the expression and its closures get colliding
// discriminators), and then one of the two bodies runs in place of the other.
// Hence these helpers, and predicates computed into a `let` first.

/// Expects `work` to fail with exactly `expected`.
func expectFailure<T>(
    _ expected: APIError, sourceLocation: SourceLocation = #_sourceLocation, _ work: () async throws -> T
) async {
    let error = await failure(work)
    #expect(error == expected, sourceLocation: sourceLocation)
}

/// Expects `work` to be refused with a 400 listing exactly `messages`.
func expectValidation<T>(
    _ messages: [String], sourceLocation: SourceLocation = #_sourceLocation, _ work: () async throws -> T
) async {
    let error = await failure(work)
    #expect(error == .validation(messages: messages), sourceLocation: sourceLocation)
}

/// A Mongo-style id: 24 lowercase hex digits.
func isObjectId(_ id: String) -> Bool {
    id.count == 24 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }
}

extension Array where Element: Identifiable {
    func first(id: Element.ID) -> Element? {
        first { $0.id == id }
    }
}

// MARK: - Building requests

extension Sim {
    /// A hardware flavor and an ACTIVE region with at least `pods` free for it.
    func placement(pods: Int = 4) async throws -> (hardware: HardwareFlavor, region: Region) {
        let client = client()
        let hardware = try await client.hardware()
        let regions = try await client.regions().filter(\.isActive)
        for flavor in hardware {
            if let region = regions.first(where: { $0.capacity(for: flavor.id) >= pods }) {
                return (flavor, region)
            }
        }
        Issue.record("no ACTIVE region has \(pods) free pods of any hardware")
        throw CancellationError()
    }

    /// Hourly price of one pod of a hardware flavor (the simulator's catalog:
    /// the API itself only tells it through the pricing preview).
    func podPrice(_ hardwareId: String) async throws -> Double {
        try #require(await store.catalog.price(ofHardware: hardwareId))
    }

    /// The first model of the catalog.
    func anyModel() async throws -> InferenceModel {
        try #require(try await client().models().first)
    }
}

/// A valid create request: one region with `min`...`max` pods, CPU trigger.
func spec(
    name: String, model: String?, hardware: String, regions: [Int], min: Int = 1, max: Int = 1,
    cooldown: Int = 300, triggers: ScalingTriggers = ScalingTriggers(cpu: 80), port: Int = 8000,
    registry: String? = nil
) -> InstanceSpec {
    InstanceSpec(
        name: name, description: "test instance", modelId: model, registryId: registry, hardwareId: hardware,
        containerPort: port,
        regions: regions.map { RegionScaling(regionId: $0, scale: ScaleLimits(min: min, max: max, cooldownPeriod: cooldown, triggers: triggers)) },
        podLifetime: 120, envs: ["PORT": "\(port)"], startupCommand: nil, apiKeyIds: ["6721058be81810b9dd045f40"])
}

// MARK: - Transports below the client

/// One HTTP exchange as it went over the wire.
struct Exchange: Sendable {
    var request: HTTPRequest
    var requestBody: Data?
    var response: HTTPResponse?
    var responseBody: Data?
}

/// Passes every request on to a real transport (the client's own, to the
/// simulator, by default) and records what was sent and received.
final class RecordingTransport: ClientTransport, Sendable {
    private let inner: any ClientTransport
    private let log = Mutex<[Exchange]>([])

    init(_ inner: any ClientTransport = SesterceClient.httpTransport(.standard)) {
        self.inner = inner
    }

    var exchanges: [Exchange] { log.withLock { $0 } }
    var count: Int { log.withLock { $0.count } }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let requestData: Data? = if let body { try await Data(collecting: body, upTo: 1 << 24) } else { nil }
        let index = log.withLock { log in
            log.append(Exchange(request: request, requestBody: requestData))
            return log.count - 1
        }
        let (response, responseBody) = try await inner.send(
            request, body: requestData.map { HTTPBody($0) }, baseURL: baseURL, operationID: operationID)
        let responseData: Data? = if let responseBody { try await Data(collecting: responseBody, upTo: 1 << 26) } else { nil }
        log.withLock { log in
            log[index].response = response
            log[index].responseBody = responseData
        }
        return (response, responseData.map { HTTPBody($0) })
    }
}

/// A canned answer of `StubTransport`.
struct StubReply: Sendable {
    var status: Int
    var contentType: String?
    var body: Data
    var headers: [String: String] = [:]

    static func json(_ status: Int = 200, _ text: String, headers: [String: String] = [:]) -> StubReply {
        StubReply(status: status, contentType: "application/json; charset=utf-8", body: Data(text.utf8), headers: headers)
    }

    static func html(_ status: Int, _ text: String) -> StubReply {
        StubReply(status: status, contentType: "text/html; charset=UTF-8", body: Data(text.utf8))
    }

    static func fixture(_ name: String, status: Int = 200) throws -> StubReply {
        StubReply(status: status, contentType: "application/json; charset=utf-8", body: try Fixture.data(name))
    }

    static let noContent = StubReply(status: 204, contentType: nil, body: Data())
}

/// Answers every request from a closure (given the request and its 1-based
/// number), without any network: for bodies and statuses the simulator does not
/// produce. Counts and keeps the requests.
final class StubTransport: ClientTransport, Sendable {
    private let reply: @Sendable (HTTPRequest, Int) throws -> StubReply
    private let log = Mutex<[HTTPRequest]>([])

    init(_ reply: @escaping @Sendable (HTTPRequest, Int) throws -> StubReply) {
        self.reply = reply
    }

    convenience init(always reply: StubReply) {
        self.init { _, _ in reply }
    }

    var requests: [HTTPRequest] { log.withLock { $0 } }
    var count: Int { log.withLock { $0.count } }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let number = log.withLock { log in
            log.append(request)
            return log.count
        }
        let answer = try reply(request, number)
        var fields = HTTPFields()
        if let contentType = answer.contentType { fields[.contentType] = contentType }
        for (name, value) in answer.headers { fields[HTTPField.Name(name)!] = value }
        return (HTTPResponse(status: .init(code: answer.status), headerFields: fields), HTTPBody(answer.body))
    }
}

/// A client whose requests never leave the process.
func stubClient(apiKey: String = "demo-key", retry: RetryPolicy = .none, _ transport: StubTransport) -> SesterceClient {
    SesterceClient(baseURL: URL(string: "https://api.cloud.sesterce.com")!, apiKey: apiKey, transport: transport, retry: retry)
}

// MARK: - Fixtures

enum Fixture {
    /// `Fixtures/<name>`, e.g. "reference/models.json".
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent(name),
            "no resource bundle")
        return try Data(contentsOf: url)
    }

    /// Decodes a fixture into a generated type the way the client's runtime does:
    /// JSON with the Sesterce date transcoder.
    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try sesterceJSONDecoder().decode(type, from: data(name))
    }
}

/// A JSONDecoder configured like OpenAPIRuntime's, with `SesterceDateTranscoder`.
func sesterceJSONDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    let transcoder = SesterceDateTranscoder()
    decoder.dateDecodingStrategy = .custom { decoder in
        try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
    }
    return decoder
}

/// `2019-06-26T13:00:00.000Z`, the date of every example in the reference.
let referenceDate = Date(timeIntervalSince1970: 1_561_554_000)

// MARK: - A port nothing listens on

/// A loopback TCP port that is bound (so no one else can take it) but not
/// listening: connecting to it is refused at once.
final class ClosedPort {
    let port: Int
    private let fd: Int32

    init() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        try #require(fd >= 0, "socket() failed")
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0, "bind() failed")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    deinit { close(fd) }
}
