import SesterceMetrics

extension Benchmarks {
    /// What `watch --metrics-listen` adds to each poll: the account's figures
    /// handed to the registry (an instance's price, its ready and desired pods
    /// by region), then the text a scrape gets.
    static func metricsUpdate(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let metrics = WatchMetrics()
        return stopwatch.measure(name, iterations: 20, prepare: {}) { _ in
            update(metrics, data)
            return metrics.exposition()
        }
    }

    /// The text of one scrape alone, which Prometheus asks for at its own
    /// interval, not at every poll.
    static func metricsRender(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let metrics = WatchMetrics()
        update(metrics, data)
        return stopwatch.measure(name, iterations: 20, prepare: {}) { _ in metrics.exposition() }
    }

    private static func update(_ metrics: WatchMetrics, _ data: DemoData) {
        metrics.update(
            instances: data.instances, details: data.details, regionNames: data.regionNames, burnRate: 12.5,
            starting: 3, spend: 40)
    }
}
