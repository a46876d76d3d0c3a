import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SesterceModels

extension APIError {
    /// A failure below HTTP in words a person can act on. `URLError`'s own
    /// text is a bare code on Linux ("The operation could not be completed.
    /// (NSURLErrorDomain error -1202.)"), and TLS failures above all need
    /// saying what is wrong: an untrusted or expired certificate, or a server
    /// that does not speak HTTPS at all.
    public init(_ error: URLError) {
        let host = error.failingURL?.host.map { " (\($0))" } ?? ""
        switch error.code {
        case .timedOut:
            self = .timedOut
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot:
            self = .unreachable(detail: "TLS certificate not trusted\(host): it is self-signed or from an unknown "
                + "authority; check --api-url, or a proxy that intercepts HTTPS")
        case .serverCertificateHasBadDate:
            self = .unreachable(detail: "TLS certificate expired\(host), or this machine's clock is wrong")
        case .serverCertificateNotYetValid:
            self = .unreachable(detail: "TLS certificate not valid yet\(host): check this machine's clock")
        case .clientCertificateRequired, .clientCertificateRejected:
            self = .unreachable(detail: "the server\(host) wants a TLS client certificate, which sesterce-dash does not send")
        case .secureConnectionFailed:
            self = .unreachable(detail: "secure connection failed\(host): " + Self.handshakeAdvice)
        case .appTransportSecurityRequiresSecureConnection:
            self = .unreachable(detail: "plain http:// refused by the system\(host): use https://")
        case .cannotFindHost, .dnsLookupFailed:
            self = .unreachable(detail: "host not found\(host): check --api-url and DNS")
        case .cannotConnectToHost:
            self = .unreachable(detail: "connection refused\(host): nothing listens at that address and port")
        case .notConnectedToInternet:
            self = .unreachable(detail: "no network connection")
        case .networkConnectionLost:
            self = .unreachable(detail: "the connection was lost\(host)")
        default:
            // On Linux, TLS failures arrive as an unknown code with OpenSSL's text.
            let text = error.localizedDescription
            let lowered = text.lowercased()
            if lowered.contains("certificate") {
                self = .unreachable(detail: "TLS certificate not accepted\(host): expired, self-signed, or for another name (\(text))")
            } else if ["ssl", "tls"].contains(where: lowered.contains) {
                self = .unreachable(detail: "secure connection failed\(host): \(Self.handshakeAdvice) (\(text))")
            } else {
                self = .unreachable(detail: text + host)
            }
        }
    }

    private static let handshakeAdvice =
        "the TLS handshake did not complete; the server may not speak HTTPS on that port, or a proxy interferes"
}
