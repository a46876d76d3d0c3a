import DashboardCore
import TerminalUI

extension Benchmarks {
    /// Building the view-model from state, which the app does for every frame
    /// it considers drawing: it should cost the visible rows, not all rows.
    static func viewModel(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let state = State.running(with: data, width: 200, height: 60)
        return stopwatch.measure(name, iterations: 200, prepare: {}) { _ in ScreenModel(state) }
    }

    /// Drawing one frame of the instances pane from its view-model into a
    /// `width` x `height` buffer.
    static func renderFrame(
        _ name: String, _ data: DemoData, width: Int, height: Int, _ stopwatch: Stopwatch
    ) -> BenchmarkResult {
        let model = ScreenModel(State.running(with: data, width: width, height: height))
        let screen = Screen(model: model, theme: .dark)
        return stopwatch.measure(name, iterations: 500, prepare: { Buffer(width: width, height: height) }) { buffer in
            screen.render(into: &buffer)
            return buffer
        }
    }
}
