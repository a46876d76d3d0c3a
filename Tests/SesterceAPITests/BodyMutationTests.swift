import Foundation
import HTTPTypes
import SesterceAPI
import SesterceSimulator
import Testing

/// Valid bodies of the reference and the quirks, broken at random (values of
/// the wrong type, huge numbers, fields gone or doubled, bytes flipped, text
/// cut short) and answered to the real client by a transport below it.
/// Whatever arrives, each call gives a value or an `APIError`: it never traps.
/// Seeds are fixed, and printed with any failure.
@Suite("Mutated API bodies")
struct BodyMutationTests {
    static let mutationsPerBody = 150

    /// A client call and the body that answers it when all is well.
    struct Endpoint: Sendable, CustomStringConvertible {
        var fixture: String
        var status = 200
        var call: @Sendable (SesterceClient) async throws -> Void

        var description: String { fixture }
    }

    static let spec = InstanceSpec(
        name: "mutant", description: nil, modelId: "12ed7523-432c-48f5-b3cd-32e6726d07c8", registryId: nil,
        hardwareId: "59651ba4-657a-41d4-8c42-00f34f732375", containerPort: 8000,
        regions: [RegionScaling(regionId: 18, scale: ScaleLimits(min: 1, max: 2, cooldownPeriod: 300, triggers: ScalingTriggers(cpu: 80)))],
        podLifetime: 120, envs: nil, startupCommand: nil, apiKeyIds: nil)

    static let endpoints: [Endpoint] = [
        Endpoint(fixture: "reference/models.json") { client in _ = try await client.models() },
        Endpoint(fixture: "quirks/models.json") { client in _ = try await client.models() },
        Endpoint(fixture: "reference/hardwares.json") { client in _ = try await client.hardware() },
        Endpoint(fixture: "reference/regions.json") { client in _ = try await client.regions() },
        Endpoint(fixture: "reference/registries.json") { client in _ = try await client.registries() },
        Endpoint(fixture: "quirks/registries.json") { client in _ = try await client.registries() },
        Endpoint(fixture: "reference/instances.json") { client in _ = try await client.instances() },
        Endpoint(fixture: "quirks/instances.json") { client in _ = try await client.instances() },
        Endpoint(fixture: "reference/instance-detail.json") { client in
            _ = try await client.instance(id: "6721058be81810b9dd045f40")
        },
        Endpoint(fixture: "quirks/instance-detail.json") { client in
            _ = try await client.instance(id: "6721058be81810b9dd045f40")
        },
        Endpoint(fixture: "reference/pricing-response.json", status: 201) { client in
            _ = try await client.price(hardwareId: "59651ba4-657a-41d4-8c42-00f34f732375", maxPods: [(18, 2)])
        },
        Endpoint(fixture: "reference/registry-create-response.json", status: 201) { client in
            _ = try await client.createRegistry(name: "r", credentials: RegistryCredentials(url: "u", username: "n", password: "p"))
        },
        Endpoint(fixture: "reference/instance-create-response.json", status: 201) { client in
            _ = try await client.createInstance(BodyMutationTests.spec)
        },
        Endpoint(fixture: "reference/instance-update-response.json") { client in
            _ = try await client.updateInstance(id: "6721058be81810b9dd045f40", BodyMutationTests.spec)
        },
    ]

    @Test("mutated success bodies give a value or an undecodable-response error", arguments: endpoints)
    func successBodies(endpoint: Endpoint) async throws {
        let original = try Fixture.data(endpoint.fixture)
        var outcomes = (values: 0, errors: 0)
        for index in 0..<Self.mutationsPerBody {
            let seed = UInt64(index) &* 0x1000_0000_01B3 ^ UInt64(endpoint.fixture.utf8.count)
            var mutator = BodyMutator(seed: seed)
            let body = mutator.mutate(original)
            let reply = StubReply(status: endpoint.status, contentType: "application/json; charset=utf-8", body: body)
            do {
                try await endpoint.call(stubClient(StubTransport(always: reply)))
                outcomes.values += 1
            } catch let error as APIError {
                outcomes.errors += 1
                let isUndecodable: Bool = if case .undecodable = error { true } else { false }
                #expect(isUndecodable, "seed \(seed) (\(mutator.applied)): \(error)")
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("seed \(seed): not an APIError: \(error)")
            }
        }
        print("\(endpoint.fixture): \(outcomes.values) mutants decoded, \(outcomes.errors) refused as undecodable")
    }

