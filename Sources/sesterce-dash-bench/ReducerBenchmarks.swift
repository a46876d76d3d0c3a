import DashboardCore

extension Benchmarks {
    /// What each refresh costs once the list is back: the reducer taking the poll
    /// result (burn rate, filter and sort of the instances pane) and the
    /// view-model of the frame that follows.
    static func reducePoll(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let running = State.running(with: data, width: 200, height: 60)
        let nextPoll = data.now.addingTimeInterval(running.settings.refreshInterval)
        return stopwatch.measure(name, iterations: 20, prepare: { running }) { state in
            _ = reduce(&state, .instancesPolled(.success(data.instances), detail: nil, at: nextPoll))
            return ScreenModel(state)
        }
    }

    /// One character typed into the filter: every row is matched again.
    static func filter(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        var filtering = State.running(with: data, width: 200, height: 60)
        _ = reduce(&filtering, .command(.beginFilter))
        return stopwatch.measure(name, iterations: 20, prepare: { filtering }) { state in
            reduce(&state, .filterInput("a"))
        }
    }

    /// `o`: sort by the next column (from NAME to STATUS).
    static func sort(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let running = State.running(with: data, width: 200, height: 60)
        return stopwatch.measure(name, iterations: 20, prepare: { running }) { state in
            reduce(&state, .command(.cycleSort))
        }
    }
}
