import Foundation
import HTTPTypes
import SesterceAPI
import SesterceSimulator
import Testing

/// What goes over the wire: headers on every request, methods and paths of
/// every operation, and 204s with an empty body.
@Suite("Requests and responses on the wire")
struct RequestHeadersTests {
    /// Calls every endpoint once (in an order that succeeds against an empty account).
    private func callEveryEndpoint(_ client: SesterceClient, sim: Sim) async throws {
        let (hardware, region) = try await sim.placement(pods: 2)
        let model = try await sim.anyModel()
        _ = try await client.models()
        _ = try await client.hardware()
        _ = try await client.regions()
        _ = try await client.price(hardwareId: hardware.id, maxPods: [(region.id, 2)])
        _ = try await client.registries()
        let registry = try await client.createRegistry(
            name: "r", credentials: RegistryCredentials(url: "docker.io/a/b:c", username: "u", password: "p"))
        try await client.updateRegistry(id: registry.id, credentials: RegistryCredentials(url: "docker.io/a/b:d", username: "u", password: "q"))
        try await client.deleteRegistry(id: registry.id)
        let created = try await client.createInstance(spec(name: "wire", model: model.id, hardware: hardware.id, regions: [region.id]))
        _ = try await client.instances()
        _ = try await client.instance(id: created.id)
        _ = try await client.updateInstance(id: created.id, spec(name: "wire", model: model.id, hardware: hardware.id, regions: [region.id], max: 2))
        try await client.stopInstance(id: created.id)
        try await client.startInstance(id: created.id)
        try await client.deleteInstance(id: created.id)
    }

    @Test("every request carries x-api-key, User-Agent sesterce-dash/<version> and Accept application/json")
    func headers() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            let client = sim.client(apiKey: "demo-key", transport: recorder)
            try await callEveryEndpoint(client, sim: sim)
            #expect(recorder.count == 15)
            for exchange in recorder.exchanges {
                let fields = exchange.request.headerFields
                let what = "\(exchange.request.method) \(exchange.request.path ?? "")"
                #expect(fields[.apiKey] == "demo-key", "\(what)")
                #expect(fields[values: .apiKey].count == 1, "\(what)")
                #expect(fields[.userAgent] == "sesterce-dash/\(SesterceClient.version)", "\(what)")
                #expect(fields[.userAgent] == SesterceClient.defaultUserAgent)
                // JSON first; HTML is accepted too, because the edge answers errors with it.
                let accepted = (fields[.accept] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(accepted.first == "application/json", "\(what): \(fields[.accept] ?? "none")")
                #expect(Set(accepted).isSubset(of: ["application/json", "text/html"]), "\(what)")
                // The key is not a Bearer token.
                #expect(fields[.authorization] == nil, "\(what)")
                if exchange.requestBody.map({ !$0.isEmpty }) == true {
                    #expect(fields[.contentType]?.hasPrefix("application/json") == true, "\(what)")
                }
                let status = exchange.response?.status.code ?? 0
                #expect((200..<300).contains(status), "\(what)")
            }
        }
    }

    @Test("methods and paths of every operation")
    func methodsAndPaths() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            try await callEveryEndpoint(sim.client(transport: recorder), sim: sim)
            let calls = recorder.exchanges.map { exchange -> String in
                // Ids vary: show them as {id}.
                let path = (exchange.request.path ?? "").split(separator: "/").map { $0.count == 24 ? "{id}" : String($0) }
                return "\(exchange.request.method.rawValue) /" + path.joined(separator: "/")
            }
            #expect(
                calls == [
                    "GET /ai-inference/models",
                    "GET /ai-inference/hardwares",
                    "GET /ai-inference/regions",
                    "POST /ai-inference/instances/pricing",
                    "GET /ai-inference/registries",
                    "POST /ai-inference/registries",
                    "PATCH /ai-inference/registries/{id}",
                    "DELETE /ai-inference/registries/{id}",
                    "POST /ai-inference/instances",
                    "GET /ai-inference/instances",
                    "GET /ai-inference/instances/{id}",
                    "PATCH /ai-inference/instances/{id}",
                    "POST /ai-inference/instances/{id}/stop",
                    "POST /ai-inference/instances/{id}/start",
                    "DELETE /ai-inference/instances/{id}",
                ])
        }
    }

    @Test("a custom User-Agent is sent as given")
    func customUserAgent() async throws {
        let transport = StubTransport(always: .json(200, "[]"))
        let client = SesterceClient(
            baseURL: URL(string: "https://api.cloud.sesterce.com")!, apiKey: "k", userAgent: "my-tool/2.0", transport: transport)
        _ = try await client.models()
        #expect(transport.requests.first?.headerFields[.userAgent] == "my-tool/2.0")
        #expect(transport.requests.first?.headerFields[.apiKey] == "k")
    }

    @Test("requests go below the base URL's host, to /ai-inference/...")
    func baseURL() async throws {
        let transport = StubTransport(always: .json(200, "[]"))
        let client = SesterceClient(baseURL: SesterceClient.liveBaseURL, apiKey: "k", transport: transport)
        #expect(client.baseURL.absoluteString == "https://api.cloud.sesterce.com")
        _ = try await client.regions()
        #expect(transport.requests.first?.path == "/ai-inference/regions")
    }

    @Test("start, stop, delete and registry update/delete answer 204 with an empty body")
    func noContent() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            try await callEveryEndpoint(sim.client(transport: recorder), sim: sim)
            let noContent = recorder.exchanges.filter { $0.response?.status.code == 204 }
            #expect(noContent.count == 5)
            for exchange in noContent {
                #expect((exchange.responseBody ?? Data()).isEmpty, "\(exchange.request.method) \(exchange.request.path ?? "")")
                let length = exchange.response?.headerFields[.contentLength]
                #expect(length == nil || length == "0")
            }
            let methods = noContent.map(\.request.method)
            #expect(methods == [.patch, .delete, .post, .post, .delete])
        }
    }

    @Test("creates answer 201 with JSON; dates in answers carry milliseconds")
    func createdAndDates() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            try await callEveryEndpoint(sim.client(transport: recorder), sim: sim)
            let posts = recorder.exchanges.filter { $0.request.method == .post && !($0.request.path ?? "").hasSuffix("start") && !($0.request.path ?? "").hasSuffix("stop") }
            let statuses = posts.map(\.response?.status.code)
            #expect(statuses == [201, 201, 201])
            for exchange in posts {
                #expect(exchange.response?.headerFields[.contentType]?.hasPrefix("application/json") == true)
            }
            let withoutMilliseconds = /"(createdAt|updatedAt)"\s*:\s*"[^"]*T\d\d:\d\d:\d\dZ"/
            let pattern = /"(createdAt|updatedAt)"\s*:\s*"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/
            let bodies = recorder.exchanges.compactMap(\.responseBody).map { String(decoding: $0, as: UTF8.self) }
            let withDates = bodies.filter { $0.contains("createdAt") }
            #expect(withDates.count >= 5)
            for body in withDates {
                #expect(body.contains(pattern))
                #expect(!body.contains(withoutMilliseconds))
            }
        }
    }
}
