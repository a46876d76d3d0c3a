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
    private let state = Mutex(Published())

    /// What the registry holds of the account: each instance's figures as
    /// last set, and the gauges that show them, by instance id; the last
    /// spend figure (the counter only ever goes up).
    private struct Published {
        var figures: [String: InstanceFigures] = [:]
        var gauges: [String: InstanceGauges] = [:]
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
        // Grouped by id: an id listed twice (which the service should never
        // do) shares its series the way one registry key would.
        var figures: [String: InstanceFigures] = [:]
        figures.reserveCapacity(instances.count)
        for instance in instances {
            figures[instance.id, default: InstanceFigures()]
                .add(instance, regions: details[instance.id]?.regions ?? [], regionNames: regionNames)
        }
        self.burnRate.set(to: burnRate)
        self.starting.set(to: starting)
        state.withLock { published in
            // A poll of 10,000 instances where a few changed touches the
            // registry for those few: comparing figures is far cheaper than
            // setting every gauge again.
            for id in published.figures.keys where figures[id] == nil {
                published.gauges.removeValue(forKey: id).map(unregister)
            }
            for (id, new) in figures {
                let old = published.figures[id]
                guard old != new else { continue }
                published.gauges[id] = publish(new, id: id, replacing: old, published.gauges[id])
            }
            published.figures = figures
            guard spend.isFinite, spend >= 0 else { return }
            if spend < published.lastSpend {
                self.spend.reset()
                self.spend.increment(by: spend)
            } else if spend > published.lastSpend {
                self.spend.increment(by: spend - published.lastSpend)
            }
            published.lastSpend = spend
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

    /// Sets `figures` in the gauges of instance `id`: the series of `old`
    /// whose labels are still there keep their gauge (the registry hands back
    /// the one it has), the others are unregistered.
    private func publish(
        _ figures: InstanceFigures, id: String, replacing old: InstanceFigures?, _ oldGauges: InstanceGauges?
    ) -> InstanceGauges {
        var gauges = InstanceGauges()
        for price in figures.prices {
            let gauge = registry.makeGauge(
                name: Name.price, labels: [("id", id), ("name", price.name), ("status", price.status)], help: Help.price)
            gauge.set(to: price.dollars)
            gauges.prices.append(gauge)
        }
        for pods in figures.pods {
            let labels = [("id", id), ("name", pods.name), ("region", pods.region)]
            let ready = registry.makeGauge(name: Name.ready, labels: labels, help: Help.ready)
            let desired = registry.makeGauge(name: Name.desired, labels: labels, help: Help.desired)
            ready.set(to: pods.ready)
            desired.set(to: pods.desired)
            gauges.ready.append(ready)
            gauges.desired.append(desired)
        }
        guard let old, let oldGauges else { return gauges }
        for (index, price) in old.prices.enumerated() where !figures.prices.contains(where: price.sameLabels) {
            registry.unregisterGauge(oldGauges.prices[index])
        }
        for (index, pods) in old.pods.enumerated() where !figures.pods.contains(where: pods.sameLabels) {
            registry.unregisterGauge(oldGauges.ready[index])
            registry.unregisterGauge(oldGauges.desired[index])
        }
        return gauges
    }

    private func unregister(_ gauges: InstanceGauges) {
        for gauge in gauges.prices + gauges.ready + gauges.desired {
            registry.unregisterGauge(gauge)
        }
    }
}

/// The gauges of one instance id, in the order of its figures' `prices`
/// and `pods`.
private struct InstanceGauges {
    var prices: [Gauge] = []
    var ready: [Gauge] = []
    var desired: [Gauge] = []
}

/// The series of one instance id as a poll gives them: its price under its
/// name and status, its ready and desired pods under its name and each
/// region's. Figures that would share labels are one series: the last price,
/// the sum of the pods (two regions of one name, or the id listed twice).
private struct InstanceFigures: Equatable {
    struct Price: Equatable {
        var name: String
        var status: String
        var dollars: Double

        func sameLabels(_ other: Price) -> Bool { name == other.name && status == other.status }

        /// Equal when a scrape would show the same text: bit for bit (-0.0
        /// after 0.0 is set again, a NaN after the same NaN is not).
        static func == (lhs: Price, rhs: Price) -> Bool {
            lhs.sameLabels(rhs) && lhs.dollars.bitPattern == rhs.dollars.bitPattern
        }
    }

    struct Pods: Equatable {
        var name: String
        var region: String
        var ready: Double
        var desired: Double

        func sameLabels(_ other: Pods) -> Bool { name == other.name && region == other.region }
    }

    var prices: [Price] = []
    var pods: [Pods] = []

    /// Adds an instance listed under this id, with the regions of its detail.
    mutating func add(_ instance: Instance, regions: [RegionDeployment], regionNames: [Int: String]) {
        let price = Price(name: instance.name, status: instance.status.rawValue, dollars: instance.hourlyPrice)
        if let index = prices.firstIndex(where: price.sameLabels) {
            prices[index] = price
        } else {
            prices.append(price)
        }
        for region in regions {
            let label = regionNames[region.regionId] ?? String(region.regionId)
            let added = Pods(name: instance.name, region: label, ready: Double(region.ready), desired: Double(region.total))
            if let index = pods.firstIndex(where: added.sameLabels) {
                pods[index].ready += added.ready
                pods[index].desired += added.desired
            } else {
                pods.append(added)
            }
        }
    }
}
