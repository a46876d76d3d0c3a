import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import SesterceAPI
import SesterceSimulator
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures below HTTP said in words, each from a real failure of the real
/// transport (AsyncHTTPClient): a closed port, a name that does not resolve,
/// HTTPS to a server that speaks plain HTTP, TLS servers with bad
/// certificates, answers slower than the timeouts.
@Suite("Transport errors in words")
struct TransportErrorTests {
    static let notTrusted = "TLS certificate not trusted (127.0.0.1): it is self-signed, from an unknown authority, "
        + "or expired; check --api-url, this machine's clock, or a proxy that intercepts HTTPS"

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

    // MARK: Certificates

    @Test("a self-signed certificate: not trusted")
    func selfSigned() async throws {
        try await withTestServer(tls: .serving("self-signed.pem")) { url in
            let client = SesterceClient(baseURL: url, apiKey: "demo-key", retry: .none)
            let error = await failure { try await client.models() }
            #expect(error == .unreachable(detail: Self.notTrusted))
        }
    }

    @Test("an expired certificate from an authority the client trusts: not trusted, saying it may have expired")
    func expired() async throws {
        try await withTestServer(tls: .serving("expired.pem")) { url in
            let error = try await withTrustingTransport { transport in
                await failure { try await SesterceClient(baseURL: url, apiKey: "demo-key", transport: transport, retry: .none).models() }
            }
            #expect(error == .unreachable(detail: Self.notTrusted))
        }
    }

    @Test("a certificate for another name: said so")
    func otherName() async throws {
        try await withTestServer(tls: .serving("other-name.pem")) { url in
            let error = try await withTrustingTransport { transport in
                await failure { try await SesterceClient(baseURL: url, apiKey: "demo-key", transport: transport, retry: .none).models() }
            }
            #expect(error == .unreachable(detail: "TLS certificate is for another name (127.0.0.1): check --api-url, "
                + "or a proxy that intercepts HTTPS"))
        }
    }

    @Test("a server that wants a client certificate: said so")
    func clientCertificateRequired() async throws {
        var tls = try TLSConfiguration.serving("valid.pem")
        tls.certificateVerification = .noHostnameVerification
        tls.trustRoots = .certificates([try testCertificate("ca.pem")])
        try await withTestServer(tls: tls) { url in
            let error = try await withTrustingTransport { transport in
                await failure { try await SesterceClient(baseURL: url, apiKey: "demo-key", transport: transport, retry: .none).models() }
            }
            #expect(error == .unreachable(detail: "the server (127.0.0.1) wants a TLS client certificate, which "
                + "sesterce-dash does not send"))
        }
    }

    @Test("a valid certificate from an authority the client trusts: the request goes through")
    func trusted() async throws {
        try await withTestServer(tls: .serving("valid.pem")) { url in
            let models = try await withTrustingTransport { transport in
                try await SesterceClient(baseURL: url, apiKey: "demo-key", transport: transport, retry: .none).models()
            }
            #expect(models.isEmpty)
        }
    }

    // MARK: Timeouts

    // Each of these would succeed without the timeout it tests (the answer
    // comes in 2 s, the body in 10 s) or fail later by another (the total of
    // 30 s): .timedOut, in time, can only come from that timeout.

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

    @Test("a body that trickles in beyond Timeouts.total: the deadline covers the body too, .timedOut")
    func deadlineCoversTheBody() async throws {
        try await withTestServer(body: .trickle) { url in
            let client = SesterceClient(
                baseURL: url, apiKey: "demo-key", retry: .none, timeouts: .init(request: 1, total: 0.5))
            let error = await failure { try await client.models() }
            #expect(error == .timedOut)
        }
    }

    #if os(Linux)
    @Test("a connection that is never accepted: the connect timeout fires, .timedOut")
    func connectTimeout() async throws {
        let port = try UnacceptingPort()
        let client = SesterceClient(
            baseURL: port.url, apiKey: "demo-key", retry: .none, timeouts: .init(request: 0.3, total: 120))
        let started = ContinuousClock.now
        let error = await failure { try await client.models() }
        #expect(error == .timedOut)
        // The deadline (120 s) would also say .timedOut; half of it tells the
        // two apart even on a machine busy compiling beside the tests.
        #expect(ContinuousClock.now - started < .seconds(60), "not the connect timeout: \(ContinuousClock.now - started)")
    }
    #endif

    @Test("a Retry-After beyond reason is described without trapping")
    func hugeRetryAfter() {
        for (seconds, words) in [(Double.infinity, "an unknown time"), (-.infinity, "an unknown time"), (.nan, "an unknown time"), (1e300, "over a year"), (2.2, "3s")] {
            let text = APIError.rateLimited(retryAfter: seconds, message: "slow").description
            #expect(text == "Rate limited, retry in \(words): slow")
        }
    }
}

