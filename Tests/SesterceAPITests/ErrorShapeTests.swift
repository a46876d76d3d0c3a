import Foundation
import HTTPTypes
import OpenAPIRuntime
import SesterceAPI
import SesterceSimulator
import Testing

/// Every error the simulator answers, whichever layer produces it (routing,
/// the generated server's decoding, validation, handlers), has the live
/// service's shape: JSON with `statusCode`, `message`, `error`, `path` and
/// `timestamp`. Raw requests over loopback HTTP, since the client cannot send
/// these mistakes.
@Suite("Error bodies of every layer")
struct ErrorShapeTests {
    /// One answer as it came over the wire.
    struct Answer {
        var status: Int
        var contentType: String?
        var json: [String: Any]
    }

    /// Sends `method path` with the key and a User-Agent, `body` as is.
    static func send(
        _ sim: Sim, _ method: HTTPRequest.Method, _ path: String, body: String? = nil,
        contentType: String? = "application/json"
    ) async throws -> Answer {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        request.headerFields[.apiKey] = "demo-key"
        request.headerFields[.userAgent] = "sesterce-dash-tests"
        if body != nil, let contentType { request.headerFields[.contentType] = contentType }
        let (response, responseBody) = try await SesterceClient.httpTransport(.standard).send(
            request, body: body.map { HTTPBody($0) }, baseURL: sim.url, operationID: "raw")
        let data: Data = if let responseBody { try await Data(collecting: responseBody, upTo: 1 << 20) } else { Data() }
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return Answer(status: response.status.code, contentType: response.headerFields[.contentType], json: json ?? [:])
    }

    /// Expects a NestJS error: JSON with every field, `message` a list when `listed`.
    static func expectNestError(
        _ answer: Answer, status: Int, error: String, path: String, listed: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(answer.status == status, sourceLocation: sourceLocation)
        #expect(answer.contentType?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        #expect(answer.json["statusCode"] as? Int == status, sourceLocation: sourceLocation)
        #expect(answer.json["error"] as? String == error, sourceLocation: sourceLocation)
        #expect(answer.json["path"] as? String == path, sourceLocation: sourceLocation)
        let timestamp = answer.json["timestamp"] as? String
        let parsed = timestamp.flatMap { try? SesterceDateTranscoder().decode($0) }
        #expect(parsed != nil, "timestamp \(timestamp ?? "missing")", sourceLocation: sourceLocation)
        if listed {
            let messages = answer.json["message"] as? [String] ?? []
            #expect(!messages.isEmpty, sourceLocation: sourceLocation)
        } else {
            #expect(answer.json["message"] is String, sourceLocation: sourceLocation)
        }
    }

    @Test("a PATCH body the generated server cannot decode, on an unknown id: 400 JSON naming the missing field")
    func undecodablePatch() async throws {
        try await withSimulator { sim in
            let path = "/ai-inference/instances/0123456789abcdef01234567"
            let answer = try await Self.send(sim, .patch, path, body: #"{"containerPort": 0}"#)
            Self.expectNestError(answer, status: 400, error: "Bad Request", path: path, listed: true)
            let messages = answer.json["message"] as? [String] ?? []
            #expect(messages.count == 1)
            #expect(messages.first?.hasSuffix("should not be empty") == true, "\(messages)")
        }
    }

    @Test("a field of the wrong type deep in a body the generated server decodes: its dotted path")
    func wrongTypeDeep() async throws {
        try await withSimulator { sim in
            let path = "/ai-inference/instances/0123456789abcdef01234567"
            let body = """
                {"modelId":null,"containerPort":80,"description":null,"podLifetime":null,"envs":null,
                 "hardwareId":"h","startupCommand":null,"registryId":null,"apiKeyIds":null,
                 "autoScalingConfigurations":[{"regionId":18,"scale":{"min":"one","max":2,"cooldownPeriod":300}}]}
                """
            let answer = try await Self.send(sim, .patch, path, body: body)
            Self.expectNestError(answer, status: 400, error: "Bad Request", path: path, listed: true)
            #expect(answer.json["message"] as? [String] == ["autoScalingConfigurations.0.scale.min must be an integer number"])
        }
    }

    @Test("a JSON body sent as text/plain: 400 JSON, as NestJS answers a body it cannot read")
    func otherContentType() async throws {
        try await withSimulator { sim in
            let path = "/ai-inference/registries"
            let body = #"{"name":"r","url":"docker.io/a/b","username":"u","password":"p"}"#
            let answer = try await Self.send(sim, .post, path, body: body, contentType: "text/plain")
            Self.expectNestError(answer, status: 400, error: "Bad Request", path: path, listed: true)
            // Sent as JSON, the same body is accepted.
            let accepted = try await Self.send(sim, .post, path, body: body)
            #expect(accepted.status == 201)
        }
    }

    @Test("an unknown route: 404 JSON, Cannot METHOD path")
    func unknownRoute() async throws {
        try await withSimulator { sim in
            let answer = try await Self.send(sim, .get, "/ai-inference/nothing/here")
            Self.expectNestError(answer, status: 404, error: "Not Found", path: "/ai-inference/nothing/here", listed: false)
            #expect(answer.json["message"] as? String == "Cannot GET /ai-inference/nothing/here")
        }
    }

    @Test("a method a route does not have: NestJS's 404 JSON, not an empty 405", arguments: [
        (HTTPRequest.Method.put, "/ai-inference/instances"),
        (.delete, "/ai-inference/models"),
        (.get, "/ai-inference/instances/0123456789abcdef01234567/start"),
    ])
    func wrongMethod(method: HTTPRequest.Method, path: String) async throws {
        try await withSimulator { sim in
            let answer = try await Self.send(sim, method, path)
            Self.expectNestError(answer, status: 404, error: "Not Found", path: path, listed: false)
            #expect(answer.json["message"] as? String == "Cannot \(method.rawValue) \(path)")
        }
    }

    @Test("a handler's refusal keeps its own message: stopping a stopped instance")
    func handlerRefusal() async throws {
        try await withSimulator(.test(instances: 8)) { sim in
            let stopped = try #require(await sim.client().instances().first { $0.status == .disabled })
            let path = "/ai-inference/instances/\(stopped.id)/stop"
            let answer = try await Self.send(sim, .post, path)
            #expect(answer.status == 400)
            #expect(answer.contentType?.hasPrefix("application/json") == true)
            #expect(answer.json["message"] as? String == "Instance \(stopped.name) is already stopped")
            #expect(answer.json["path"] as? String == path)
        }
    }
}
