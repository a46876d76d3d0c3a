import Foundation
import HTTPTypes
import SesterceAPI
import SesterceSimulator
import Testing

/// Every `APIError` case, produced by a real response (the simulator over HTTP)
/// wherever the simulator can produce it, else by a transport below the client.
@Suite("APIError from real responses")
struct APIErrorTests {
    // MARK: Key rejected

    @Test("a wrong key gets 403 JSON: keyRejected with the server's message")
    func wrongKey() async throws {
        try await withSimulator { sim in
            let client = sim.client(apiKey: "not-the-key")
            let error = await failure { try await client.instances() }
            #expect(error == .keyRejected(status: 403, message: "Invalid API key"))
            #expect(error?.isTransient == false)
            // Mutations and every other route too.
            await expectFailure(.keyRejected(status: 403, message: "Invalid API key")) { try await client.models() }
            await expectFailure(.keyRejected(status: 403, message: "Invalid API key")) { try await client.startInstance(id: "6721058be81810b9dd045f40") }
            // The key that works does.
            let instances = try await sim.client().instances()
            #expect(instances.isEmpty)
        }
    }

    @Test("an empty key is rejected too")
    func emptyKey() async throws {
        try await withSimulator { sim in
            await expectFailure(.keyRejected(status: 403, message: "Invalid API key")) { try await sim.client(apiKey: "").regions() }
        }
    }

    @Test("the simulator accepts the key it was started with, and only that one")
    func customKey() async throws {
        try await withSimulator(.test(apiKey: "sk-test-123")) { sim in
            let models = try await sim.client(apiKey: "sk-test-123").models()
            #expect(models.count >= 5)
            await expectFailure(.keyRejected(status: 403, message: "Invalid API key")) { try await sim.client(apiKey: "demo-key").models() }
        }
    }

    @Test("401 with JSON is keyRejected as well")
    func unauthorized() async throws {
        let transport = StubTransport(always: .json(401, #"{"statusCode":401,"message":"Unauthorized"}"#))
        await expectFailure(.keyRejected(status: 401, message: "Unauthorized")) { try await stubClient(transport).models() }
    }

    // MARK: Blocked at the edge

    @Test("a client without a User-Agent gets Cloudflare's 403 HTML: blockedAtEdge, error code 1010", arguments: ["", "curl/7.88.1"])
    func blockedAtEdge(userAgent: String) async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            let client = sim.client(userAgent: userAgent, transport: recorder)
            let error = await failure { try await client.models() }
            #expect(error == .blockedAtEdge(status: 403, detail: "error code: 1010"))
            #expect(error?.description.contains("User-Agent") == true)
            // What came back really was HTML, not JSON.
            let exchange = try #require(recorder.exchanges.first)
            #expect(exchange.response?.status.code == 403)
            #expect(exchange.response?.headerFields[.contentType]?.hasPrefix("text/html") == true)
            let page = String(decoding: exchange.responseBody ?? Data(), as: UTF8.self)
            #expect(page.contains("error code: 1010"))
            // Even with the right key, and for mutations.
            await expectFailure(.blockedAtEdge(status: 403, detail: "error code: 1010")) { try await client.deleteInstance(id: "6721058be81810b9dd045f40") }
        }
    }

    @Test("the edge refuses before the key is checked")
    func edgeBeforeKey() async throws {
        try await withSimulator { sim in
            let client = sim.client(apiKey: "wrong", userAgent: "curl/7.88.1")
            await expectFailure(.blockedAtEdge(status: 403, detail: "error code: 1010")) { try await client.regions() }
        }
    }

    @Test("an HTML 403 without an error code still reads as blocked, with a short plain-text excerpt")
    func blockedWithoutCode() async throws {
        let transport = StubTransport(always: .html(403, "<html><body><h1>Sorry,   you have been blocked</h1></body></html>"))
        await expectFailure(.blockedAtEdge(status: 403, detail: "Sorry, you have been blocked")) { try await stubClient(transport).models() }
    }

    // MARK: Not found

