import Foundation
import Hummingbird
import SesterceAPI

/// What stands in front of every route of the live service: Cloudflare refuses
/// requests without a User-Agent, or with the bare signature of an HTTP library
/// (curl, Wget, python-requests, ...), with an HTML page ("error code: 1010"); the API
/// refuses a wrong key with a JSON 403. (Unknown routes get NestJS's 404 from
/// `NestErrorMiddleware`.)
struct EdgeMiddleware<Context: RequestContext>: RouterMiddleware {
    let apiKey: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if CloudflarePage.isBlockedAgent(request.headers[.userAgent] ?? "") {
            return Response.html(status: .forbidden, CloudflarePage.accessDenied1010)
        }
        if request.uri.path.hasPrefix("/ai-inference"), request.headers[.apiKey] != apiKey {
            return NestError(status: 403, messages: ["Invalid API key"], path: request.uri.path).response
        }
        return try await next(request, context)
    }
}

/// The HTML pages the service's edge answers with instead of JSON.
enum CloudflarePage {
    /// Library signatures refused at the edge. URLSession on Linux sends one of
    /// these ("... curl/7.88.1") when no User-Agent is set.
    static let blockedAgentMarkers = ["curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "node-fetch", "undici"]

    static func isBlockedAgent(_ agent: String) -> Bool {
        let lowered = agent.lowercased().trimmingCharacters(in: .whitespaces)
        return lowered.isEmpty || blockedAgentMarkers.contains { lowered.contains($0) }
    }

    static let accessDenied1010 = """
        <!DOCTYPE html>
        <html><head><title>Access denied | api.cloud.sesterce.com used Cloudflare to restrict access</title></head>
        <body><h1>Access denied</h1><p>error code: 1010</p>
        <p>The owner of this website has banned your access based on your browser's signature.</p></body></html>
        """

    static func gatewayError(_ status: Int) -> String {
        "<html><head><title>\(status) \(HTTPStatusText.phrase(status))</title></head>"
            + "<body><center><h1>\(status) \(HTTPStatusText.phrase(status))</h1></center>"
            + "<hr><center>cloudflare</center></body></html>"
    }
}

extension Response {
    static func html(status: HTTPResponse.Status, _ page: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=UTF-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

extension NestError {
    /// The error as a Hummingbird response, for middleware that answers before routing.
    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body(at: Date()))))
    }
}
