import AsyncHTTPClient
import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// GETs are sent again after a transient failure (transport, 502, 503, 504);
/// mutations never are, because the first attempt may have taken effect.
@Suite("Retries")
struct RetryTests {
    static let gatewayPage = "<html><head><title>503 Service Unavailable</title></head></html>"

    @Test("a GET succeeds after transient failures, sending one request per attempt", arguments: [502, 503, 504])
    func getRecovers(status: Int) async throws {
        let transport = StubTransport { _, attempt in
            attempt <= 2 ? .html(status, Self.gatewayPage) : try .fixture("reference/models.json")
        }
        let models = try await stubClient(retry: immediateRetry, transport).models()
        #expect(models.map(\.name) == ["stable-diffusion"])
        #expect(transport.count == 3)
    }

    @Test("a GET gives up after maxRetries and reports the last failure")
    func getGivesUp() async throws {
        let transport = StubTransport(always: .html(503, Self.gatewayPage))
        let error = await failure { try await stubClient(retry: immediateRetry, transport).instances() }
        #expect(error == .server(status: 503, message: "Service Unavailable"))
        #expect(transport.count == 3)
    }

    @Test("no retry with RetryPolicy.none")
    func noRetryPolicy() async throws {
        let transport = StubTransport(always: .html(503, Self.gatewayPage))
        _ = await failure { try await stubClient(retry: .none, transport).instances() }
        #expect(transport.count == 1)
    }

