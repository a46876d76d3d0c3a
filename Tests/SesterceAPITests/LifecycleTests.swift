import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// How instances move through their states, watched through the client while the
/// simulator's `ManualClock` is moved forward (no sleeping).
@Suite("Instance lifecycle on a manual clock")
struct LifecycleTests {
    /// An instance to watch: the client, the simulator, where it runs and what a pod costs.
    struct Watch {
        let sim: Sim
        let client: SesterceClient
        let hardware: HardwareFlavor
        let region: Region
        let model: InferenceModel
        let podPrice: Double
        let timing: LifecycleTiming

        init(_ sim: Sim, pods: Int) async throws {
            self.sim = sim
            client = sim.client()
            let placed = try await sim.placement(pods: pods)
            hardware = placed.hardware
            region = placed.region
            model = try await sim.anyModel()
            podPrice = try await sim.podPrice(hardware.id)
            timing = await sim.store.timing
        }

        func create(_ name: String, min: Int, max: Int, regions: [Int]? = nil, triggers: ScalingTriggers = ScalingTriggers(cpu: 80)) async throws -> Instance {
            try await client.createInstance(
                spec(name: name, model: model.id, hardware: hardware.id, regions: regions ?? [region.id], min: min, max: max, triggers: triggers))
        }

        func detail(_ id: String) async throws -> InstanceDetail { try await client.instance(id: id) }

        /// Free pods of the watched hardware in a region, as the API reports it.
        func free(in regionId: Int? = nil) async throws -> Int {
            let regions = try await client.regions()
            let found = regions.first(id: regionId ?? region.id)
            return try #require(found).capacity(for: hardware.id)
        }

        /// The instance costs its pods times the hardware's price.
        func expectPriceFollowsPods(_ detail: InstanceDetail, sourceLocation: SourceLocation = #_sourceLocation) {
            let pods = detail.regions.reduce(0) { $0 + $1.total }
            #expect(abs(detail.hourlyPrice - podPrice * Double(pods)) < 0.005, "\(detail.hourlyPrice) for \(pods) pods", sourceLocation: sourceLocation)
        }
    }

