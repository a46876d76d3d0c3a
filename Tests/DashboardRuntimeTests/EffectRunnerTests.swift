import DashboardRuntime
import DashboardCore
import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// The runner with the real client against the simulator on loopback.
@Suite("Effect runner")
struct EffectRunnerTests {
    /// A runner whose actions arrive on a stream, against a fresh simulator.
    static func withRunner(_ body: (EffectRunner, AsyncStream<Action>.Iterator, SimulatorServer) async throws -> Void) async throws {
        let server = try await SimulatorServer.start(SimulatorOptions())
        let client = SesterceClient(baseURL: server.url, apiKey: "demo-key", retry: .none)
        let (actions, sink) = AsyncStream<Action>.makeStream()
        let runner = EffectRunner(client: client) { sink.yield($0) }
        do {
            try await body(runner, actions.makeAsyncIterator(), server)
        } catch {
            runner.cancelAll()
            await server.stop()
            throw error
        }
        runner.cancelAll()
        await server.stop()
    }

    @Test("A poll brings the list and the selected instance's detail in one action")
    func poll() async throws {
        try await Self.withRunner { runner, actions, server in
            var actions = actions
            let first = try #require(await server.store.listInstances().first)
            runner.run(.pollInstances(detailId: first.id))
            let action = await actions.next()
            guard case .instancesPolled(.success(let list), .success(let detail)?, _)? = action else {
                Issue.record("unexpected \(String(describing: action))")
                return
            }
            #expect(list.count == 8)
            #expect(detail.id == first.id)
        }
    }

    @Test("A stop is sent, reported done, and the next poll shows DISABLED")
    func stop() async throws {
        try await Self.withRunner { runner, actions, server in
            var actions = actions
            let target = try #require(await server.store.listInstances().first { $0.status == .active })
            runner.run(.perform(.stop(id: target.id, name: target.name)))
            #expect(await actions.next() == .mutationFinished(.stop(id: target.id, name: target.name), error: nil))
            runner.run(.pollInstances(detailId: nil))
            guard case .instancesPolled(.success(let list), nil, _)? = await actions.next() else {
                Issue.record("no poll result")
                return
            }
            let status = list.first { $0.id == target.id }?.status
            #expect(status == .disabled)
        }
    }

    @Test("A refused start comes back with the server's message")
    func refused() async throws {
        try await Self.withRunner { runner, actions, server in
            var actions = actions
            let target = try #require(await server.store.listInstances().first { $0.status == .active })
            runner.run(.perform(.start(id: target.id, name: target.name)))
            let action = await actions.next()
            guard case .mutationFinished(_, .validation(let messages)?)? = action else {
                Issue.record("unexpected \(String(describing: action))")
                return
            }
            #expect(messages == ["Instance \(target.name) is already running"])
        }
    }

    @Test("Each catalog list comes on its own, and hardware prices come from the pricing preview")
    func catalog() async throws {
        try await Self.withRunner { runner, actions, server in
            var actions = actions
            runner.run(.pollCatalog(.hardware))
            guard case .catalogPolled(.hardware(.success(let hardware)), _)? = await actions.next() else {
                Issue.record("no hardware")
                return
            }
            #expect(hardware.count == 6)
            let l40s = try #require(hardware.first { $0.gpu?.model == "NVIDIA-L40S" })
            runner.run(.fetchHardwarePrices([PriceProbe(hardwareId: l40s.id, regionId: 18)]))
            #expect(await actions.next() == .hardwarePricesLoaded(asked: [l40s.id], [l40s.id: 1.44]))
        }
    }

    @Test("Arming a timer replaces the one armed under the same id; a cancelled one never fires")
    func timers() async throws {
        try await Self.withRunner { runner, actions, _ in
            var actions = actions
            runner.run(.timer(.poll(.instances), after: 30, action: .pollDue(.instances, token: 1)))
            runner.run(.timer(.poll(.instances), after: 0.01, action: .pollDue(.instances, token: 2)))
            #expect(await actions.next() == .pollDue(.instances, token: 2))
            runner.run(.timer(.flash, after: 0.01, action: .flashExpired(1)))
            runner.run(.cancel(.flash))
            runner.run(.timer(.priceDebounce, after: 0.05, action: .priceDue(token: 7)))
            #expect(await actions.next() == .priceDue(token: 7))
            #expect(runner.runningCount == 0)
        }
    }

    @Test("A clock tick says when it fired")
    func tickIsStamped() async throws {
        try await Self.withRunner { runner, actions, _ in
            var actions = actions
            let armed = Date()
            runner.run(.timer(.clock, after: 0.01, action: .tick(.distantPast)))
            guard case .tick(let fired)? = await actions.next() else {
                Issue.record("no tick")
                return
            }
            #expect(fired >= armed)
        }
    }

    @Test("Quitting cancels every timer and request under way")
    func quitCancelsEverything() async throws {
        try await Self.withRunner { runner, actions, server in
            server.faults.faults.latencyMs = 2_000
            runner.run(.timer(.poll(.instances), after: 60, action: .pollDue(.instances, token: 1)))
            runner.run(.timer(.clock, after: 60, action: .tick(.distantPast)))
            runner.run(.pollInstances(detailId: nil))
            runner.run(.pollCatalog(.models))
            #expect(runner.runningCount == 4)
            runner.run(.quit)
            #expect(runner.runningCount == 0)
            server.faults.faults.latencyMs = 0
        }
    }
}
