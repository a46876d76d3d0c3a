import DashboardCore
import DashboardRuntime
import Foundation
import Ledger
import SesterceAPI
import SesterceSimulator
import Testing

/// `:ctx` in the runner: two simulators on loopback as two accounts, each
/// with its ledger in one real SQLite file.
@Suite("Account switch in the runner", .serialized)
struct AccountSwitchTests {
    /// Account A answers slowly (its poll is still out at the switch), with 1
    /// instance; account B at once, with 3.
    struct Accounts {
        let a: SimulatorServer
        let b: SimulatorServer
        let directory: URL
        var path: String { directory.appendingPathComponent("ledger.sqlite").path }
        let keyA = AccountKey(host: "a.test", apiKey: "demo-key")
        let keyB = AccountKey(host: "b.test", apiKey: "demo-key")

        static func start() async throws -> Accounts {
            var slow = SimulatorOptions()
            slow.instances = 1
            slow.faults = Faults(latencyMs: 1500)
            var quick = SimulatorOptions()
            quick.instances = 3
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switch-\(UUID().uuidString)")
            return Accounts(
                a: try await SimulatorServer.start(slow), b: try await SimulatorServer.start(quick), directory: directory)
        }

        func ledger(_ account: AccountKey) throws -> Ledger {
            try Ledger.open(path: path, account: account, now: Date()).ledger
        }

        func stop() async {
            await a.stop()
            await b.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func context(_ profile: String) -> AccountContext {
        AccountContext(profile: profile, host: "b.test", profiles: ["a", "b"], ledger: true)
    }

    @Test("Once B is open, the answer of A's poll still out never arrives; after .activateAccount requests and ledger work go to B")
    func switches() async throws {
        let accounts = try await Accounts.start()
        let ledgerB = try accounts.ledger(accounts.keyB)
        let opener: AccountOpener = { profile in
            .success(AccountConnection(
                client: SesterceClient(baseURL: accounts.b.url, apiKey: "demo-key"), ledger: ledgerB, context: Self.context(profile)))
        }
        let (stream, sink) = AsyncStream<Action>.makeStream()
        let runner = EffectRunner(
            client: SesterceClient(baseURL: accounts.a.url, apiKey: "demo-key"), ledger: try accounts.ledger(accounts.keyA),
            opener: opener
        ) { sink.yield($0) }
        var actions = stream.makeAsyncIterator()

        runner.run(.pollInstances(detailId: nil))  // A's: answered in 1.5 s
        runner.run(.openAccount(profile: "b"))
        #expect(await actions.next() == .accountOpened(Self.context("b")))
        // A answers meanwhile, before the reducer has asked for B: dropped.
        try await Task.sleep(for: .seconds(2))
        runner.run(.activateAccount)
        runner.run(.pollInstances(detailId: nil))
        guard case .instancesPolled(.success(let list), nil, _)? = await actions.next() else {
            Issue.record("B's poll did not come first")
            return
        }
        #expect(list.count == 3)
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded())  // the ledger keeps seconds
        let timer = StopTimer(instanceId: list[0].id, instanceName: list[0].name, dueAt: due)
        runner.run(.setStopTimer(timer, at: Date()))
        #expect(await actions.next() == .stopTimersLoaded([timer]))
        runner.cancelAll()
        runner.finishLedger()
        #expect(try accounts.ledger(accounts.keyA).stopTimers().isEmpty)
        #expect(try accounts.ledger(accounts.keyB).stopTimers() == [timer])
        await accounts.stop()
    }

    @Test("A profile that cannot be opened is said, and the runner goes on with the account it had")
    func failure() async throws {
        let accounts = try await Accounts.start()
        let (stream, sink) = AsyncStream<Action>.makeStream()
        let runner = EffectRunner(
            client: SesterceClient(baseURL: accounts.b.url, apiKey: "demo-key"),
            opener: { _ in .failure(AccountOpenFailure(reason: "no key in profile c")) }
        ) { sink.yield($0) }
        var actions = stream.makeAsyncIterator()
        runner.run(.openAccount(profile: "c"))
        #expect(await actions.next() == .accountNotOpened(profile: "c", reason: "no key in profile c"))
        runner.run(.activateAccount)  // nothing was opened: nothing changes
        runner.run(.pollInstances(detailId: nil))
        guard case .instancesPolled(.success(let list), nil, _)? = await actions.next() else {
            Issue.record("no poll result")
            return
        }
        #expect(list.count == 3)
        runner.cancelAll()
        await accounts.stop()
    }
}
