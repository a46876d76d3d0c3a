import Foundation
import Hummingbird
import Synchronization

/// Causes the trouble the live service sometimes does: slow answers, 5xx errors
/// (500 from the API as JSON, 502/503 from the edge as HTML) and 429 with
/// Retry-After past a request rate. Settings can change while running.
public final class FaultInjector: Sendable {
    private struct State {
        var faults: Faults
        var random: SeededGenerator
        var windowStart: Date = .distantPast
        var windowCount = 0
        var refused = 0
    }

    private let state: Mutex<State>

    public init(_ faults: Faults, seed: UInt64) {
        state = Mutex(State(faults: faults, random: SeededGenerator(seed: seed &+ 7)))
    }

    public var faults: Faults {
        get { state.withLock { $0.faults } }
        set { state.withLock { $0.faults = newValue } }
    }

    /// Requests answered 429 so far: how a test sees whether a client keeps
    /// to the limit once told.
    public var rateLimitedCount: Int { state.withLock { $0.refused } }

    /// Applies `change` in one step (a concurrent change cannot be half lost)
    /// and returns the faults now in force.
    @discardableResult
    public func change(_ change: FaultChange) -> Faults {
        state.withLock { state in
            state.faults = change.applied(to: state.faults)
            return state.faults
        }
    }

    enum Decision: Equatable {
        case pass
        case rateLimited
        case fail(status: Int)
    }

    /// What to do with a request arriving at `now` (the delay is separate).
    func decide(now: Date) -> Decision {
        state.withLock { state in
            if state.faults.rateLimit > 0 {
                if now.timeIntervalSince(state.windowStart) >= 1 {
                    state.windowStart = now
                    state.windowCount = 0
                }
                state.windowCount += 1
                if state.windowCount > state.faults.rateLimit {
                    state.refused += 1
                    return .rateLimited
                }
            }
            if state.faults.errorRate > 0, Double.random(in: 0..<1, using: &state.random) < state.faults.errorRate {
                return .fail(status: [500, 502, 503].randomElement(using: &state.random)!)
            }
            return .pass
        }
    }
}

/// Applies the `FaultInjector` in front of every route.
struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    let injector: FaultInjector

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let latency = injector.faults.latencyMs
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        switch injector.decide(now: Date()) {
        case .pass:
            return try await next(request, context)
        case .rateLimited:
            return NestError(status: 429, messages: ["ThrottlerException: Too Many Requests"], path: request.uri.path, retryAfter: 1)
                .response
        case .fail(let status) where status == 500:
            return NestError(status: 500, messages: ["Internal server error"], path: request.uri.path).response
        case .fail(let status):
            return Response.html(status: .init(code: status), CloudflarePage.gatewayError(status))
        }
    }
}
