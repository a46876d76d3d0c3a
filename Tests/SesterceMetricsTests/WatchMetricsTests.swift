import SesterceMetrics
import SesterceModels
import Testing

/// The series of `watch --metrics-listen` as Prometheus reads them: the text
/// of the registry after updates.
@Suite("Watch metrics")
struct WatchMetricsTests {
    static func instance(_ id: String, _ name: String, _ status: InstanceStatus, _ price: Double) -> Instance {
        Instance(id: id, name: name, status: status, hourlyPrice: price, features: [], address: nil, createdAt: nil, updatedAt: nil)
    }

    static func detail(_ instance: Instance, _ regions: [(id: Int, ready: Int, total: Int)]) -> InstanceDetail {
        InstanceDetail(
            id: instance.id, name: instance.name, status: instance.status, hourlyPrice: instance.hourlyPrice,
            features: [], address: nil, containerPort: nil, description: nil, podLifetime: nil,
            regions: regions.map {
                RegionDeployment(regionId: $0.id, scale: ScaleLimits(min: 1, max: 4, cooldownPeriod: 60), total: $0.total,
                                 ready: $0.ready, errorMessage: nil)
            },
            hardwareId: "h100", modelId: nil, registryId: nil, envs: [:], startupCommand: nil, apiKeyIds: [],
            createdAt: nil, updatedAt: nil)
    }

    static let llama = instance("i-1", "llama", .active, 2.5)
    static let qwen = instance("i-2", "qwen", .pending, 1.25)

