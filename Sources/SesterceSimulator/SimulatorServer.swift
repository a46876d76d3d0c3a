import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle
import SesterceAPI

/// The simulated Sesterce API on a loopback HTTP port, for `sesterce-sim`,
/// `sesterce-dash --demo` and tests. It never listens beyond 127.0.0.1.
/// Its faults can be changed while it runs: through `faults`, or over HTTP
/// with `GET`/`PUT /_sim/faults` (see `FaultSwitchMiddleware`).
public final class SimulatorServer: Sendable {
    /// `http://127.0.0.1:PORT`, the base URL to give a client.
    public let url: URL
    public let store: SimulatorStore
    public let faults: FaultInjector
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    public enum StartError: Error, CustomStringConvertible {
        case notListening
        public var description: String { "the simulator could not start listening" }
    }

    private init(url: URL, store: SimulatorStore, faults: FaultInjector, group: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.store = store
        self.faults = faults
        self.group = group
        self.task = task
    }

    /// Starts listening on 127.0.0.1 (`options.port`, 0 for any free port) and
    /// returns once requests can be sent.
    public static func start(_ options: SimulatorOptions, clock: any SimulatorClock = SystemClock()) async throws -> SimulatorServer {
        let store = SimulatorStore(options: options, clock: clock)
        let faults = FaultInjector(options.faults, seed: options.seed)
        let router = Router()
        router.middlewares.add(NestErrorMiddleware())
        router.middlewares.add(FaultSwitchMiddleware(injector: faults))
        router.middlewares.add(FaultMiddleware(injector: faults))
        router.middlewares.add(EndpointRoutes(store: store, secret: options.endpointKey, fixedTiming: options.endpointTiming))
        router.middlewares.add(EdgeMiddleware(apiKey: options.apiKey))
        router.middlewares.add(RequestValidationMiddleware(store: store))
        // No OpenAPI error middleware: the generated server's errors reach
        // NestErrorMiddleware, which answers every layer's errors alike.
        try SimulatorAPI(store: store).registerHandlers(on: router, serverURL: URL(string: "/")!, configuration: .sesterce)

        let logger = Logger(label: "sesterce-sim") { _ in SwiftLogNoOpLogHandler() }
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: "sesterce-sim"),
            onServerRunning: { channel in
                announce.yield(channel.localAddress?.port ?? 0)
                announce.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { announce.finish() }
            try await group.run()
        }
        var port: Int?
        for await announced in ports { port = announced }
        guard let port, port > 0 else {
            try await task.value
            throw StartError.notListening
        }
        await store.serveEndpoints(at: "http://127.0.0.1:\(port)/")
        return SimulatorServer(
            url: URL(string: "http://127.0.0.1:\(port)")!, store: store, faults: faults, group: group, task: task)
    }

    /// Waits until the server stops (for `sesterce-sim`, which runs until killed).
    public func wait() async throws {
        try await task.value
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
