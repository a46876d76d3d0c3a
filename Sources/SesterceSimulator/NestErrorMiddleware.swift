import Foundation
import Hummingbird
import OpenAPIRuntime
import SesterceAPI

/// The outermost middleware: whatever layer fails (an unknown route, the
/// generated server unable to decode a body, a handler, a body too large),
/// the answer is a NestJS error body, as the live service gives for every
/// error. Without it, Hummingbird and the generated code answer some errors
/// with an empty body and no Content-Type, which no client of the real
/// service ever sees.
struct NestErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return NestError(error, method: request.method.rawValue, path: request.uri.path).response
        }
    }
}

extension NestError {
    /// The NestJS error for anything thrown while answering `method path`.
    init(_ error: any Error, method: String, path: String) {
        switch error {
        case var nest as NestError:
            if nest.path.isEmpty { nest.path = path }
            self = nest
        case let server as ServerError:
            self.init(server, method: method, path: path)
        case let http as HTTPError where http.status == .notFound || http.status == .methodNotAllowed:
            // NestJS (Express) has no 405: a method a route lacks is an unknown route.
            self = NestError(status: 404, messages: ["Cannot \(method) \(path)"], path: path)
        case let http as HTTPError:
            self = NestError(status: http.status.code, messages: [http.body ?? HTTPStatusText.phrase(http.status.code)], path: path)
        default:
            self = NestError(status: 500, messages: ["Internal server error"], path: path)
        }
    }

    /// An error of the generated server: a handler's own NestError, or a
    /// request it could not read. NestJS's ValidationPipe answers every request
    /// it cannot read (wrong types, missing fields, no body, another content
    /// type) with 400 and a message list, so those become that.
    private init(_ error: ServerError, method: String, path: String) {
        if let nest = error.underlyingError as? NestError {
            self.init(nest, method: method, path: path)
        } else if (400..<500).contains(error.httpStatus.code) {
            self = .validation([Self.message(for: error.underlyingError)], path: path)
        } else {
            self = NestError(status: 500, messages: ["Internal server error"], path: path)
        }
    }

    /// A class-validator-like line for why a body could not be decoded.
    static func message(for error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "request could not be read" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "\(dotted(context.codingPath + [key])) should not be empty"
        case .valueNotFound(_, let context):
            return "\(dotted(context.codingPath)) should not be null"
        case .typeMismatch(let type, let context):
            return "\(dotted(context.codingPath)) \(expectation(for: type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "Unexpected token in JSON body"
        case .dataCorrupted(let context):
            return "\(dotted(context.codingPath)) is not valid"
        @unknown default:
            return "request could not be read"
        }
    }

    /// `autoScalingConfigurations.0.scale.min`, the way class-validator names nested fields.
    private static func dotted(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "body" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "must be a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "must be an integer number"
        case is Double.Type, is Float.Type: "must be a number"
        case is Bool.Type: "must be a boolean value"
        default: "has the wrong type"
        }
    }
}
