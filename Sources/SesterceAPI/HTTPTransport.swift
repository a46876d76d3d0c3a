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
/// reads it all anyway). The deadline is a timer on a SwiftNIO event loop, as
/// AsyncHTTPClient's is: cancelled, it never wakes anything.
struct WholeExchangeDeadline: ClientTransport {
    let inner: any ClientTransport
    let total: TimeAmount

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let alarm = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: total) {}
        return try await withThrowingTaskGroup(of: (HTTPResponse, HTTPBody?).self) { group in
            group.addTask {
                let (response, responseBody) = try await inner.send(
                    request, body: body, baseURL: baseURL, operationID: operationID)
                guard let responseBody else { return (response, nil) }
                return (response, HTTPBody(try await [UInt8](collecting: responseBody, upTo: .max)))
            }
            group.addTask {
                try await alarm.futureResult.get()
                throw HTTPClientError.deadlineExceeded
            }
            // Whichever ends first decides; the other is stopped (the group
            // waits for it): a cancelled alarm fails, the exchange is cancelled.
            defer {
                alarm.cancel()
                group.cancelAll()
            }
            return try await group.next()!
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
