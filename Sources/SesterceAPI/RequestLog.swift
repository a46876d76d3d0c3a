import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One HTTP exchange as `--log-file` records it: what was asked, what came
/// back and how long it took. Only the method, the path (never its query),
/// the status, a duration and a count of bytes: no header, no body, so never
/// the key, an env value or a secret.
public struct RequestRecord: Sendable, Equatable {
    public var method: String
    public var path: String
    /// Nil when no response came.
    public var status: Int?
    public var seconds: Double
    /// Bytes of the response body, when known.
    public var bytes: Int?
    /// 0 for the first attempt, then 1, 2… for its retries.
    public var retry: Int
    /// Why no response came (timed out, refused…).
    public var failure: String?

    /// `GET /instances 200 12ms 1534B retry=0`, or
    /// `GET /instances failed 3012ms retry=1: the service did not answer in time`.
    public var line: String {
        let milliseconds = "\(Int((seconds * 1000).rounded()))ms"
        if let failure { return "\(method) \(path) failed \(milliseconds) retry=\(retry): \(failure)" }
        return "\(method) \(path) \(status.map(String.init) ?? "-") \(milliseconds) \(bytes.map { "\($0)B" } ?? "-B") retry=\(retry)"
    }
}

/// The retry number of the requests a task sends: set by whatever retries
/// (the client's own reads, the dashboard's scheduler) around each attempt.
public enum RequestAttempt {
    @TaskLocal public static var retry = 0
}

/// Hands a `RequestRecord` of every exchange to `record`. Innermost of the
/// client's middlewares, so that it sees the service's own status before
/// errors are made of it.
struct RequestLogMiddleware: ClientMiddleware {
    let host: String?
    let record: @Sendable (RequestRecord) -> Void

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let path = String((request.path ?? "/").prefix { $0 != "?" })
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = (clock.now - start).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
        var entry = RequestRecord(
            method: request.method.rawValue, path: path, status: nil, seconds: 0, bytes: nil, retry: RequestAttempt.retry)
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            entry.status = response.status.code
            entry.seconds = seconds()
            if case .known(let length)? = responseBody?.length { entry.bytes = Int(length) }
            record(entry)
            return (response, responseBody)
        } catch {
            entry.seconds = seconds()
            entry.failure = Self.reason(error, host: host)
            record(entry)
            throw error
        }
    }

    /// The failure in words, as the dashboard would say it.
    static func reason(_ error: any Error, host: String?) -> String {
        if error is CancellationError { return "cancelled" }
        if let failure = APIError(transport: error, host: host) { return failure.description }
        return "\(type(of: error))"
    }
}
