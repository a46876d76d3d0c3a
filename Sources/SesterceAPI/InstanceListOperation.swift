import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime

/// `GET /ai-inference/instances`, its body read by `InstanceListReader`, or
/// by the generated decoding when the reader declines it.
///
/// The generated `Client.listInstances()` decodes inside and hands back no
/// bytes, so this sends the same request through the same runtime client
/// the generated code uses (the runtime's `Generated` interface, pinned with
/// the package): the same middlewares, transport, content-type check, and
/// errors wrapped the same way, so a failure reads as any other call's.
struct InstanceListOperation: Sendable {
    private let client: UniversalClient

    init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware]) {
        client = UniversalClient(
            serverURL: serverURL, configuration: .sesterce, transport: transport, middlewares: middlewares)
    }

    /// The instances, or nil when the service answered a success other than
    /// 200 (which the spec does not declare).
    func instances() async throws -> [Instance]? {
        let converter = client.converter
        return try await client.send(
            input: Operations.ListInstances.Input(),
            forOperation: Operations.ListInstances.id,
            serializer: { input in
                var request = HTTPRequest(soar_path: "/ai-inference/instances", method: .get)
                converter.setAcceptHeader(in: &request.headerFields, contentTypes: input.headers.accept)
                return (request, nil)
            },
            deserializer: { response, body in
                guard response.status.code == 200 else { return nil }
                _ = try converter.bestContentType(
                    received: converter.extractContentTypeIfPresent(in: response.headerFields), options: ["application/json"])
                let bytes = if let body { try await Data(collecting: body, upTo: .max) } else { Data?.none }
                if let list = bytes?.withUnsafeBytes(InstanceListReader.instances) {
                    return list.map(Instance.init)
                }
                return try await converter.getResponseBodyAsJSON(
                    [Wire.InstanceSummary].self, from: bytes.map { HTTPBody($0) }, transforming: { $0.map(Instance.init) })
            })
    }
}
