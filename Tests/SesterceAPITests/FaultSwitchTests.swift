import Foundation
import HTTPTypes
import SesterceAPI
import SesterceSimulator
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The simulator's runtime switch for its faults: `GET`/`PUT /_sim/faults`.
/// It must work while the faults it changes are in force (it bypasses them),
/// without the key or a User-Agent, and refuse values that make no sense.
@Suite("Simulator fault switch")
struct FaultSwitchTests {
    /// One request to the switch, with no key and no User-Agent.
    static func send(_ sim: Sim, _ method: HTTPRequest.Method, json: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: sim.url.appendingPathComponent("_sim/faults"))
        request.httpMethod = method.rawValue
        request.httpBody = json.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("GET shows the faults; PUT changes the fields it names and answers the faults in force")
    func getAndPut() async throws {
        try await withSimulator(.test(faults: Faults(latencyMs: 0, errorRate: 1, rateLimit: 7))) { sim in
            let shown = try await Self.send(sim, .get)
            #expect(shown.status == 200)
            #expect(shown.body == #"{"errorRate":1,"latencyMs":0,"rateLimit":7,"rateLimited":0}"#)
            let changed = try await Self.send(sim, .put, json: #"{"errorRate":0.25}"#)
            #expect(changed.status == 200)
            #expect(changed.body == #"{"errorRate":0.25,"latencyMs":0,"rateLimit":7}"#)
            #expect(sim.server.faults.faults == Faults(latencyMs: 0, errorRate: 0.25, rateLimit: 7))
        }
    }

    @Test("the switch answers while every API request fails, and switching off lets the API answer again")
    func bypassesTheFaults() async throws {
        try await withSimulator(.test(faults: Faults(errorRate: 1))) { sim in
            let client = sim.client()
            let failed = await failure { try await client.models() }
            #expect(failed?.isServerSide == true)
            let off = try await Self.send(sim, .put, json: #"{"latencyMs":0,"errorRate":0,"rateLimit":0}"#)
            #expect(off.status == 200)
            let models = try await client.models()
            #expect(!models.isEmpty)
        }
    }

    @Test("the switch is not rate-limited or delayed by the faults it controls")
    func notLimited() async throws {
        // A minute per answer: five delayed requests would take five minutes.
        try await withSimulator(.test(faults: Faults(latencyMs: 60_000, rateLimit: 1))) { sim in
            let clock = ContinuousClock()
            let started = clock.now
            for _ in 0..<5 {
                let shown = try await Self.send(sim, .get)
                #expect(shown.status == 200)
            }
            #expect(clock.now - started < .seconds(30))
        }
    }

    @Test(
        "values that make no sense are refused with 400 and nothing changes",
        arguments: [
            #"{"errorRate":1.5}"#, #"{"errorRate":"high"}"#, #"{"latencyMs":-1}"#, #"{"latencyMs":2.5}"#,
            #"{"rateLimit":-3}"#, #"{"speed":2}"#, #"[1]"#, "not json", #"{"latencyMs":1e400}"#,
        ])
    func refused(body: String) async throws {
        try await withSimulator(.test(faults: Faults(latencyMs: 0, errorRate: 0.5, rateLimit: 2))) { sim in
            let answer = try await Self.send(sim, .put, json: body)
            #expect(answer.status == 400)
            #expect(answer.body.contains(#""statusCode":400"#))
            #expect(sim.server.faults.faults == Faults(latencyMs: 0, errorRate: 0.5, rateLimit: 2))
        }
    }

    @Test("the change is applied whole: fields not named keep their value")
    func partialChange() {
        let faults = Faults(latencyMs: 1500, errorRate: 0.2, rateLimit: 2)
        #expect(FaultChange(errorRate: 0).applied(to: faults) == Faults(latencyMs: 1500, errorRate: 0, rateLimit: 2))
        #expect(FaultChange.allOff.applied(to: faults) == Faults())
        let injector = FaultInjector(faults, seed: 1)
        #expect(injector.change(FaultChange(rateLimit: 0)) == Faults(latencyMs: 1500, errorRate: 0.2, rateLimit: 0))
    }
}

extension APIError {
    /// A 5xx, as the fault injector answers.
    var isServerSide: Bool {
        if case .server = self { return true }
        return false
    }
}