    @Test(
        "a GET is not retried after a failure that would not pass",
        arguments: [
            StubReply.json(500, #"{"statusCode":500,"message":"Internal server error"}"#),
            StubReply.json(400, #"{"statusCode":400,"message":["bad"]}"#),
            StubReply.json(403, #"{"statusCode":403,"message":"Invalid API key"}"#),
            StubReply.html(403, "error code: 1010"),
            StubReply.json(404, #"{"statusCode":404,"message":"Instance x not found"}"#),
            StubReply.json(429, #"{"statusCode":429,"message":"slow down"}"#, headers: ["Retry-After": "1"]),
            StubReply.json(200, "[{}]"),
        ])
    func getNotRetried(reply: StubReply) async throws {
        let transport = StubTransport(always: reply)
        let error = await failure { try await stubClient(retry: immediateRetry, transport).instances() }
        #expect(error != nil)
        #expect(transport.count == 1)
    }

    @Test("a GET is retried when the service cannot be reached")
    func getRetriesUnreachable() async throws {
        let closed = try ClosedPort()
        let recorder = RecordingTransport()
        let client = SesterceClient(baseURL: closed.url, apiKey: "demo-key", transport: recorder, retry: immediateRetry)
        guard case .unreachable? = await failure({ try await client.regions() }) else {
            Issue.record("expected unreachable")
            return
        }
        #expect(recorder.count == 3)
    }

    @Test("a GET is retried after a timeout, then succeeds")
    func getRetriesTimeout() async throws {
        let transport = StubTransport { _, attempt in
            if attempt == 1 { throw HTTPClientError.readTimeout }
            return try .fixture("reference/regions.json")
        }
        let regions = try await stubClient(retry: immediateRetry, transport).regions()
        #expect(regions.map(\.id) == [18])
        #expect(transport.count == 2)
    }

    @Test("mutations are sent once, even against a 503")
    func mutationsNotRetried() async throws {
        let id = "6721058be81810b9dd045f40"
        let spec = spec(name: "x", model: "m", hardware: "h", regions: [18])
        let credentials = RegistryCredentials(url: "u", username: "n", password: "p")
        let mutations: [(String, (SesterceClient) async throws -> Void)] = [
            ("start", { client in try await client.startInstance(id: id) }),
            ("stop", { client in try await client.stopInstance(id: id) }),
            ("delete", { client in try await client.deleteInstance(id: id) }),
            ("create", { client in _ = try await client.createInstance(spec) }),
            ("update", { client in _ = try await client.updateInstance(id: id, spec) }),
            ("pricing", { client in _ = try await client.price(hardwareId: "h", maxPods: [(18, 1)]) }),
            ("create registry", { client in _ = try await client.createRegistry(name: "r", credentials: credentials) }),
            ("update registry", { client in try await client.updateRegistry(id: id, credentials: credentials) }),
            ("delete registry", { client in try await client.deleteRegistry(id: id) }),
        ]
        for (name, mutation) in mutations {
            let transport = StubTransport(always: .html(503, Self.gatewayPage))
            let client = stubClient(retry: immediateRetry, transport)
            let error = await failure { try await mutation(client) }
            #expect(error == .server(status: 503, message: "Service Unavailable"), "\(name)")
            #expect(transport.count == 1, "\(name) was sent \(transport.count) times")
        }
    }

    @Test("a mutation is not retried when the service cannot be reached")
    func mutationNotRetriedUnreachable() async throws {
        let closed = try ClosedPort()
        let recorder = RecordingTransport()
        let client = SesterceClient(baseURL: closed.url, apiKey: "demo-key", transport: recorder, retry: immediateRetry)
        guard case .unreachable? = await failure({ try await client.startInstance(id: "6721058be81810b9dd045f40") }) else {
            Issue.record("expected unreachable")
            return
        }
        #expect(recorder.count == 1)
    }

    @Test("against the simulator at error rate 1.0: a GET is sent 3 times only when the failure is transient; a start once")
    func simulatorErrorRate() async throws {
        try await withSimulator(.test(faults: Faults(errorRate: 1))) { sim in
            var sawTransient = false, sawPermanent = false
            for _ in 0..<20 where !(sawTransient && sawPermanent) {
                let recorder = RecordingTransport()
                let failed = await failure { try await sim.client(transport: recorder, retry: immediateRetry).models() }
                let error = try #require(failed)
                let statuses = recorder.exchanges.compactMap { $0.response?.status.code }
                #expect(statuses.count == recorder.count)
                // It stops at the first non-transient answer or after two retries.
                let firstPermanent = statuses.firstIndex { ![502, 503].contains($0) }
                let expectedCount = firstPermanent.map { $0 + 1 } ?? 3
                #expect(recorder.count == expectedCount, "\(statuses)")
                guard case .server(let status, _) = error else {
                    Issue.record("expected a server error, got \(error)")
                    return
                }
                #expect(status == statuses.last)
                if recorder.count > 1 { sawTransient = true }
                if statuses.first == 500 { sawPermanent = true }
            }
            #expect(sawTransient && sawPermanent)

            for _ in 0..<5 {
                let recorder = RecordingTransport()
                let error = await failure {
                    try await sim.client(transport: recorder, retry: immediateRetry).startInstance(id: "6721058be81810b9dd045f40")
                }
                guard case .server? = error else {
                    Issue.record("expected a server error, got \(String(describing: error))")
                    return
                }
                #expect(recorder.count == 1)
            }
        }
    }

    @Test("backoff: zero when configured so; else capped exponential with jitter")
    func backoff() {
        #expect(immediateRetry.delay(beforeRetry: 1) == .zero)
        #expect(immediateRetry.delay(beforeRetry: 5) == .zero)
        let policy = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(350))
        for _ in 0..<200 {
            #expect((.zero ... .milliseconds(100)).contains(policy.delay(beforeRetry: 1)))
            #expect((.zero ... .milliseconds(200)).contains(policy.delay(beforeRetry: 2)))
            #expect((.zero ... .milliseconds(350)).contains(policy.delay(beforeRetry: 3)))
            #expect((.zero ... .milliseconds(350)).contains(policy.delay(beforeRetry: 60)))
        }
        // Jitter: not always the same wait.
        let waits = Set((0..<50).map { _ in policy.delay(beforeRetry: 3) })
        #expect(waits.count > 1)
        #expect(RetryPolicy.standard.maxRetries > 0)
        #expect(RetryPolicy.none.maxRetries == 0)
    }
}
