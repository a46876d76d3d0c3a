import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
import SesterceModels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension APIError {
    /// A failure below HTTP (AsyncHTTPClient, SwiftNIO, BoringSSL) in words a
    /// person can act on, naming the host; nil for an error that is not one.
    /// Their own texts are type names and error stacks
    /// ("NIOSSLError.handshakeFailed(BoringSSLError.sslError([Error: 268435703
    /// error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER ..."),
    /// and TLS failures above all need saying what is wrong: an untrusted or
    /// expired certificate, or a server that does not speak HTTPS at all.
    package init?(transport error: any Error, host: String?) {
        let named = host.map { " (\($0))" } ?? ""
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                self = .timedOut
            case .remoteConnectionClosed, .uncleanShutdown:
                self = .unreachable(detail: "the connection was lost\(named)")
            default:
                return nil
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout:
                self = .timedOut
            case .eof, .ioOnClosedChannel, .alreadyClosed, .inputClosed, .outputClosed:
                self = .unreachable(detail: "the connection was lost\(named)")
            default:
                return nil
            }
        case let error as NIOConnectionError:
            // Every address of the name was tried: the first says why it failed.
            if let first = error.connectionErrors.first {
                self = APIError(transport: first.error, host: host) ?? .unreachable(detail: "\(first.error)\(named)")
            } else {
                self = .unreachable(detail: "host not found\(named): check --api-url and DNS")
            }
        case is SocketAddressError.UnknownHost:
            self = .unreachable(detail: "host not found\(named): check --api-url and DNS")
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED:
                self = .unreachable(detail: "connection refused\(named): nothing listens at that address and port")
            case ENETUNREACH, ENETDOWN:
                self = .unreachable(detail: "no network connection")
            case ECONNRESET, ECONNABORTED, EPIPE:
                self = .unreachable(detail: "the connection was lost\(named)")
            case ETIMEDOUT:
                self = .timedOut
            default:
                return nil
            }
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            self = .unreachable(detail: "TLS certificate is for another name\(named): check --api-url, "
                + "or a proxy that intercepts HTTPS")
        case let error as NIOSSLError:
            if case .uncleanShutdown = error {
                self = .unreachable(detail: "the connection was lost\(named)")
            } else {
                self = Self.tls(String(describing: error), named)
            }
        case let error as BoringSSLError:
            self = Self.tls(String(describing: error), named)
        default:
            return nil
        }
    }

    /// A TLS failure, from BoringSSL's error stack. For a certificate chain it
    /// refuses, BoringSSL says CERTIFICATE_VERIFY_FAILED and nothing more, so
    /// an unknown authority, a self-signed and an expired certificate read alike.
    private static func tls(_ stack: String, _ named: String) -> APIError {
        if stack.contains("CERTIFICATE_VERIFY_FAILED") {
            .unreachable(detail: "TLS certificate not trusted\(named): it is self-signed, from an unknown authority, "
                + "or expired; check --api-url, this machine's clock, or a proxy that intercepts HTTPS")
        } else if stack.contains("CERTIFICATE_REQUIRED") {
            .unreachable(detail: "the server\(named) wants a TLS client certificate, which sesterce-dash does not send")
        } else {
            .unreachable(detail: "secure connection failed\(named): the TLS handshake did not complete; "
                + "the server may not speak HTTPS on that port, or a proxy interferes")
        }
    }
}
