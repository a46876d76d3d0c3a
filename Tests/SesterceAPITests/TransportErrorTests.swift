import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// Failures below HTTP said in words, each from a real failure of the real
/// transport (AsyncHTTPClient): a closed port, a name that does not resolve,
/// HTTPS to a server that speaks plain HTTP, answers slower than the timeouts.
@Suite("Transport errors in words")
struct TransportErrorTests {
    @Test("a closed port: connection refused, naming the host")
    func refused() async throws {
        let closed = try ClosedPort()
        let client = SesterceClient(baseURL: closed.url, apiKey: "demo-key", retry: .none)
        let error = await failure { try await client.models() }
        #expect(error == .unreachable(detail: "connection refused (127.0.0.1): nothing listens at that address and port"))
        #expect(error?.isTransient == true)
    }

    @Test("a name that does not resolve: host not found")
    func hostNotFound() async throws {
        // .invalid never resolves (RFC 6761).
        let client = SesterceClient(
            baseURL: try #require(URL(string: "http://sesterce-dash-test.invalid")), apiKey: "demo-key", retry: .none)
        let error = await failure { try await client.models() }
        #expect(error == .unreachable(detail: "host not found (sesterce-dash-test.invalid): check --api-url and DNS"))
    }

    @Test("https:// to a server that speaks plain HTTP: the handshake failed, in words")
    func plainHTTPServer() async throws {
        try await withSimulator { sim in
            var parts = try #require(URLComponents(url: sim.url, resolvingAgainstBaseURL: false))
            parts.scheme = "https"
            let client = SesterceClient(baseURL: try #require(parts.url), apiKey: "demo-key", retry: .none)
            let error = await failure { try await client.models() }
            #expect(error == .unreachable(detail: "secure connection failed (127.0.0.1): the TLS handshake did not "
                + "complete; the server may not speak HTTPS on that port, or a proxy interferes"))
        }
    }

    // MARK: Timeouts

    // Each of these would succeed without the timeout it tests (the answer
    // comes in 2 s): .timedOut can only come from that timeout.

    @Test("no byte for longer than Timeouts.request: the read timeout fires, .timedOut")
    func readTimeout() async throws {
        try await withSimulator(.test(faults: Faults(latencyMs: 2000))) { sim in
            let error = await failure { try await sim.client(timeouts: .init(request: 0.3, total: 30)).models() }
            #expect(error == .timedOut)
        }
    }

    @Test("an answer later than Timeouts.total: the deadline fires, .timedOut")
    func deadline() async throws {
        try await withSimulator(.test(faults: Faults(latencyMs: 2000))) { sim in
            let error = await failure { try await sim.client(timeouts: .init(request: 30, total: 0.3)).models() }
            #expect(error == .timedOut)
        }
    }

    @Test("a Retry-After beyond reason is described without trapping")
    func hugeRetryAfter() {
        for (seconds, words) in [(Double.infinity, "an unknown time"), (-.infinity, "an unknown time"), (.nan, "an unknown time"), (1e300, "over a year"), (2.2, "3s")] {
            let text = APIError.rateLimited(retryAfter: seconds, message: "slow").description
            #expect(text == "Rate limited, retry in \(words): slow")
        }
    }
}
