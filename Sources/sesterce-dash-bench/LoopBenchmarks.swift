import DashboardCore
import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceSimulator
import TerminalUI

extension Benchmarks {
    /// From an action handed to the running session loop to its frame drawn:
    /// the real loop, runner and client against the simulator with `instances`
    /// instances, on a headless 120x40 terminal. The action switches pane, and
    /// the time is taken when a frame showing that pane reaches the terminal.
    static func actionToFrame(_ name: String, instances: Int, iterations: Int = 200) async throws -> BenchmarkResult {
        var options = SimulatorOptions()
        options.instances = instances
        let server = try await SimulatorServer.start(options)
        let (frames, sink) = AsyncStream<(ContinuousClock.Instant, Buffer)>.makeStream()
        let terminal = HeadlessTerminal(columns: 120, rows: 40) { sink.yield((ContinuousClock.now, $0)) }
        let inbox = try ActionInbox()
        let client = SesterceClient(baseURL: server.url, apiKey: options.apiKey)
        let thread = Thread {
            _ = SessionLoop.run(on: terminal, client: client, settings: .init(host: "sim"), theme: .dark, inbox: inbox)
        }
        thread.start()
        var drawn = frames.makeAsyncIterator()
        func frame(showing text: String) async -> ContinuousClock.Instant? {
            while let (time, frame) = await drawn.next() {
                if frame.lines.prefix(2).contains(where: { $0.contains(text) }) { return time }
            }
            return nil
        }
        // Every pane's data first, so that each switch draws a full table.
        for pane in Pane.allCases {
            inbox.post(.command(.showPane(pane)))
            _ = await frame(showing: "\(pane.title) (")
        }
        var samples: [Double] = []
        for run in 0..<iterations {
            let pane = Pane.allCases[run % Pane.allCases.count]
            let sent = ContinuousClock.now
            inbox.post(.command(.showPane(pane)))
            guard let shown = await frame(showing: "\(pane.title) (") else { break }
            samples.append((shown - sent).milliseconds)
        }
        terminal.hangUp()
        await server.stop()
        return BenchmarkResult(name: name, samples: samples)
    }
}
