import Foundation
import Hummingbird

/// Checks the bodies of create, update, pricing and registry requests before the
/// typed handlers see them, answering 400 with every problem listed (NestJS's
/// ValidationPipe) instead of the generated code's empty 400.
struct RequestValidationMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: SimulatorStore

    private enum Kind {
        case createInstance, updateInstance(id: String), pricing, createRegistry, updateRegistry
    }

    private func kind(of request: Request) -> Kind? {
        let parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "ai-inference" else { return nil }
        switch (request.method, Array(parts.dropFirst())) {
        case (.post, ["instances"]): return .createInstance
        case (.post, ["instances", "pricing"]): return .pricing
        case (.patch, let rest) where rest.count == 2 && rest[0] == "instances": return .updateInstance(id: rest[1])
        case (.post, ["registries"]): return .createRegistry
        case (.patch, let rest) where rest.count == 2 && rest[0] == "registries": return .updateRegistry
        default: return nil
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let kind = kind(of: request) else { return try await next(request, context) }
        let buffer = try await request.body.collect(upTo: 1 << 20)
        var request = request
        request.body = .init(buffer: buffer)
        let path = request.uri.path
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else {
            return NestError(status: 400, messages: ["Unexpected token in JSON body"], path: path).response
        }
        let problems: [String]
        switch kind {
        case .createInstance:
            problems = await store.problems(inInstanceBody: body, updating: nil)
        case .updateInstance(let id):
            // An unknown id is the handler's 404, not a validation error.
            guard await store.instance(id: id) != nil else { return try await next(request, context) }
            problems = await store.problems(inInstanceBody: body, updating: id)
        case .pricing:
            problems = await store.problems(inPricingBody: body)
        case .createRegistry:
            problems = await store.problems(inRegistryBody: body, creating: true)
        case .updateRegistry:
            problems = await store.problems(inRegistryBody: body, creating: false)
        }
        guard problems.isEmpty else { return NestError.validation(problems, path: path).response }
        return try await next(request, context)
    }
}