// MARK: - A test server

/// What the test server answers `GET /ai-inference/models` with.
enum TestBody {
    /// `[]` at once.
    case empty
    /// `[`, then a space every 100 ms for 10 s, then `]`: never 100 ms without
    /// a byte.
    case trickle
}

/// Runs a Hummingbird server on 127.0.0.1 (a free port; HTTPS if `tls` is
/// given) that answers `GET /ai-inference/models` with `answer`, for `body`,
/// with its URL, and stops it afterwards.
func withTestServer<T>(
    tls: TLSConfiguration? = nil, body answer: TestBody = .empty, _ body: (URL) async throws -> T
) async throws -> T {
    let router = Router()
    router.get("ai-inference/models") { _, _ -> Response in
        let headers: HTTPFields = [.contentType: "application/json"]
        switch answer {
        case .empty:
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "[]")))
        case .trickle:
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "["))
                for _ in 0..<100 {
                    try await Task.sleep(for: .milliseconds(100))
                    try await writer.write(ByteBuffer(string: " "))
                }
                try await writer.write(ByteBuffer(string: "]"))
                try await writer.finish(nil)
            })
        }
    }
    let (ports, announce) = AsyncStream<Int>.makeStream()
    let app = Application(
        router: router,
        server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            announce.yield(channel.localAddress?.port ?? 0)
            announce.finish()
        },
        logger: Logger(label: "test-server") { _ in SwiftLogNoOpLogHandler() })
    let server = Task {
        defer { announce.finish() }
        try await app.runService(gracefulShutdownSignals: [])
    }
    var port = 0
    for await announced in ports { port = announced }
    let stop = {
        server.cancel()
        _ = try? await server.value
    }
    do {
        try #require(port > 0, "the test server did not start")
        let result = try await body(try #require(URL(string: "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)")))
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}

/// A certificate of `Fixtures/tls`.
func testCertificate(_ name: String) throws -> NIOSSLCertificate {
    try NIOSSLCertificate(bytes: Array(Fixture.data("tls/\(name)")), format: .pem)
}

extension TLSConfiguration {
    /// A server configuration presenting `certificate` of `Fixtures/tls`.
    static func serving(_ certificate: String) throws -> TLSConfiguration {
        makeServerConfiguration(
            certificateChain: [.certificate(try testCertificate(certificate))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(Fixture.data("tls/key.pem")), format: .pem)))
    }
}

/// Runs `body` with an AsyncHTTPClient transport that trusts the test
/// authority (`Fixtures/tls/ca.pem`), and shuts its client down afterwards.
func withTrustingTransport<T>(_ body: (any ClientTransport) async throws -> T) async throws -> T {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates([try testCertificate("ca.pem")])
    var pool = HTTPClient.Configuration.ConnectionPool()
    pool.retryConnectionEstablishment = false
    let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: .init(tlsConfiguration: tls, timeout: .init(connect: .seconds(10), read: .seconds(10)), connectionPool: pool))
    do {
        let result = try await body(AsyncHTTPClientTransport(configuration: .init(client: client)))
        try await client.shutdown()
        return result
    } catch {
        try await client.shutdown()
        throw error
    }
}

#if os(Linux)
/// A loopback TCP port that listens with a backlog of one and never accepts:
/// once a first connection fills the backlog, Linux drops further SYNs, and
/// a connect waits until it times out.
final class UnacceptingPort {
    let port: Int
    private let listener: Int32
    private let filler: Int32

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        (self.listener, self.filler) = (listener, filler)
        try #require(listener >= 0 && filler >= 0, "socket() failed")
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        try #require(bound == 0, "bind() failed")
        try #require(listen(listener, 0) == 0, "listen() failed")
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        try #require(connected == 0, "the first connection was refused")
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    deinit {
        close(filler)
        close(listener)
    }
}
#endif