    @Test("create: DEPLOYING, then replicas become ready one by one, then ACTIVE")
    func deployment() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 3)
            let created = try await watch.create("one-by-one", min: 3, max: 3)
            #expect(created.status == .deploying)

            var detail = try await watch.detail(created.id)
            #expect(detail.status == .deploying)
            #expect(detail.regions.map(\.ready) == [0])
            #expect(detail.regions.map(\.total) == [3])
            #expect(detail.address == nil)
            #expect(detail.regions.compactMap(\.errorMessage).isEmpty)

            for ready in 1...2 {
                sim.advance(watch.timing.podReady - 0.5)
                #expect(try await watch.detail(created.id).regions.map(\.ready) == [ready - 1], "not yet")
                sim.advance(0.5)
                detail = try await watch.detail(created.id)
                #expect(detail.status == .deploying)
                #expect(detail.regions.map(\.ready) == [ready])
                #expect(detail.address != nil, "the endpoint is known once a pod is ready")
                watch.expectPriceFollowsPods(detail)
            }
            sim.advance(watch.timing.podReady)
            detail = try await watch.detail(created.id)
            #expect(detail.status == .active)
            #expect(detail.regions.map(\.ready) == [3])
            #expect(detail.regions.map(\.total) == [3])
            #expect(detail.hourlyPrice == (watch.podPrice * 3 * 100).rounded() / 100)
            let listed = try await watch.client.instances().first(id: created.id)
            #expect(listed?.status == .active)

            // And it stays active.
            sim.advance(86_400)
            #expect(try await watch.detail(created.id).status == .active)
        }
    }

    @Test("several regions: each gets its pods one by one; ACTIVE when the last is ready")
    func multiRegionDeployment() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 3)
            let regions = try await watch.client.regions()
            let other = regions.first { $0.isActive && $0.id != watch.region.id && $0.capacity(for: watch.hardware.id) >= 3 }
            let second = try #require(other)
            let created = try await watch.client.createInstance(
                InstanceSpec(
                    name: "two-regions", modelId: watch.model.id, hardwareId: watch.hardware.id, containerPort: 8000,
                    regions: [
                        RegionScaling(regionId: watch.region.id, scale: ScaleLimits(min: 1, max: 1, cooldownPeriod: 60, triggers: ScalingTriggers(cpu: 80))),
                        RegionScaling(regionId: second.id, scale: ScaleLimits(min: 3, max: 3, cooldownPeriod: 60, triggers: ScalingTriggers(cpu: 80))),
                    ]))
            var readiness: [[Int]] = []
            var statuses: [InstanceStatus] = []
            for _ in 0...3 {
                let detail = try await watch.detail(created.id)
                readiness.append(detail.regions.map(\.ready))
                statuses.append(detail.status)
                watch.expectPriceFollowsPods(detail)
                sim.advance(watch.timing.podReady)
            }
            #expect(readiness == [[0, 0], [1, 1], [1, 2], [1, 3]])
            #expect(statuses == [.deploying, .deploying, .deploying, .active])
        }
    }

    @Test("a partial deployment ends PARTIALLYDEPLOYED with an errorMessage on the region that fell short")
    func partialDeployment() async throws {
        try await withSimulator(.test(partialDeployRate: 1)) { sim in
            let watch = try await Watch(sim, pods: 2)
            let regions = try await watch.client.regions()
            let other = regions.first { $0.isActive && $0.id != watch.region.id && $0.capacity(for: watch.hardware.id) >= 2 }
            let second = try #require(other)
            let created = try await watch.create("partial", min: 2, max: 2, regions: [watch.region.id, second.id])

            sim.advance(watch.timing.podReady)
            var detail = try await watch.detail(created.id)
            #expect(detail.status == .deploying)
            #expect(detail.regions.compactMap(\.errorMessage).isEmpty)

            sim.advance(watch.timing.podReady * 5)
            detail = try await watch.detail(created.id)
            #expect(detail.status == .partiallyDeployed)
            #expect(detail.regions.map(\.regionId) == [watch.region.id, second.id])
            let healthy = try #require(detail.regions.first)
            let short = try #require(detail.regions.last)
            #expect(healthy.ready == healthy.total)
            #expect(healthy.errorMessage == nil)
            #expect(short.ready < short.total)
            #expect(short.ready == 1)
            #expect(short.errorMessage == "Unexpected error occurred while launching the instance. Please contact the support team.")
            #expect(detail.address != nil)
            watch.expectPriceFollowsPods(detail)
            #expect(try await watch.client.instances().first?.status == .partiallyDeployed)
        }
    }

    @Test("stop: DISABLED, price 0, capacity given back; start: DEPLOYING then ACTIVE, capacity taken again")
    func stopAndStart() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 3)
            let freeBefore = try await watch.free()
            let created = try await watch.create("stop-start", min: 2, max: 3)
            #expect(try await watch.free() == freeBefore - 3, "create takes the maximum")
            sim.advance(watch.timing.podReady * 3)
            #expect(try await watch.detail(created.id).status == .active)

            sim.advance(10)
            try await watch.client.stopInstance(id: created.id)
            var detail = try await watch.detail(created.id)
            #expect(detail.status == .disabled)
            #expect(detail.hourlyPrice == 0)
            #expect(detail.regions.map(\.total) == [0])
            #expect(detail.regions.map(\.ready) == [0])
            #expect(detail.updatedAt == sim.clock.now())
            #expect(try await watch.free() == freeBefore, "stop gives the capacity back")
            // Stopped stays stopped.
            sim.advance(3600)
            #expect(try await watch.detail(created.id).status == .disabled)
            #expect(try await watch.client.instances().first?.hourlyPrice == 0)

            try await watch.client.startInstance(id: created.id)
            detail = try await watch.detail(created.id)
            #expect(detail.status == .deploying)
            #expect(detail.regions.map(\.ready) == [0])
            #expect(detail.updatedAt == sim.clock.now())
            #expect(try await watch.free() == freeBefore - 3, "start takes it again")
            sim.advance(watch.timing.podReady)
            #expect(try await watch.detail(created.id).regions.map(\.ready) == [1])
            sim.advance(watch.timing.podReady)
            detail = try await watch.detail(created.id)
            #expect(detail.status == .active)
            watch.expectPriceFollowsPods(detail)
        }
    }

    @Test("delete: DELETING (price 0, capacity back at once), then gone: 404 and not listed")
    func delete() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 2)
            let freeBefore = try await watch.free()
            let keep = try await watch.create("keep", min: 1, max: 1)
            let doomed = try await watch.create("doomed", min: 2, max: 2)
            sim.advance(watch.timing.podReady * 2)
            #expect(try await watch.free() == freeBefore - 3)

            try await watch.client.deleteInstance(id: doomed.id)
            let detail = try await watch.detail(doomed.id)
            #expect(detail.status == .deleting)
            #expect(detail.hourlyPrice == 0)
            #expect(try await watch.free() == freeBefore - 1)
            // Deleting again is harmless.
            try await watch.client.deleteInstance(id: doomed.id)

            sim.advance(watch.timing.deleting - 1)
            #expect(try await watch.client.instances().map(\.id).sorted() == [keep.id, doomed.id].sorted())
            sim.advance(1)
            await expectFailure(.notFound(message: "Instance \(doomed.id) not found")) { try await watch.detail(doomed.id) }
            #expect(try await watch.client.instances().map(\.id) == [keep.id])
            await expectFailure(.notFound(message: "Instance \(doomed.id) not found")) { try await watch.client.startInstance(id: doomed.id) }
            // Its name is free again.
            _ = try await watch.create("doomed", min: 1, max: 1)
        }
    }

    @Test("start is refused with a clear message when the region lacks capacity")
    func startWithoutCapacity() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 2)
            let free = try await watch.free()
            let big = try await watch.create("big", min: 1, max: free)
            try await watch.client.stopInstance(id: big.id)
            _ = try await watch.create("squatter", min: 1, max: 1)

            let error = await failure { try await watch.client.startInstance(id: big.id) }
            #expect(error == .validation(messages: ["Not enough capacity in \(watch.region.name) to start big (\(free - 1) available)"]))
            #expect(try await watch.detail(big.id).status == .disabled)
            #expect(try await watch.free() == free - 1)
        }
    }

    @Test("transitions that make no sense are refused, naming the instance")
    func refusedTransitions() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 1)
            let created = try await watch.create("busy", min: 1, max: 1)
            await expectFailure(.validation(messages: ["Instance busy is already running"])) { try await watch.client.startInstance(id: created.id) }
            try await watch.client.stopInstance(id: created.id)
            await expectFailure(.validation(messages: ["Instance busy is already stopped"])) { try await watch.client.stopInstance(id: created.id) }
            try await watch.client.deleteInstance(id: created.id)
            await expectFailure(.validation(messages: ["Instance busy is being deleted"])) { try await watch.client.startInstance(id: created.id) }
            await expectFailure(.validation(messages: ["Instance busy is being deleted"])) { try await watch.client.stopInstance(id: created.id) }
        }
    }

    @Test("hourlyPrice follows the running pods as an active instance scales between min and max")
    func priceFollowsScaling() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 4)
            let created = try await watch.create("scaling", min: 1, max: 4)
            sim.advance(watch.timing.podReady)
            var podCounts: Set<Int> = []
            var prices: Set<Double> = []
            for _ in 0..<40 {
                let detail = try await watch.detail(created.id)
                #expect(detail.status == .active)
                let pods = detail.regions.reduce(0) { $0 + $1.total }
                #expect((1...4).contains(pods))
                #expect(detail.regions.map(\.ready) == detail.regions.map(\.total))
                watch.expectPriceFollowsPods(detail)
                // The list tells the same price.
                #expect(try await watch.client.instances().first?.hourlyPrice == detail.hourlyPrice)
                podCounts.insert(pods)
                prices.insert(detail.hourlyPrice)
                sim.advance(watch.timing.loadPeriod)
            }
            #expect(podCounts.count > 1, "the load never changed the pod count: \(podCounts)")
            #expect(prices.count == podCounts.count)
            // The reservation stays at the maximum whatever the load.
            #expect(try await watch.free() == watch.region.capacity(for: watch.hardware.id) - 4)
        }
    }

    @Test("with an http trigger and min 0, an idle region may run no pods and cost nothing")
    func scaleToZero() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 2)
            let created = try await watch.create("to-zero", min: 0, max: 2, triggers: ScalingTriggers(http: HTTPRateTrigger(rate: 10, window: 60)))
            sim.advance(watch.timing.podReady)
            var podCounts: Set<Int> = []
            for _ in 0..<40 {
                let detail = try await watch.detail(created.id)
                #expect(detail.status == .active)
                podCounts.insert(detail.regions.reduce(0) { $0 + $1.total })
                watch.expectPriceFollowsPods(detail)
                sim.advance(watch.timing.loadPeriod)
            }
            #expect(podCounts.isSubset(of: [0, 1, 2]))
            #expect(podCounts.contains(0))
        }
    }

    @Test("update redeploys a running instance with the new limits")
    func updateRedeploys() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 4)
            let created = try await watch.create("grow", min: 1, max: 1)
            sim.advance(watch.timing.podReady)
            #expect(try await watch.detail(created.id).status == .active)
            let freeBefore = try await watch.free()

            _ = try await watch.client.updateInstance(
                id: created.id, spec(name: "grow", model: watch.model.id, hardware: watch.hardware.id, regions: [watch.region.id], min: 2, max: 2))
            #expect(try await watch.detail(created.id).status == .deploying)
            #expect(try await watch.free() == freeBefore - 1, "the new maximum is reserved")
            sim.advance(watch.timing.podReady * 2)
            let detail = try await watch.detail(created.id)
            #expect(detail.status == .active)
            #expect(detail.regions.map(\.total) == [2])
            #expect(detail.hourlyPrice == (watch.podPrice * 2 * 100).rounded() / 100)
        }
    }

    @Test("updating a stopped instance keeps it stopped")
    func updateStopped() async throws {
        try await withSimulator { sim in
            let watch = try await Watch(sim, pods: 2)
            let created = try await watch.create("sleeping", min: 1, max: 1)
            try await watch.client.stopInstance(id: created.id)
            _ = try await watch.client.updateInstance(
                id: created.id, spec(name: "sleeping", model: watch.model.id, hardware: watch.hardware.id, regions: [watch.region.id], min: 2, max: 2))
            let detail = try await watch.detail(created.id)
            #expect(detail.status == .disabled)
            #expect(detail.regions.first?.scale.max == 2)
            #expect(detail.hourlyPrice == 0)
        }
    }

    @Test("the demo account: PENDING becomes DEPLOYING after the queue, then ACTIVE; the ERROR one can be started")
    func demoAccountLifecycle() async throws {
        try await withSimulator(.test(instances: 8)) { sim in
            let client = sim.client()
            let timing = await sim.store.timing
            let list = try await client.instances()
            let pendingOne = list.first { $0.status == .pending }
            let pending = try #require(pendingOne)
            #expect(pending.hourlyPrice == 0)
            #expect(pending.address == nil)
            sim.advance(timing.queued)
            #expect(try await client.instance(id: pending.id).status == .deploying)
            sim.advance(timing.podReady * 4)
            #expect(try await client.instance(id: pending.id).status == .active)

            let failedOne = list.first { $0.status == .error }
            let failed = try #require(failedOne)
            let detail = try await client.instance(id: failed.id)
            let reasons = detail.regions.compactMap(\.errorMessage).filter { !$0.isEmpty }
            #expect(reasons.count == detail.regions.count)
            #expect(detail.hourlyPrice == 0)
            try await client.startInstance(id: failed.id)
            #expect(try await client.instance(id: failed.id).status == .deploying)
        }
    }

    @Test("speed divides every lifecycle duration")
    func speed() {
        let normal = LifecycleTiming()
        let fast = LifecycleTiming(speed: 10)
        #expect(abs(fast.podReady - normal.podReady / 10) < 1e-9)
        #expect(abs(fast.queued - normal.queued / 10) < 1e-9)
        #expect(abs(fast.deleting - normal.deleting / 10) < 1e-9)
        #expect(abs(fast.loadPeriod - normal.loadPeriod / 10) < 1e-9)
        #expect(LifecycleTiming(speed: 0).podReady == normal.podReady)
    }
}
