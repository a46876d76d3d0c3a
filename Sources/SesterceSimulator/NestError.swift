import Foundation
import HTTPTypes
import OpenAPIRuntime
import SesterceAPI

/// An error answered the way the live NestJS backend answers:
/// `{"statusCode", "timestamp", "path", "message", "error"}`, where `message`
/// is a list of strings for validation failures.
public struct NestError: Error, Equatable, Sendable {
    public var status: Int
    public var messages: [String]
    /// Send `message` as a list even when it has one entry (validation failures).
    public var listed: Bool
    public var path: String
    public var retryAfter: Int?

    public init(status: Int, messages: [String], listed: Bool = false, path: String = "", retryAfter: Int? = nil) {
        self.status = status
        self.messages = messages
        self.listed = listed
        self.path = path
        self.retryAfter = retryAfter
    }

    static func validation(_ messages: [String], path: String) -> NestError {
        NestError(status: 400, messages: messages, listed: true, path: path)
    }

    static func notFound(_ what: String, path: String) -> NestError {
        NestError(status: 404, messages: ["\(what) not found"], path: path)
    }

    func body(at date: Date) -> Data {
        var object: [String: Any] = [
            "statusCode": status,
            "timestamp": SesterceDateTranscoder.string(from: date),
            "path": path,
        ]
        object["message"] = listed ? messages : (messages.first ?? "")
        if listed || status == 404 { object["error"] = HTTPStatusText.phrase(status) }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

extension NestError: HTTPResponseConvertible {
    public var httpStatus: HTTPResponse.Status { .init(code: status) }

    public var httpHeaderFields: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { fields[.retryAfter] = String(retryAfter) }
        return fields
    }

    public var httpBody: HTTPBody? { HTTPBody(body(at: Date())) }
}
