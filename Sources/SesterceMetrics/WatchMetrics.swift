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
    /// last set, the gauges that show them and the last poll that listed it,
    /// by instance id; the number of polls; the last spend figure (the
    /// counter only ever goes up).
    private struct Published {
        var instances: [String: PublishedInstance] = [:]
        var poll = 0
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
        self.burnRate.set(to: burnRate)
        self.starting.set(to: starting)
        state.withLock { published in
            published.poll += 1
            let poll = published.poll
            // A poll of 10,000 instances where a few changed touches the
            // registry for those few. Each instance is compared in place with
            // what was published for its id; only the others have their
            // figures built: new ones, changed ones, and an id listed twice
            // (which the service should never do), whose listings add up the
            // way one registry key would.
            var rebuilt: [String: InstanceFigures] = [:]
            for index in instances.indices {
                // By field: a copy of each Instance would cost more than the
                // rest of an unchanged poll.
                let id = instances[index].id
                let listing = Listing(
                    name: instances[index].name, status: instances[index].status.rawValue,
                    price: instances[index].hourlyPrice, regions: details[id]?.regions ?? [])
                if !rebuilt.isEmpty, rebuilt[id] != nil {
                    rebuilt[id]?.add(listing, regionNames: regionNames)
                } else if let slot = published.instances.index(forKey: id) {
                    switch published.instances.values[slot].listed(listing, in: poll, regionNames: regionNames) {
                    case .unchanged: break
                    case .changed: rebuilt[id] = InstanceFigures(listing, regionNames: regionNames)
                    case .listedTwice(var figures):
                        figures.add(listing, regionNames: regionNames)
                        rebuilt[id] = figures
                    }
                } else {
                    rebuilt[id] = InstanceFigures(listing, regionNames: regionNames)
                }
            }
            let gone = published.instances.indices.filter { published.instances.values[$0].poll != poll }
                .map { published.instances.keys[$0] }
            for id in gone {
                published.instances.removeValue(forKey: id).map { unregister($0.gauges) }
            }
            for (id, figures) in rebuilt {
                let old = published.instances[id]
                guard old?.figures != figures else { continue }
                let gauges = publish(figures, id: id, replacing: old)
                published.instances[id] = PublishedInstance(figures: figures, gauges: gauges, poll: poll)
            }
        }
        recordSpend(spend)
    }

    /// The dollars spent so far, alone (the ledger's cost comes apart from
    /// the poll, and the instances need not be gone through again for it).
    public func recordSpend(_ spend: Double) {
        state.withLock { published in
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
    private func publish(_ figures: InstanceFigures, id: String, replacing old: PublishedInstance?) -> InstanceGauges {
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
        guard let old else { return gauges }
        for (index, price) in old.figures.prices.enumerated() where !figures.prices.contains(where: price.sameLabels) {
            registry.unregisterGauge(old.gauges.prices[index])
        }
        for (index, pods) in old.figures.pods.enumerated() where !figures.pods.contains(where: pods.sameLabels) {
            registry.unregisterGauge(old.gauges.ready[index])
            registry.unregisterGauge(old.gauges.desired[index])
        }
        return gauges
    }

    private func unregister(_ gauges: InstanceGauges) {
        for gauge in gauges.prices + gauges.ready + gauges.desired {
            registry.unregisterGauge(gauge)
        }
    }
}

/// What the registry shows of one instance id.
private struct PublishedInstance {
    var figures: InstanceFigures
    var gauges: InstanceGauges
    /// The last poll that listed the id.
    var poll: Int

    enum Listed {
        /// Its figures are those of `listing` alone.
        case unchanged
        case changed
        /// Already listed in this poll, with these figures (those published).
        case listedTwice(InstanceFigures)
    }

    /// Marks the id listed in `poll` by `listing`, and says how that compares.
    mutating func listed(_ listing: Listing, in poll: Int, regionNames: [Int: String]) -> Listed {
        guard self.poll != poll else { return .listedTwice(figures) }
        self.poll = poll
        return figures.are(listing, regionNames: regionNames) ? .unchanged : .changed
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

    init(_ listing: Listing, regionNames: [Int: String]) {
        add(listing, regionNames: regionNames)
    }

    /// Adds an instance listed under this id, with the regions of its detail.
    mutating func add(_ listing: Listing, regionNames: [Int: String]) {
        let price = listing.priceFigure
        if let index = prices.firstIndex(where: price.sameLabels) {
            prices[index] = price
        } else {
            prices.append(price)
        }
        for region in listing.regions {
            let added = listing.podsFigure(region, regionNames: regionNames)
            if let index = pods.firstIndex(where: added.sameLabels) {
                pods[index].ready += added.ready
                pods[index].desired += added.desired
            } else {
                pods.append(added)
            }
        }
    }

    /// Whether these are the figures of `listing` alone, checked without
    /// building them. (Regions sharing a name make it false: `pods` then has
    /// fewer entries; the caller builds the figures and compares.)
    func are(_ listing: Listing, regionNames: [Int: String]) -> Bool {
        guard prices.count == 1, prices[0] == listing.priceFigure, pods.count == listing.regions.count else { return false }
        for (pods, region) in zip(pods, listing.regions) where pods != listing.podsFigure(region, regionNames: regionNames) {
            return false
        }
        return true
    }
}

/// One instance as a poll lists it, with the regions of its detail.
private struct Listing {
    var name: String
    var status: String
    var price: Double
    var regions: [RegionDeployment]

    var priceFigure: InstanceFigures.Price { .init(name: name, status: status, dollars: price) }

    /// A region without a name goes by its number.
    func podsFigure(_ region: RegionDeployment, regionNames: [Int: String]) -> InstanceFigures.Pods {
        .init(
            name: name, region: regionNames[region.regionId] ?? String(region.regionId), ready: Double(region.ready),
            desired: Double(region.total))
    }
}
