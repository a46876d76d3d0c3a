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

    /// One poll's update alone, as the watcher makes it every few seconds:
    /// the same 10,000 instances, a hundred of them with a new price each
    /// time (alternately two snapshots), no scrape.
    static func metricsPoll(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) -> BenchmarkResult {
        let metrics = WatchMetrics()
        var repriced = data.instances
        for index in stride(from: 0, to: repriced.count, by: 100) { repriced[index].hourlyPrice += 1 }
        let snapshots = [data.instances, repriced]
        var poll = 0
        return stopwatch.measure(name, iterations: 20, prepare: {}) { _ in
            poll += 1
            metrics.update(
                instances: snapshots[poll % 2], details: data.details, regionNames: data.regionNames, burnRate: 12.5,
                starting: 3, spend: 40)
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
