import Foundation
import SesterceAPI
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Failures below HTTP said in words: above all TLS, where the bare code
/// ("NSURLErrorDomain error -1202") tells a person nothing.
@Suite("Transport errors in words")
struct TransportErrorTests {
    static let url = URL(string: "https://api.cloud.sesterce.com/ai-inference/instances")!

    static func error(_ code: URLError.Code) -> APIError {
        APIError(URLError(code, userInfo: [NSURLErrorFailingURLErrorKey: url]))
    }

    @Test(
        "TLS failures say what is wrong with the certificate or the handshake, and name the host",
        arguments: [
            (URLError.Code.serverCertificateUntrusted, "TLS certificate not trusted"),
            (.serverCertificateHasUnknownRoot, "TLS certificate not trusted"),
            (.serverCertificateHasBadDate, "TLS certificate expired"),
            (.serverCertificateNotYetValid, "TLS certificate not valid yet"),
            (.secureConnectionFailed, "TLS handshake did not complete"),
            (.clientCertificateRequired, "TLS client certificate"),
            (.clientCertificateRejected, "TLS client certificate"),
        ])
    func tls(code: URLError.Code, words: String) {
        let error = Self.error(code)
        #expect(error.description.contains(words))
        #expect(error.description.contains("api.cloud.sesterce.com"))
        #expect(!error.description.contains("NSURLErrorDomain"))
    }

    @Test("other transport failures are named too; a timeout is .timedOut")
    func others() {
        #expect(Self.error(.timedOut) == .timedOut)
        #expect(Self.error(.cannotFindHost).description.contains("host not found"))
        #expect(Self.error(.cannotConnectToHost).description.contains("connection refused"))
        #expect(Self.error(.notConnectedToInternet).description.contains("no network connection"))
        #expect(Self.error(.networkConnectionLost).description.contains("connection was lost"))
        #expect(APIError(URLError(.badServerResponse)).description.hasPrefix("Service unreachable"))
    }

    @Test("Linux's TLS failures (an unknown code with OpenSSL's text) are recognised by their text")
    func opensslText() {
        let handshake = APIError(URLError(.unknown, userInfo: [
            NSURLErrorFailingURLErrorKey: Self.url,
            NSLocalizedDescriptionKey: "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number",
        ]))
        #expect(handshake.description.contains("secure connection failed (api.cloud.sesterce.com): the TLS handshake did not complete"))
        let certificate = APIError(URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "SSL certificate problem: self-signed certificate"]))
        #expect(certificate.description.contains("TLS certificate not accepted"))
    }

    @Test("https:// to a server that speaks plain HTTP: the handshake failure from the real transport, in words")
    func realHandshakeFailure() async throws {
        try await withSimulator { sim in
            var parts = try #require(URLComponents(url: sim.url, resolvingAgainstBaseURL: false))
            parts.scheme = "https"
            let url = try #require(parts.url).appendingPathComponent("ai-inference/models")
            do {
                _ = try await URLSession.shared.data(from: url)
                Issue.record("a TLS request to a plain HTTP server succeeded")
            } catch let error as URLError {
                let text = APIError(error).description
                #expect(text.contains("secure connection failed (127.0.0.1)"), "\(text)")
            }
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