    @Test("mutated error bodies, whatever their status and type, give an APIError that can be described")
    func errorBodies() async throws {
        let originals = [try Fixture.data("quirks/error-message-array.json"), try Fixture.data("quirks/error-message-string.json")]
        let statuses = [400, 401, 403, 404, 409, 418, 429, 500, 502, 503, 504]
        let types: [String?] = ["application/json; charset=utf-8", "text/html; charset=UTF-8", nil, "application/problem+json"]
        var mutator = BodyMutator(seed: 0xE77)
        for round in 0..<600 {
            let body = mutator.mutate(originals[round % originals.count])
            let reply = StubReply(
                status: statuses[round % statuses.count], contentType: types[(round / statuses.count) % types.count], body: body,
                headers: ["Retry-After": mutator.retryAfter()])
            do throws(APIError) {
                _ = try await stubClient(StubTransport(always: reply)).regions()
                Issue.record("round \(round): an error status was taken for a success")
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test("a Retry-After no server means does not trap when the error is described")
    func absurdRetryAfter() async throws {
        for value in ["1e400", "-1e400", "inf", "nan", "1e300", "99999999999999999999999", "-5"] {
            let reply = StubReply.json(429, #"{"statusCode":429,"message":"slow down"}"#, headers: ["Retry-After": value])
            let error = await failure { try await stubClient(StubTransport(always: reply)).models() }
            let described = error?.description ?? ""
            #expect(described.hasPrefix("Rate limited"), "Retry-After: \(value)")
        }
    }

    @Test("Retry-After is kept to a finite, bounded number of seconds, which a poll can wait")
    func retryAfterBounded() async throws {
        for value in ["1e400", "inf", "1e300", "99999999999999999999999"] {
            let reply = StubReply.json(429, #"{"statusCode":429,"message":"slow down"}"#, headers: ["Retry-After": value])
            let error = await failure { try await stubClient(StubTransport(always: reply)).models() }
            guard case .rateLimited(let seconds, _)? = error else {
                Issue.record("Retry-After: \(value) gave \(String(describing: error))")
                continue
            }
            let bounded = seconds.map { $0.isFinite && $0 <= 86_400 } ?? true
            #expect(bounded, "Retry-After: \(value) gave \(String(describing: seconds))")
        }
    }
}

/// Breaks a JSON body in one of many ways, reproducibly from a seed.
struct BodyMutator {
    private var random: SeededGenerator
    /// What the last `mutate` did, for failure messages.
    private(set) var applied = ""

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let strangeValues: [String] = [
        "null", "true", "false", "0", "-1", "1.5", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1e308", "-1e308", "1e400", "4.9e-324", "\"\"", "\"x\"", "\"\\u0000\\u001b[31m\"", "\"\\ud800\"", "[]", "{}", "[null]",
        "\"2019-06-26T13:00:00.000Z\"", "\"2019-13-45T99:99:99.999Z\"", "\"0000-00-00T00:00:00.000Z\"", "\"NaN\"",
        "\"" + String(repeating: "é", count: 10_000) + "\"", String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
    ]

    mutating func mutate(_ data: Data) -> Data {
        guard var json = JSONText.parse(data) else { return data }
        let paths = json.paths()
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            let path = paths.randomElement(using: &random)!
            let value = Self.strangeValues.randomElement(using: &random)!
            json.replace(at: path, with: .raw(value))
            applied = "\(path) = \(value.prefix(40))"
        case 1:
            let path = paths.randomElement(using: &random)!
            json.remove(at: path)
            applied = "removed \(path)"
        case 2:
            let path = paths.randomElement(using: &random)!
            json.duplicate(at: path)
            applied = "doubled \(path)"
        case 3:
            let path = paths.randomElement(using: &random)!
            json.wrapInArray(at: path)
            applied = "wrapped \(path) in []"
        case 4:
            json.addUnknownField(name: "x-\(random.next() % 1000)")
            applied = "unknown field"
        default:
            var bytes = [UInt8](json.rendered())
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
                applied = "cut to \(bytes.count) bytes"
            case 1:
                let index = Int.random(in: 0..<max(1, bytes.count), using: &random)
                let byte = [0x00, 0xFF, 0x22, 0x7B, 0x5D, 0x2C, 0x5C, 0x1B, 0xC3].randomElement(using: &random)!
                if bytes.isEmpty { bytes = [UInt8(byte)] } else { bytes[index] = UInt8(byte) }
                applied = "byte \(index) = \(byte)"
            case 2:
                let index = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(contentsOf: Array(",\"\":".utf8), at: index)
                applied = "inserted at \(index)"
            default:
                bytes = Array(bytes.reversed())
                applied = "reversed"
            }
            return Data(bytes)
        }
        return json.rendered()
    }

    /// A Retry-After header value, sensible or not.
    mutating func retryAfter() -> String {
        ["1", "0", "30", "-5", "1e400", "nan", "inf", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", ""]
            .randomElement(using: &random)!
    }
}

/// JSON kept as text where it matters: numbers and strings as written, so that
/// a mutated body differs from the original only where it was mutated.
indirect enum JSONText {
    /// A scalar exactly as written (number, string with quotes, true, false, null), or any text put in by a mutation.
    case raw(String)
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    /// A step into an array (index) or object (key index).
    typealias Path = [Int]

    static func parse(_ data: Data) -> JSONText? {
        var parser = Parser(bytes: Array(data))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    func rendered() -> Data { Data(text().utf8) }

    func text() -> String {
        switch self {
        case .raw(let text): text
        case .array(let items): "[" + items.map { $0.text() }.joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { "\"\($0.key)\":" + $0.value.text() }.joined(separator: ",") + "}"
        }
    }

    /// Every value's path, the root's (empty) included.
    func paths(prefix: Path = []) -> [Path] {
        switch self {
        case .raw: [prefix]
        case .array(let items): [prefix] + items.indices.flatMap { items[$0].paths(prefix: prefix + [$0]) }
        case .object(let fields): [prefix] + fields.indices.flatMap { fields[$0].value.paths(prefix: prefix + [$0]) }
        }
    }

    /// Changes the value at `path` (a path that no longer exists changes nothing).
    mutating func modify(at path: Path, _ change: (inout JSONText) -> Void) {
        guard let step = path.first else { return change(&self) }
        switch self {
        case .raw: return
        case .array(var items):
            guard items.indices.contains(step) else { return }
            items[step].modify(at: Array(path.dropFirst()), change)
            self = .array(items)
        case .object(var fields):
            guard fields.indices.contains(step) else { return }
            fields[step].value.modify(at: Array(path.dropFirst()), change)
            self = .object(fields)
        }
    }

    mutating func replace(at path: Path, with value: JSONText) {
        modify(at: path) { $0 = value }
    }

    /// Removes the value (an array item or an object field); at the root, leaves nothing but `null`.
    mutating func remove(at path: Path) {
        guard let last = path.last else { return self = .raw("null") }
        modify(at: Array(path.dropLast())) { parent in
            switch parent {
            case .array(var items) where items.indices.contains(last): items.remove(at: last); parent = .array(items)
            case .object(var fields) where fields.indices.contains(last): fields.remove(at: last); parent = .object(fields)
            default: break
            }
        }
    }

    /// Repeats an array item or an object field (the field name then appears twice).
    mutating func duplicate(at path: Path) {
        guard let last = path.last else { return self = .array([self, self]) }
        modify(at: Array(path.dropLast())) { parent in
            switch parent {
            case .array(var items) where items.indices.contains(last): items.insert(items[last], at: last); parent = .array(items)
            case .object(var fields) where fields.indices.contains(last): fields.insert(fields[last], at: last); parent = .object(fields)
            default: break
            }
        }
    }

    mutating func wrapInArray(at path: Path) {
        modify(at: path) { $0 = .array([$0]) }
    }

    /// Adds a field to every object.
    mutating func addUnknownField(name: String) {
        switch self {
        case .raw: break
        case .array(var items):
            for index in items.indices { items[index].addUnknownField(name: name) }
            self = .array(items)
        case .object(var fields):
            for index in fields.indices { fields[index].value.addUnknownField(name: name) }
            fields.append((key: name, value: .raw("{\"nested\":[1,\"two\",null]}")))
            self = .object(fields)
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSONText? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONText] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
                }
            case UInt8(ascii: "{"):
                index += 1
                var fields: [(key: String, value: JSONText)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard case .raw(let quoted)? = stringToken() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let item = value() else { return nil }
                    fields.append((String(quoted.dropFirst().dropLast()), item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "}") { return .object(fields) }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
                }
            case UInt8(ascii: "\""):
                return stringToken()
            default:
                let start = index
                while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? .raw(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
            }
        }

        /// A string with its quotes and escapes as written.
        mutating func stringToken() -> JSONText? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            return .raw(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }
}

