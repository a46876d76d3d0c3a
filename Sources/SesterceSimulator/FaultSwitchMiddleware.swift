import Foundation
import Hummingbird

/// The simulator's own switch for its faults, so that a soak test can turn the
/// trouble off while a client keeps running and watch it recover:
///
/// - `GET /_sim/faults` answers `{"latencyMs":1500,"errorRate":0.2,"rateLimit":2,"rateLimited":3}`,
///   the last being how many requests were answered 429 so far.
/// - `PUT /_sim/faults` with any of those fields sets them (the others stay)
///   and answers the faults now in force; a bad value gets a NestJS-style 400.
///
/// It sits in front of every other middleware, so these requests are never
/// delayed, failed or rate-limited by the faults they change, and they need
/// neither the API key nor a User-Agent (`curl` works). The server listens on
/// 127.0.0.1 only, so the switch is reachable from this machine only.
struct FaultSwitchMiddleware<Context: RequestContext>: RouterMiddleware {
    let injector: FaultInjector

    static var path: String { "/_sim/faults" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == Self.path else { return try await next(request, context) }
        switch request.method {
        case .get:
            return Self.json(injector.faults, rateLimited: injector.rateLimitedCount)
        case .put:
            let body = try await request.body.collect(upTo: 64 * 1024)
            switch FaultChange.parse(Data(body.readableBytesView)) {
            case .success(let change):
                return Self.json(injector.change(change))
            case .failure(let problems):
                return NestError.validation(problems.messages, path: Self.path).response
            }
        default:
            return NestError(status: 405, messages: ["Use GET or PUT on \(Self.path)"], path: Self.path).response
        }
    }

    static func json(_ faults: Faults, rateLimited: Int? = nil) -> Response {
        var object: [String: Any] = ["latencyMs": faults.latencyMs, "errorRate": faults.errorRate, "rateLimit": faults.rateLimit]
        if let rateLimited { object["rateLimited"] = rateLimited }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The fields a `PUT /_sim/faults` body sets; absent fields keep their value.
public struct FaultChange: Equatable, Sendable {
    public var latencyMs: Int?
    public var errorRate: Double?
    public var rateLimit: Int?

    public init(latencyMs: Int? = nil, errorRate: Double? = nil, rateLimit: Int? = nil) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.rateLimit = rateLimit
    }

    /// Every field switched to "no trouble".
    public static let allOff = FaultChange(latencyMs: 0, errorRate: 0, rateLimit: 0)

    public func applied(to faults: Faults) -> Faults {
        Faults(
            latencyMs: latencyMs ?? faults.latencyMs, errorRate: errorRate ?? faults.errorRate,
            rateLimit: rateLimit ?? faults.rateLimit)
    }

    /// What was wrong with a body, one message per problem.
    struct Problems: Error, Equatable {
        var messages: [String]
    }

    /// Reads a JSON object body, rejecting unknown fields and out-of-range values.
    static func parse(_ data: Data) -> Result<FaultChange, Problems> {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return .failure(Problems(messages: ["body must be a JSON object with latencyMs, errorRate and/or rateLimit"]))
        }
        var change = FaultChange()
        var problems: [String] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch (key, value) {
            case ("latencyMs", .number(let number)) where number >= 0 && number <= 600_000 && number.rounded() == number:
                change.latencyMs = Int(number)
            case ("latencyMs", _):
                problems.append("latencyMs must be a whole number of milliseconds from 0 to 600000")
            case ("errorRate", .number(let number)) where (0...1).contains(number):
                change.errorRate = number
            case ("errorRate", _):
                problems.append("errorRate must be a number from 0 to 1")
            case ("rateLimit", .number(let number)) where number >= 0 && number <= 1_000_000 && number.rounded() == number:
                change.rateLimit = Int(number)
            case ("rateLimit", _):
                problems.append("rateLimit must be a whole number of requests per second, 0 for no limit")
            default:
                problems.append("property \(key) should not exist")
            }
        }
        return problems.isEmpty ? .success(change) : .failure(Problems(messages: problems))
    }
}
