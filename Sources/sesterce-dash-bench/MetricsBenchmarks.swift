import SesterceMetrics

extension Benchmarks {
    /// What `watch --metrics-listen` adds to each poll: the account's figures
    /// handed to the registry (an instance's price, its ready and desired pods
    /// by region), then the text a scrape gets.
    static func metricsUpdate(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let metrics = WatchMetrics()
        return stopwatch.measure(name, iterations: 20, prepare: {}) { _ in
            metrics.update(
                instances: data.instances, details: data.details, regionNames: data.regionNames, burnRate: 12.5,
                starting: 3, spend: 40)
            return metrics.exposition()
        }
    }
}
