import Hummingbird
import Logging
import NIOCore
import SesterceModels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves `WatchMetrics` at `GET /metrics` for Prometheus to scrape, over
/// plain HTTP on Hummingbird; every other path is 404.
///
/// The figures say what an account runs and spends, and there is no
/// authentication, so it listens on this machine only unless remote
/// listening is asked for.
public struct MetricsServer: Sendable {
    public let host: String
    public let port: Int
    private let metrics: WatchMetrics

    /// Refuses a host beyond this machine (`0.0.0.0`, a LAN address) unless `allowRemote`.
    public init(metrics: WatchMetrics, host: String, port: Int, allowRemote: Bool) throws(MetricsServerError) {
        guard (0...65535).contains(port) else { throw .badPort(port) }
        guard allowRemote || LoopbackHost.contains(host) else { throw .remote(host: host) }
        self.metrics = metrics
        self.host = host
        self.port = port
    }

    /// Listens and serves until the calling task is cancelled. `onListening`
    /// gets the port listened on once scrapes can come (the one asked for, or
    /// the one the system chose for port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws(MetricsServerError) {
        let metrics = metrics
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "sesterce-dash"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "sesterce-metrics") { _ in SwiftLogNoOpLogHandler() })
        do {
            try await app.runService(gracefulShutdownSignals: [])
        } catch is CancellationError {
            return
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw .portInUse(host: host, port: port)
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw .noSuchAddress(host: host)
        } catch {
            if Task.isCancelled { return }
            throw .cannotListen(host: host, port: port, String(describing: error))
        }
    }
}

/// Why the metrics could not be served, in words.
public enum MetricsServerError: Error, Hashable, Sendable, CustomStringConvertible {
    case remote(host: String)
    case badPort(Int)
    case portInUse(host: String, port: Int)
    case noSuchAddress(host: String)
    case cannotListen(host: String, port: Int, String)

    public var description: String {
        switch self {
        case .remote(let host):
            "metrics: \(host) is reachable from other machines, and /metrics has no authentication; "
                + "listen on 127.0.0.1, or ask for a remote address explicitly"
        case .badPort(let port):
            "metrics: \(port) is not a port (0 to 65535)"
        case .portInUse(let host, let port):
            "metrics: \(host):\(port) is already in use by another program; choose another port"
        case .noSuchAddress(let host):
            "metrics: \(host) is not an address of this machine"
        case .cannotListen(let host, let port, let detail):
            "metrics: cannot listen on \(host):\(port): \(detail)"
        }
    }
}
