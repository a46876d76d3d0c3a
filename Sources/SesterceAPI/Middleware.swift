import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Adds what every request needs: the key in `x-api-key` (not a Bearer token),
/// a `User-Agent` (Cloudflare refuses requests without a normal one) and `Accept`.
/// This is the only place the key is attached to anything.
struct RequestHeadersMiddleware: ClientMiddleware {
    let apiKey: String
    let userAgent: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.apiKey] = apiKey
        request.headerFields[.userAgent] = userAgent
        if request.headerFields[.accept] == nil {
            request.headerFields[.accept] = "application/json"
        }
        return try await next(request, body, baseURL)
    }
}

/// Turns every non-2xx response into an `APIError` before the generated code sees
/// it, so that undeclared statuses and non-JSON bodies (Cloudflare's HTML) are
/// handled in one place, with the key redacted from whatever the server said.
struct ErrorResponseMiddleware: ClientMiddleware {
    let apiKey: String
    static let maxErrorBody = 64 * 1024

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard !(200..<300).contains(response.status.code) else { return (response, responseBody) }
        var data = Data()
        if let responseBody {
            for try await chunk in responseBody where data.count < Self.maxErrorBody {
                data.append(contentsOf: chunk)
            }
        }
        throw ErrorResponse.error(
            status: response.status.code,
            contentType: response.headerFields[.contentType],
            body: data,
            retryAfter: response.headerFields[.retryAfter]
        ).redacting(apiKey)
    }
}

extension HTTPField.Name {
    /// The header that carries the API key (not `Authorization`).
    public static let apiKey = HTTPField.Name("x-api-key")!
}
