import Prometheus
import SesterceModels
import Synchronization

/// The account's figures for Prometheus, as `watch --metrics-listen` serves
/// them: what it costs now, each instance's price and pods, what was spent,
/// and how the polls went. The watcher computes the figures (the billing rule
/// is `Billing`'s) and hands them over after each poll; this only keeps them
/// as series of a swift-prometheus registry and renders them as text.
///
/// An instance's series exist while it is in the list: one that went away,
/// or whose name, status or regions changed, has its old series unregistered,
/// so a scrape never shows a figure of something that is not there any more.
public final class WatchMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let burnRate: Gauge
    private let starting: Gauge
    private let spend: Counter
    private let pollDuration: ValueHistogram
    private let state = Mutex(Series())

    /// The per-instance series in the registry, by their label values, and
    /// the last spend figure (the counter only ever goes up).
    private struct Series {
        var prices: [[String]: Gauge] = [:]
        var ready: [[String]: Gauge] = [:]
        var desired: [[String]: Gauge] = [:]
        var lastSpend = 0.0
    }

    private enum Name {
        static let burnRate = "sesterce_burn_rate_dollars_per_hour"
        static let starting = "sesterce_starting_dollars_per_hour"
        static let price = "sesterce_instance_hourly_price_dollars"
        static let ready = "sesterce_instance_ready_pods"
        static let desired = "sesterce_instance_desired_pods"
        static let spend = "sesterce_spend_dollars_total"
        static let pollErrors = "sesterce_poll_errors_total"
        static let pollDuration = "sesterce_poll_duration_seconds"
    }

    /// Help texts: the registry insists that every series of a name has the same.
    private enum Help {
        static let price = "Hourly price of the instance, billed or not."
        static let ready = "Pods of the instance ready to serve, by region."
        static let desired = "Pods the instance is deploying or keeping, by region."
        static let pollErrors = "Polls of the account that failed, by kind of failure."
    }

    /// Seconds a poll may take: a fast answer is under 0.1 s, the timeouts start at 10 s.
    static let pollBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public init() {
        burnRate = registry.makeGauge(
            name: Name.burnRate, help: "Dollars an hour the account is debited now (its billed instances).")
        starting = registry.makeGauge(
            name: Name.starting, help: "Dollars an hour the instances starting up will cost once they run.")
        spend = registry.makeCounter(name: Name.spend, help: "Dollars spent while this watcher ran.")
        pollDuration = registry.makeValueHistogram(
            name: Name.pollDuration, buckets: Self.pollBuckets, help: "Seconds a poll of the account took.")
    }

    /// The account after a poll: its instances, the details known of them
    /// (by instance id; an instance without one has no pod series), the
    /// names of the regions (by id; a region without one is named by its
    /// number), the burn rate and the starting rate in $/h, and the dollars
    /// spent so far (a figure lower than the last one restarts the counter;
    /// one that is not a number, or negative, is left out).
    public func update(
        instances: [Instance], details: [String: InstanceDetail], regionNames: [Int: String], burnRate: Double,
        starting: Double, spend: Double
    ) {
        var prices: [[String]: Double] = [:]
        var ready: [[String]: Double] = [:]
        var desired: [[String]: Double] = [:]
        for instance in instances {
            prices[[instance.id, instance.name, instance.status.rawValue]] = instance.hourlyPrice
            for region in details[instance.id]?.regions ?? [] {
                let labels = [instance.id, instance.name, regionNames[region.regionId] ?? String(region.regionId)]
                ready[labels, default: 0] += Double(region.ready)
                desired[labels, default: 0] += Double(region.total)
            }
        }
        self.burnRate.set(to: burnRate)
        self.starting.set(to: starting)
        state.withLock { series in
            replace(&series.prices, with: prices, name: Name.price, labels: ["id", "name", "status"], help: Help.price)
            replace(&series.ready, with: ready, name: Name.ready, labels: ["id", "name", "region"], help: Help.ready)
            replace(&series.desired, with: desired, name: Name.desired, labels: ["id", "name", "region"], help: Help.desired)
            guard spend.isFinite, spend >= 0 else { return }
            if spend < series.lastSpend {
                self.spend.reset()
                self.spend.increment(by: spend)
            } else if spend > series.lastSpend {
                self.spend.increment(by: spend - series.lastSpend)
            }
            series.lastSpend = spend
        }
    }

    /// A poll ended after `duration` seconds, failed with `errorKind` (e.g.
    /// "timeout", "http500", "rateLimited") or not.
    public func pollFinished(duration: Double, errorKind: String?) {
        pollDuration.record(duration)
        if let errorKind {
            registry.makeCounter(name: Name.pollErrors, labels: [("kind", errorKind)], help: Help.pollErrors).increment()
        }
    }

    /// Every series in Prometheus's text format (version 0.0.4).
    public func exposition() -> String {
        registry.emitToString()
    }

    /// Sets the gauges of `values` (label values in the order of `labels`),
    /// and unregisters those of `gauges` that are not among them.
    private func replace(
        _ gauges: inout [[String]: Gauge], with values: [[String]: Double], name: String, labels: [String], help: String
    ) {
        for (key, gauge) in gauges where values[key] == nil {
            registry.unregisterGauge(gauge)
            gauges[key] = nil
        }
        for (key, value) in values {
            let gauge = gauges[key] ?? registry.makeGauge(name: name, labels: Array(zip(labels, key)), help: help)
            gauge.set(to: value)
            gauges[key] = gauge
        }
    }
}
