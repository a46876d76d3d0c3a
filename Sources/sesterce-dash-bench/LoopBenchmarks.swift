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
        let session = try await RunningSession(options)
        // The pane's title ends the tab row: `Instances (100)`, or `Cost`
        // alone (the Cost pane counts nothing; waiting for `Cost (` hung).
        func frame(showing pane: Pane) async -> ContinuousClock.Instant? {
            while let (time, frame) = await session.nextFrame() {
                let tabs = frame.lines.count > 1 ? frame.lines[1].trimmingCharacters(in: .whitespaces) : ""
                if tabs.hasSuffix(pane.title) || tabs.contains("\(pane.title) (") { return time }
            }
            return nil
        }
        // Every pane's data first, so that each switch draws a full table.
        for pane in Pane.allCases {
            session.inbox.post(.command(.showPane(pane)))
            _ = await frame(showing: pane)
        }
        var samples: [Double] = []
        for run in 0..<iterations {
            let pane = Pane.allCases[run % Pane.allCases.count]
            let sent = ContinuousClock.now
            session.inbox.post(.command(.showPane(pane)))
            guard let shown = await frame(showing: pane) else { break }
            samples.append((shown - sent).milliseconds)
        }
        await session.stop()
        return BenchmarkResult(name: name, samples: samples)
    }
}
