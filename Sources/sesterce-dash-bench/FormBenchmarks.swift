import DashboardCore
import TerminalUI

extension Benchmarks {
    /// One character typed into a new instance form's Name: the form is
    /// checked again (the name against every instance's, max against each
    /// region's capacity), then the frame's view-model is built and drawn, as
    /// the app does after each key.
    static func formKeystroke(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        var typing = State.running(with: data, width: 120, height: 40)
        _ = reduce(&typing, .command(.new))
        return stopwatch.measure(name, iterations: 50, prepare: { (typing, Buffer(width: 120, height: 40)) }) { input in
            _ = reduce(&input.0, .formInput(.character("a")))
            Screen(model: ScreenModel(input.0), theme: .dark).render(into: &input.1)
            return input.1
        }
    }
}
