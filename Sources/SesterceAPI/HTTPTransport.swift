import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOPosix
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Synchronization

extension SesterceClient {
    /// The transport of a client made without one: AsyncHTTPClient on SwiftNIO's
    /// singleton event loop group, `timeouts.request` as its connect, read and
    /// write timeouts (no byte for that long), `timeouts.total` over the whole
    /// exchange, response body included.
    package static func httpTransport(_ timeouts: Timeouts) -> any ClientTransport {
        let total = TimeAmount(seconds: timeouts.total)
        let client = HTTPClients.client(byteTimeout: timeouts.request)
        return WholeExchangeDeadline(
            inner: AsyncHTTPClientTransport(configuration: .init(client: client, timeout: total)), total: total)
    }
}

/// The process's `HTTPClient`s, one per distinct `Timeouts.request` (the
/// timeouts between bytes are an `HTTPClient`'s; the total is per request),
/// made on first use and kept until the process exits, never shut down. An
/// `HTTPClient` traps if it is deinitialised before `shutdown()`, and
/// `SesterceClient` is a value, copied freely (`retrying(_:)`, schedulers,
/// commands), so no owner could say when to shut one down. Kept, a client
/// also keeps its pool: polls every few seconds reuse one kept-alive connection.
enum HTTPClients {
    private static let clients = Mutex<[TimeInterval: HTTPClient]>([:])

    static func client(byteTimeout: TimeInterval) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[byteTimeout] { return client }
            let idle = TimeAmount(seconds: byteTimeout)
            var pool = HTTPClient.Configuration.ConnectionPool()
            // A connection that cannot be made (refused, no such host) fails the
            // request at once, as URLSession did: reads are retried above, paced
            // by `RetryPolicy`. AsyncHTTPClient would otherwise try again and
            // again until the connect timeout, then fail with the same error.
            pool.retryConnectionEstablishment = false
            let client = HTTPClient(
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                configuration: .init(timeout: .init(connect: idle, read: idle, write: idle), connectionPool: pool))
            clients[byteTimeout] = client
            return client
        }
    }
}

/// Bounds a whole exchange by one deadline, response body included:
/// AsyncHTTPClient's own deadline ends when the response head arrives, and a
/// body that trickles in never trips the read timeout. So the body is read
/// here, in full, before the exchange counts as done (the generated client
/// reads it all anyway). The exchange runs in a task of its own, which the
/// deadline cancels: a scheduled callback on a SwiftNIO event loop, which
/// wakes that loop once when set and nothing when cancelled (a `scheduleTask`
/// awaited in a task group cost about five wake-ups a request).
struct WholeExchangeDeadline: ClientTransport {
    let inner: any ClientTransport
    let total: TimeAmount

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let exchange = Task {
            let (response, responseBody) = try await inner.send(
                request, body: body, baseURL: baseURL, operationID: operationID)
            guard let responseBody else { return (response, nil as HTTPBody?) }
            return (response, HTTPBody(try await [UInt8](collecting: responseBody, upTo: .max)))
        }
        let alarm = Alarm(exchange)
        let scheduled: NIOScheduledCallback
        do {
            scheduled = try MultiThreadedEventLoopGroup.singleton.any().scheduleCallback(in: total, handler: alarm)
        } catch {
            exchange.cancel()
            throw error
        }
        defer { scheduled.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await exchange.value
            } onCancel: {
                exchange.cancel()
            }
        } catch where alarm.rang {
            throw HTTPClientError.deadlineExceeded
        }
    }

    /// Cancels the exchange when the deadline comes, and remembers it did.
    private final class Alarm: NIOScheduledCallbackHandler, Sendable {
        private let exchange: Task<(HTTPResponse, HTTPBody?), any Error>
        private let ringing = Atomic(false)

        init(_ exchange: Task<(HTTPResponse, HTTPBody?), any Error>) {
            self.exchange = exchange
        }

        var rang: Bool { ringing.load(ordering: .acquiring) }

        func handleScheduledCallback(eventLoop: some EventLoop) {
            ringing.store(true, ordering: .releasing)
            exchange.cancel()
        }
    }
}

extension TimeAmount {
    /// `seconds` in whole nanoseconds, rounded up, within what a `TimeAmount`
    /// holds (NaN or a negative time is none).
    init(seconds: TimeInterval) {
        let nanoseconds = (seconds * 1e9).rounded(.up)
        if !(nanoseconds > 0) {
            self = .nanoseconds(0)
        } else if nanoseconds >= 9e18 {
            self = .nanoseconds(9_000_000_000_000_000_000)
        } else {
            self = .nanoseconds(Int64(nanoseconds))
        }
    }
}