    /// The lines of the text that are samples (not # HELP nor # TYPE).
    static func samples(_ metrics: WatchMetrics) -> Set<String> {
        Set(metrics.exposition().split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
    }

    @Test("after an update: every series with its labels and value")
    func series() {
        let metrics = WatchMetrics()
        metrics.update(
            instances: [Self.llama, Self.qwen],
            details: ["i-1": Self.detail(Self.llama, [(1, 2, 3), (7, 1, 1)])],
            regionNames: [1: "eu-west"], burnRate: 2.5, starting: 1.25, spend: 0.75)
        let samples = Self.samples(metrics)
        for line in [
            "sesterce_burn_rate_dollars_per_hour 2.5",
            "sesterce_starting_dollars_per_hour 1.25",
            "sesterce_spend_dollars_total 0.75",
            #"sesterce_instance_hourly_price_dollars{id="i-1",name="llama",status="ACTIVE"} 2.5"#,
            #"sesterce_instance_hourly_price_dollars{id="i-2",name="qwen",status="PENDING"} 1.25"#,
            #"sesterce_instance_ready_pods{id="i-1",name="llama",region="eu-west"} 2.0"#,
            #"sesterce_instance_desired_pods{id="i-1",name="llama",region="eu-west"} 3.0"#,
            // A region without a name goes by its number.
            #"sesterce_instance_ready_pods{id="i-1",name="llama",region="7"} 1.0"#,
            #"sesterce_instance_desired_pods{id="i-1",name="llama",region="7"} 1.0"#,
        ] {
            #expect(samples.contains(line), "missing \(line) in \(samples.sorted())")
        }
        // No detail for qwen yet: no pod series for it.
        #expect(!samples.contains { $0.contains(#"name="qwen",region"#) })
        let text = metrics.exposition()
        #expect(text.contains("# TYPE sesterce_spend_dollars_total counter"))
        #expect(text.contains("# TYPE sesterce_poll_duration_seconds histogram"))
        #expect(text.contains("# TYPE sesterce_instance_ready_pods gauge"))
    }

    @Test("an instance that went away, or changed status, leaves no series behind")
    func goneInstances() {
        let metrics = WatchMetrics()
        let details = ["i-1": Self.detail(Self.llama, [(1, 2, 3)]), "i-2": Self.detail(Self.qwen, [(1, 0, 1)])]
        metrics.update(instances: [Self.llama, Self.qwen], details: details, regionNames: [:], burnRate: 2.5, starting: 1.25, spend: 0)
        var stopped = Self.llama
        stopped.status = .disabled
        metrics.update(instances: [stopped], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        let samples = Self.samples(metrics)
        #expect(!samples.contains { $0.contains(#"id="i-2""#) }, "\(samples.sorted())")
        #expect(!samples.contains { $0.contains(#"status="ACTIVE""#) })
        #expect(samples.contains(#"sesterce_instance_hourly_price_dollars{id="i-1",name="llama",status="DISABLED"} 2.5"#))
        #expect(samples.contains(#"sesterce_instance_ready_pods{id="i-1",name="llama",region="1"} 2.0"#))

        metrics.update(instances: [], details: [:], regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        #expect(!metrics.exposition().contains("sesterce_instance_"))
    }

    @Test("a renamed instance, or a renamed region, has its old series unregistered")
    func renamed() {
        let metrics = WatchMetrics()
        let details = ["i-1": Self.detail(Self.llama, [(1, 2, 3)])]
        metrics.update(instances: [Self.llama], details: details, regionNames: [1: "eu-west"], burnRate: 0, starting: 0, spend: 0)
        var renamed = Self.llama
        renamed.name = "llama-2"
        metrics.update(instances: [renamed], details: details, regionNames: [1: "eu-west"], burnRate: 0, starting: 0, spend: 0)
        var samples = Self.samples(metrics)
        #expect(!samples.contains { $0.contains(#"name="llama""#) }, "\(samples.sorted())")
        #expect(samples.contains(#"sesterce_instance_hourly_price_dollars{id="i-1",name="llama-2",status="ACTIVE"} 2.5"#))
        #expect(samples.contains(#"sesterce_instance_ready_pods{id="i-1",name="llama-2",region="eu-west"} 2.0"#))

        metrics.update(instances: [renamed], details: details, regionNames: [1: "eu-north"], burnRate: 0, starting: 0, spend: 0)
        samples = Self.samples(metrics)
        #expect(!samples.contains { $0.contains(#"region="eu-west""#) }, "\(samples.sorted())")
        #expect(samples.contains(#"sesterce_instance_desired_pods{id="i-1",name="llama-2",region="eu-north"} 3.0"#))
        #expect(samples.filter { $0.hasPrefix("sesterce_instance_") }.count == 3)
    }

    @Test("a poll where nothing changed keeps every series; one that changed a figure changes only that")
    func unchangedAndChangedFigures() {
        let metrics = WatchMetrics()
        var details = ["i-1": Self.detail(Self.llama, [(1, 2, 3)]), "i-2": Self.detail(Self.qwen, [(1, 0, 1)])]
        metrics.update(instances: [Self.llama, Self.qwen], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        let first = Self.samples(metrics)
        metrics.update(instances: [Self.llama, Self.qwen], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        #expect(Self.samples(metrics) == first)

        var dearer = Self.qwen
        dearer.hourlyPrice = 3
        details["i-1"] = Self.detail(Self.llama, [(1, 3, 3)])
        metrics.update(instances: [Self.llama, dearer], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        let changed = Self.samples(metrics)
        #expect(changed.contains(#"sesterce_instance_hourly_price_dollars{id="i-2",name="qwen",status="PENDING"} 3.0"#))
        #expect(changed.contains(#"sesterce_instance_ready_pods{id="i-1",name="llama",region="1"} 3.0"#))
        #expect(changed.subtracting(first) == [
            #"sesterce_instance_hourly_price_dollars{id="i-2",name="qwen",status="PENDING"} 3.0"#,
            #"sesterce_instance_ready_pods{id="i-1",name="llama",region="1"} 3.0"#,
        ])

        // Gone, then back: its series are registered again.
        metrics.update(instances: [Self.llama], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        #expect(!Self.samples(metrics).contains { $0.contains(#"id="i-2""#) })
        metrics.update(instances: [Self.llama, Self.qwen], details: details, regionNames: [:], burnRate: 0, starting: 0, spend: 0)
        #expect(Self.samples(metrics).contains(#"sesterce_instance_hourly_price_dollars{id="i-2",name="qwen",status="PENDING"} 1.25"#))
    }

    @Test("figures that share labels are one series: the last price, the pods added up")
    func sharedLabels() {
        let metrics = WatchMetrics()
        // Two regions of one name, and the same id listed twice (once under another name).
        var twin = Self.llama
        twin.hourlyPrice = 4
        var other = Self.llama
        other.name = "other"
        let details = ["i-1": Self.detail(Self.llama, [(1, 2, 3), (2, 1, 1)])]
        metrics.update(
            instances: [Self.llama, twin, other], details: details, regionNames: [1: "eu", 2: "eu"], burnRate: 0, starting: 0,
            spend: 0)
        let samples = Self.samples(metrics).filter { $0.hasPrefix("sesterce_instance_") }
        #expect(samples == [
            #"sesterce_instance_hourly_price_dollars{id="i-1",name="llama",status="ACTIVE"} 4.0"#,
            #"sesterce_instance_hourly_price_dollars{id="i-1",name="other",status="ACTIVE"} 2.5"#,
            #"sesterce_instance_ready_pods{id="i-1",name="llama",region="eu"} 6.0"#,
            #"sesterce_instance_desired_pods{id="i-1",name="llama",region="eu"} 8.0"#,
            #"sesterce_instance_ready_pods{id="i-1",name="other",region="eu"} 3.0"#,
            #"sesterce_instance_desired_pods{id="i-1",name="other",region="eu"} 4.0"#,
        ])
        // The twin gone: one llama left, its pods counted once.
        metrics.update(instances: [Self.llama, other], details: details, regionNames: [1: "eu", 2: "eu"], burnRate: 0, starting: 0, spend: 0)
        let after = Self.samples(metrics)
        #expect(after.contains(#"sesterce_instance_hourly_price_dollars{id="i-1",name="llama",status="ACTIVE"} 2.5"#))
        #expect(after.contains(#"sesterce_instance_ready_pods{id="i-1",name="llama",region="eu"} 3.0"#))
    }

    @Test("random polls: after each, exactly the series the instances of that poll give")
    func randomPolls() {
        var random = SplitMix(seed: 13)
        let metrics = WatchMetrics()
        for poll in 0..<300 {
            // A few ids, names, statuses and regions, so that polls repeat
            // figures, rename, move, list an id twice and share region names.
            var instances: [Instance] = []
            var details: [String: InstanceDetail] = [:]
            for _ in 0..<random.next(below: 8) {
                let id = "i-\(random.next(below: 6))"
                let instance = Self.instance(
                    id, ["a", "b"][random.next(below: 2)], [.active, .pending, .disabled][random.next(below: 3)],
                    [0, 1.5, 2.5][random.next(below: 3)])
                instances.append(instance)
                if random.next(below: 4) > 0 {
                    details[id] = Self.detail(instance, (0..<random.next(below: 3)).map { _ in
                        (id: random.next(below: 4), ready: random.next(below: 3), total: random.next(below: 4))
                    })
                }
            }
            let regionNames = random.next(below: 2) == 0 ? [0: "eu", 1: "eu", 2: "us"] : [0: "eu", 1: "asia"]
            metrics.update(instances: instances, details: details, regionNames: regionNames, burnRate: 0, starting: 0, spend: 0)
            let published = Self.samples(metrics).filter { $0.hasPrefix("sesterce_instance_") }
            let expected = Self.expectedSamples(instances, details, regionNames)
            let extra = published.subtracting(expected), missing = expected.subtracting(published)
            #expect(extra.isEmpty && missing.isEmpty, "poll \(poll): extra \(extra.sorted()), missing \(missing.sorted())")
            if !extra.isEmpty || !missing.isEmpty { return }
        }
    }

    /// The instance series of one update, computed plainly: one per label
    /// set, the last price, the pods added up.
    static func expectedSamples(
        _ instances: [Instance], _ details: [String: InstanceDetail], _ regionNames: [Int: String]
    ) -> Set<String> {
        var prices: [[String]: Double] = [:], ready: [[String]: Double] = [:], desired: [[String]: Double] = [:]
        for instance in instances {
            prices[[instance.id, instance.name, instance.status.rawValue]] = instance.hourlyPrice
            for region in details[instance.id]?.regions ?? [] {
                let labels = [instance.id, instance.name, regionNames[region.regionId] ?? String(region.regionId)]
                ready[labels, default: 0] += Double(region.ready)
                desired[labels, default: 0] += Double(region.total)
            }
        }
        func lines(_ name: String, _ third: String, _ values: [[String]: Double]) -> [String] {
            values.map { #"\#(name){id="\#($0.key[0])",name="\#($0.key[1])",\#(third)="\#($0.key[2])"} \#($0.value)"# }
        }
        return Set(
            lines("sesterce_instance_hourly_price_dollars", "status", prices)
                + lines("sesterce_instance_ready_pods", "region", ready) + lines("sesterce_instance_desired_pods", "region", desired))
    }

    @Test("label values with quotes, backslashes and newlines are escaped")
    func escaping() {
        let metrics = WatchMetrics()
        metrics.update(
            instances: [Self.instance("i-\"3\"", "say \"hi\"\nnow \\ then", .active, 1)], details: [:], regionNames: [:],
            burnRate: 1, starting: 0, spend: 0)
        #expect(Self.samples(metrics).contains(
            #"sesterce_instance_hourly_price_dollars{id="i-\"3\"",name="say \"hi\"\nnow \\ then",status="ACTIVE"} 1.0"#))
    }

    @Test("spend is a counter: it follows the figure up, and restarts when the figure drops")
    func spend() {
        let metrics = WatchMetrics()
        for (spend, expected) in [(1.5, "1.5"), (2.0, "2.0"), (2.0, "2.0"), (0.5, "0.5"), (.nan, "0.5"), (-1, "0.5")] {
            metrics.update(instances: [], details: [:], regionNames: [:], burnRate: 0, starting: 0, spend: spend)
            #expect(Self.samples(metrics).contains("sesterce_spend_dollars_total \(expected)"), "after \(spend)")
        }
    }

    @Test("polls: their durations in the histogram, their failures counted by kind")
    func polls() {
        let metrics = WatchMetrics()
        metrics.pollFinished(duration: 0.07, errorKind: nil)
        metrics.pollFinished(duration: 3, errorKind: "timeout")
        metrics.pollFinished(duration: 0.2, errorKind: "timeout")
        metrics.pollFinished(duration: 0.2, errorKind: "http500")
        let samples = Self.samples(metrics)
        for line in [
            #"sesterce_poll_duration_seconds_bucket{le="0.05"} 0"#,
            #"sesterce_poll_duration_seconds_bucket{le="0.1"} 1"#,
            #"sesterce_poll_duration_seconds_bucket{le="0.25"} 3"#,
            #"sesterce_poll_duration_seconds_bucket{le="5.0"} 4"#,
            #"sesterce_poll_duration_seconds_bucket{le="+Inf"} 4"#,
            "sesterce_poll_duration_seconds_count 4",
            #"sesterce_poll_errors_total{kind="timeout"} 2"#,
            #"sesterce_poll_errors_total{kind="http500"} 1"#,
        ] {
            #expect(samples.contains(line), "missing \(line) in \(samples.sorted())")
        }
    }
}

/// A small seeded generator, so that a failing sequence of polls comes back.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
