import DashboardCore
import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceSimulator
import TerminalUI

/// The real session (loop, runner and client) on its own thread against an
/// in-process simulator, drawing on a headless 120x40 terminal: what the
/// loop benchmarks hand actions to and time frames from.
final class RunningSession {
    let inbox: ActionInbox
    private let server: SimulatorServer
    private let terminal: HeadlessTerminal
    private var frames: AsyncStream<(ContinuousClock.Instant, Buffer)>.Iterator

    init(_ options: SimulatorOptions, endpoints: EndpointAccess = EndpointAccess()) async throws {
        server = try await SimulatorServer.start(options)
        let (stream, sink) = AsyncStream<(ContinuousClock.Instant, Buffer)>.makeStream()
        frames = stream.makeAsyncIterator()
        terminal = HeadlessTerminal(columns: 120, rows: 40) { sink.yield((ContinuousClock.now, $0)) }
        inbox = try ActionInbox()
        let (terminal, inbox) = (terminal, inbox)
        let client = SesterceClient(baseURL: server.url, apiKey: options.apiKey)
        Thread {
            _ = SessionLoop.run(
                on: terminal, client: client, settings: .init(host: "sim"), theme: .dark, inbox: inbox, endpoints: endpoints)
        }.start()
    }

    /// The next frame drawn, with when it reached the terminal.
    func nextFrame() async -> (ContinuousClock.Instant, Buffer)? {
        await frames.next()
    }

    func stop() async {
        terminal.hangUp()
        await server.stop()
    }
}
