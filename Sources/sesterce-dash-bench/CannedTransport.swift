import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A transport that answers every request with the same JSON body, already in
/// memory: the client's decoding is timed without a network or a server.
struct CannedTransport: ClientTransport {
    let body: [UInt8]

    func send(
        _ request: HTTPRequest, body _: HTTPBody?, baseURL _: URL, operationID _: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let response = HTTPResponse(status: .ok, headerFields: [.contentType: "application/json; charset=utf-8"])
        return (response, HTTPBody(body[...]))
    }
}