    @Test("an unknown instance id is notFound, for reads and for every mutation")
    func unknownInstance() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let id = "0123456789abcdef01234567"
            let expected = APIError.notFound(message: "Instance \(id) not found")
            await expectFailure(expected) { try await client.instance(id: id) }
            await expectFailure(expected) { try await client.startInstance(id: id) }
            await expectFailure(expected) { try await client.stopInstance(id: id) }
            await expectFailure(expected) { try await client.deleteInstance(id: id) }
            let (hardware, region) = try await sim.placement(pods: 1)
            let model = try await sim.anyModel()
            await expectFailure(expected) {
                    try await client.updateInstance(id: id, spec(name: "x", model: model.id, hardware: hardware.id, regions: [region.id]))
                }
        }
    }

    @Test("an unknown registry id is notFound")
    func unknownRegistry() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let id = "0123456789abcdef01234567"
            let expected = APIError.notFound(message: "Registry \(id) not found")
            await expectFailure(expected) { try await client.deleteRegistry(id: id) }
            await expectFailure(expected) {
                    try await client.updateRegistry(id: id, credentials: RegistryCredentials(url: "u", username: "n", password: "p"))
                }
        }
    }

    @Test("an unknown route gets NestJS's 404 JSON")
    func unknownRoute() async throws {
        try await withSimulator { sim in
            let (status, data) = try await sim.raw(.get, "/ai-inference/nothing")
            #expect(status == 404)
            let body = try sesterceJSONDecoder().decode(Wire.ErrorBody.self, from: data)
            #expect(body.statusCode == 404)
            #expect(body.message == .SingleMessage("Cannot GET /ai-inference/nothing"))
            #expect(body.error == "Not Found")
            #expect(body.path == "/ai-inference/nothing")
        }
    }

    // MARK: Validation

    @Test("a 400 with a list of messages is validation with every message, in order")
    func validation() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let (hardware, region) = try await sim.placement(pods: 1)
            let model = try await sim.anyModel()
            var request = spec(name: " ", model: model.id, hardware: hardware.id, regions: [region.id], port: 0)
            request.podLifetime = 0
            let error = await failure { try await client.createInstance(request) }
            #expect(
                error
                    == .validation(messages: [
                        "name should not be empty",
                        "containerPort must not be less than 1",
                        "podLifetime must not be less than 1",
                    ]))
            #expect(error?.description == "Rejected: name should not be empty; containerPort must not be less than 1; podLifetime must not be less than 1")
        }
    }

    @Test("a 400 with a single string message is validation with that message")
    func validationSingleMessage() async throws {
        let transport = StubTransport(always: try .fixture("quirks/error-message-string.json", status: 400))
        await expectFailure(.validation(messages: ["Invalid API key"])) { try await stubClient(transport).models() }
    }

    // MARK: Rate limited

    @Test("past the simulator's rate limit: rateLimited with Retry-After")
    func rateLimited() async throws {
        try await withSimulator(.test(faults: Faults(rateLimit: 1))) { sim in
            let recorder = RecordingTransport()
            let client = sim.client(transport: recorder, retry: immediateRetry)
            // One request per second passes; the limit shows within the next few
            // (ten requests cannot all be a second apart on loopback).
            var error: APIError?
            for _ in 0..<10 {
                error = await failure { try await client.models() }
                if error != nil { break }
            }
            #expect(error == .rateLimited(retryAfter: 1, message: "ThrottlerException: Too Many Requests"))
            #expect(error?.isTransient == false)
            #expect(error?.description.contains("retry in 1s") == true)
            let throttled = try #require(recorder.exchanges.last)
            #expect(throttled.response?.status.code == 429)
            #expect(throttled.response?.headerFields[.retryAfter] == "1")
        }
    }

    @Test("Retry-After as an HTTP date, and a 429 without it")
    func retryAfterForms() async throws {
        let later = Date().addingTimeInterval(120)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let dated = StubTransport(always: .json(429, #"{"statusCode":429,"message":"slow down"}"#, headers: ["Retry-After": formatter.string(from: later)]))
        guard case .rateLimited(let retryAfter?, "slow down")? = await failure({ try await stubClient(dated).models() }) else {
            Issue.record("expected rateLimited with a Retry-After")
            return
        }
        #expect((100...121).contains(retryAfter))

        let bare = StubTransport(always: .json(429, #"{"statusCode":429,"message":"slow down"}"#))
        await expectFailure(.rateLimited(retryAfter: nil, message: "slow down")) { try await stubClient(bare).models() }
    }

    // MARK: Server errors

    @Test("error rate 1.0: 500 as JSON, 502 and 503 as the edge's HTML, each a server error")
    func serverErrors() async throws {
        try await withSimulator(.test(faults: Faults(errorRate: 1))) { sim in
            let recorder = RecordingTransport()
            let client = sim.client(transport: recorder)
            var seen: [Int: APIError] = [:]
            for _ in 0..<60 where seen.count < 3 {
                guard let error = await failure({ try await client.models() }) else {
                    Issue.record("a request succeeded at error rate 1.0")
                    return
                }
                guard case .server(let status, _) = error else {
                    Issue.record("expected a server error, got \(error)")
                    return
                }
                seen[status] = error
            }
            #expect(seen[500] == .server(status: 500, message: "Internal server error"))
            #expect(seen[502] == .server(status: 502, message: "Bad Gateway"))
            #expect(seen[503] == .server(status: 503, message: "Service Unavailable"))
            #expect(seen[500]?.isTransient == false)
            #expect(seen[502]?.isTransient == true)
            #expect(seen[503]?.isTransient == true)
            for exchange in recorder.exchanges {
                let status = try #require(exchange.response?.status.code)
                let type = exchange.response?.headerFields[.contentType] ?? ""
                #expect(type.hasPrefix(status == 500 ? "application/json" : "text/html"), "\(status): \(type)")
            }
        }
    }

    // MARK: Transport

    @Test("a closed port: unreachable")
    func unreachable() async throws {
        let closed = try ClosedPort()
        let client = SesterceClient(baseURL: closed.url, apiKey: "demo-key", retry: .none)
        let error = await failure { try await client.models() }
        guard case .unreachable(let detail)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(!detail.isEmpty)
        #expect(error?.isTransient == true)
        #expect(error?.description.hasPrefix("Service unreachable") == true)
    }

    @Test("slower than the client's timeout: timedOut")
    func timedOut() async throws {
        try await withSimulator(.test(faults: Faults(latencyMs: 2000))) { sim in
            let client = sim.client(timeouts: .init(request: 0.5, total: 1))
            let error = await failure { try await client.models() }
            #expect(error == .timedOut)
            #expect(error?.isTransient == true)
            #expect(error?.description == "Request timed out")
        }
    }

    @Test("a sub-second timeout does not fail a request that answers in time")
    func shortTimeoutFastAnswer() async throws {
        // swift-corelibs-foundation truncates 0.5 s to 0, which failed every
        // request at once. A loaded machine may still be a second late now
        // and then: a timeout is forgiven, but never one that comes early,
        // and one of the tries made within a minute must get its answer.
        try await withSimulator { sim in
            let client = sim.client(timeouts: .init(request: 0.5, total: 30))
            let clock = ContinuousClock()
            let giveUp = clock.now + .seconds(60)
            while clock.now < giveUp {
                let started = clock.now
                do throws(APIError) {
                    let models = try await client.models()
                    #expect(!models.isEmpty)
                    return
                } catch {
                    #expect(error == .timedOut)
                    #expect(clock.now - started >= .milliseconds(500), "timed out early: \(clock.now - started)")
                }
            }
            Issue.record("every request for a minute timed out")
        }
    }

    // MARK: Undecodable

    @Test("a truncated JSON body: undecodable, naming what was asked for")
    func malformedBody() async throws {
        let transport = StubTransport(always: .json(200, #"[{"id": "12ed7523", "name": "stable-dif"#))
        guard case .undecodable(let what, let detail)? = await failure({ try await stubClient(transport).models() }) else {
            Issue.record("expected undecodable")
            return
        }
        #expect(what == "models")
        #expect(!detail.isEmpty)
    }

    @Test("a body of the wrong shape: undecodable, saying which field and where")
    func wrongShape() async throws {
        let missingName = StubTransport(always: .json(200, #"[{"id": "12ed7523"}]"#))
        await expectFailure(.undecodable(what: "models", detail: "missing field 'name' at [0]")) { try await stubClient(missingName).models() }

        let wrongType = StubTransport(always: .json(200, #"{"_id": "abc", "name": "x", "status": "ACTIVE", "hourlyPrice": "cheap"}"#))
        guard case .undecodable(let what, let detail)? = await failure({ try await stubClient(wrongType).instance(id: "abc") }) else {
            Issue.record("expected undecodable")
            return
        }
        #expect(what == "instance abc")
        #expect(detail.contains("hourlyPrice"))
    }

    @Test("a 200 that is HTML instead of JSON: undecodable")
    func htmlSuccess() async throws {
        let transport = StubTransport(always: StubReply.html(200, "<html>maintenance</html>"))
        guard case .undecodable(let what, _)? = await failure({ try await stubClient(transport).regions() }) else {
            Issue.record("expected undecodable")
            return
        }
        #expect(what == "regions")
    }

    // MARK: Other statuses

    @Test("another 4xx: refused with status and message")
    func refused() async throws {
        let transport = StubTransport(always: .json(409, #"{"statusCode":409,"message":"Instance is busy"}"#))
        await expectFailure(.refused(status: 409, message: "Instance is busy")) { try await stubClient(transport).stopInstance(id: "a") }
        let empty = StubTransport(always: StubReply(status: 418, contentType: nil, body: Data()))
        await expectFailure(.refused(status: 418, message: "HTTP 418")) { try await stubClient(empty).stopInstance(id: "a") }
    }

    @Test("an error body without a message falls back to the error field, then the reason phrase")
    func fallbackMessages() async throws {
        let errorOnly = StubTransport(always: .json(404, #"{"statusCode":404,"error":"Not Found"}"#))
        await expectFailure(.notFound(message: "Not Found")) { try await stubClient(errorOnly).instance(id: "a") }
        let noBody = StubTransport(always: StubReply(status: 504, contentType: nil, body: Data()))
        await expectFailure(.server(status: 504, message: "Gateway Timeout")) { try await stubClient(noBody).stopInstance(id: "a") }
    }

    // MARK: Redaction

    @Test("the API key is redacted from error messages that echo it")
    func keyRedacted() async throws {
        let key = "sk-live-5f3a9c1e7b"
        let cases: [(StubReply, APIError)] = [
            (.json(403, #"{"statusCode":403,"message":"Invalid API key sk-live-5f3a9c1e7b"}"#),
             .keyRejected(status: 403, message: "Invalid API key [redacted]")),
            (.json(400, #"{"statusCode":400,"message":["apiKey sk-live-5f3a9c1e7b is malformed","name should not be empty"]}"#),
             .validation(messages: ["apiKey [redacted] is malformed", "name should not be empty"])),
            (.json(500, #"{"statusCode":500,"message":"lookup of sk-live-5f3a9c1e7b failed; key=sk-live-5f3a9c1e7b"}"#),
             .server(status: 500, message: "lookup of [redacted] failed; key=[redacted]")),
            (.html(403, "<p>blocked sk-live-5f3a9c1e7b</p>"), .blockedAtEdge(status: 403, detail: "blocked [redacted]")),
            (.json(429, #"{"statusCode":429,"message":"too many for sk-live-5f3a9c1e7b"}"#),
             .rateLimited(retryAfter: nil, message: "too many for [redacted]")),
            (.json(404, #"{"statusCode":404,"message":"no key sk-live-5f3a9c1e7b here"}"#), .notFound(message: "no key [redacted] here")),
            (.json(409, #"{"statusCode":409,"message":"sk-live-5f3a9c1e7b"}"#), .refused(status: 409, message: "[redacted]")),
        ]
        for (reply, expected) in cases {
            let client = stubClient(apiKey: key, StubTransport(always: reply))
            let failed = await failure { try await client.models() }
            let error = try #require(failed)
            #expect(error == expected)
            #expect(!error.description.contains(key))
            #expect(!String(describing: error).contains(key))
        }
    }

    @Test("the key is sent, though: redaction only touches what is shown")
    func keyStillSent() async throws {
        let transport = StubTransport(always: .json(200, "[]"))
        _ = try await stubClient(apiKey: "sk-live-5f3a9c1e7b", transport).models()
        #expect(transport.requests.first?.headerFields[.apiKey] == "sk-live-5f3a9c1e7b")
    }
}
