import Endpoint
import Foundation
import SesterceModels
import SesterceSimulator
import Testing

/// The endpoint client over real HTTP against the simulator's endpoints.
@Suite("Endpoint client against the simulator")
struct EndpointClientTests {
    /// The timing of these tokens (one by one, at the server's pace) is
    /// checked by the probe command's end-to-end test, in processes of their
    /// own: here CPU-bound tests running beside it would skew the clock.
    @Test("tokens arrive as separate chunks, each with its arrival time, in order")
    func streamsTokenByToken() async throws {
        try await withEndpoint(timing: "150ms,60ms") { endpoint in
            let client = try endpoint.client()
            let model = try #require(try await client.models().first)
            let arrivals = Arrivals()
            let result = try await client.streamChat(endpoint.chat(model, maxTokens: 12)) { token in
                arrivals.append(token.arrival)
            }
            #expect(result.outputTokens == 12)
            #expect(result.usageTokens == 12)
            #expect(result.finishReason == "length")
            let seen = arrivals.all
            #expect(seen.count == 12)
            #expect(zip(seen.dropFirst(), seen).allSatisfy { $0 >= $1 })
            let ttft = try #require(result.timeToFirstToken).inMilliseconds
            #expect(ttft >= 150, "ttft \(ttft)")
        }
    }

    @Test("the reply's text and the models list come through; the secret goes in x-api-key")
    func replyAndModels() async throws {
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            let client = try endpoint.client()
            #expect(try await client.models() == ["llama-3.1-8b-instruct"])
            let result = try await client.streamChat(endpoint.chat("llama-3.1-8b-instruct", maxTokens: 5))
            #expect(result.text.split(separator: " ").count == 5)
            #expect(result.tokenArrivals.count == 5)
        }
    }

    @Test("a wrong secret is refused (401), and the error does not contain it")
    func wrongSecret() async throws {
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            let client = try endpoint.client(secret: "wrong-secret-123")
            await #expect(throws: EndpointError.secretRefused(status: 401)) { try await client.models() }
            do throws(EndpointError) {
                _ = try await client.streamChat(endpoint.chat("llama-3.1-8b-instruct", maxTokens: 3))
                Issue.record("expected a refusal")
            } catch {
                #expect(error == .secretRefused(status: 401))
                #expect(!"\(error)".contains("wrong-secret-123"))
            }
        }
    }

    @Test("an instance that is not ACTIVE answers 503; an unknown model 404 with the server's message")
    func notServing() async throws {
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            try await endpoint.sim.store.stop(id: endpoint.instanceId)
            await #expect(throws: EndpointError.self) { try await endpoint.client().models() }
            do throws(EndpointError) {
                _ = try await endpoint.client().models()
            } catch {
                #expect(error.kind == "http503")
            }
        }
        try await withEndpoint(timing: "0ms,1ms") { endpoint in
            do throws(EndpointError) {
                _ = try await endpoint.client().streamChat(endpoint.chat("no-such-model", maxTokens: 3))
                Issue.record("expected a 404")
            } catch {
                #expect(error == .http(status: 404, message: "The model `no-such-model` does not exist."))
            }
        }
    }

    @Test("Esc's cancellation: cancelling the task stops the stream at once")
    func cancellation() async throws {
        try await withEndpoint(timing: "0ms,2s") { endpoint in
            let client = try endpoint.client()
            let started = ContinuousClock.now
            let arrivals = Arrivals()
            let task = Task {
                try await client.streamChat(endpoint.chat("llama-3.1-8b-instruct", maxTokens: 24)) { arrivals.append($0.arrival) }
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            await #expect(throws: EndpointError.cancelled) { try await task.value }
            // Uncancelled, the 24 tokens (the shortest reply) would take 46 s.
            // A stream that stopped ends long before, however starved this
            // process is of CPU by the tests beside it (on CI the cancel once
            // took 6 s to arrive).
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(20), "\(elapsed)")
            #expect(arrivals.all.count < 10, "\(arrivals.all.count) tokens came")
        }
    }

    @Test("plain http:// is refused beyond this machine unless allowed; the address must be http(s)")
    func addressRules() throws {
        let secret = EndpointSecret("s")
        #expect(throws: EndpointError.insecureHTTP(host: "example.com")) {
            try EndpointClient(address: "http://example.com/", secret: secret)
        }
        #expect((try? EndpointClient(address: "http://example.com", secret: secret, allowInsecureHTTP: true)) != nil)
        #expect((try? EndpointClient(address: "http://[::1]:8080/x/", secret: secret)) != nil)
        #expect(throws: EndpointError.self) { try EndpointClient(address: "ftp://x/", secret: secret) }
        #expect(try EndpointClient(address: "https://a.ai.sesterce.dev", secret: secret).baseURL.absoluteString
            == "https://a.ai.sesterce.dev/")
    }
}

/// Token arrivals gathered from the client's callback.
final class Arrivals: @unchecked Sendable {
    private let lock = NSLock()
    private var instants: [ContinuousClock.Instant] = []
    func append(_ instant: ContinuousClock.Instant) { lock.withLock { instants.append(instant) } }
    var all: [ContinuousClock.Instant] { lock.withLock { instants } }
}
