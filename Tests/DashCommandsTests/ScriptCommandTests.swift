import DashCommands
import DashboardCore
import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// Each scriptable command against the simulator on loopback: what a script
/// reads on standard output, and the errors it gets.
@Suite("Scriptable commands")
struct ScriptCommandTests {
    /// Runs `body` with commands connected to a fresh simulator, then stops it.
    static func withSimulator(
        apiKey: String = "demo-key", _ body: (ScriptCommands, ScriptCommands, SimulatorServer) async throws -> Void
    ) async throws {
        // A clock that stands still: the account cannot autoscale between a
        // command's answer and the test's look at the simulator.
        let server = try await SimulatorServer.start(SimulatorOptions(), clock: ManualClock())
        let client = SesterceClient(baseURL: server.url, apiKey: apiKey, retry: .none)
        do {
            try await body(ScriptCommands(client: client, format: .json), ScriptCommands(client: client, format: .table), server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func instance(named name: String, in server: SimulatorServer) async -> Instance? {
        await server.store.listInstances().first { $0.name == name }
    }

    static func firstStopped(in server: SimulatorServer) async -> Instance? {
        await server.store.listInstances().first { $0.status == .disabled }
    }

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("list instances --output json: every documented field on every instance, sorted by name")
    func instancesJSON() async throws {
        try await Self.withSimulator { json, _, server in
            let records = try Self.jsonArray(try await json.list(.instances))
            #expect(records.count == 8)
            let fields = Set(["id", "name", "status", "hourlyPrice", "features", "address", "createdAt", "updatedAt", "billing"])
            let wrongFields = records.filter { Set($0.keys) != fields }
            #expect(wrongFields.isEmpty)
            let names = records.compactMap { $0["name"] as? String }
            #expect(names == names.sorted())
            let chatRecord = records.first { $0["name"] as? String == "chat-prod" }
            let chat = try #require(chatRecord)
            for record in records {
                let status = InstanceStatus(rawValue: try #require(record["status"] as? String))
                #expect(record["billing"] as? String == Billing(status).rawValue)
            }
            let expected = try #require(await Self.instance(named: "chat-prod", in: server))
            #expect(chat["id"] as? String == expected.id)
            #expect(chat["hourlyPrice"] as? Double == expected.hourlyPrice)
            let created = try #require(chat["createdAt"] as? String)
            #expect(created.hasSuffix("Z"))
            #expect(ISO8601DateFormatter().date(from: created) != nil)
        }
    }

    @Test("list instances: a table with a header, $/h and the burn rate")
    func instancesTable() async throws {
        try await Self.withSimulator { _, table, _ in
            let text = try await table.list(.instances)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("NAME") == true)
            #expect(lines.first?.contains("$/H") == true)
            #expect(lines.count == 10)
            let chatLine = lines.first { $0.hasPrefix("chat-prod ") }
            let chat = try #require(chatLine)
            #expect(chat.contains("$"))
            // The demo account: chat-prod, embeddings-api and sdxl-render ACTIVE; coder-assist, custom-vllm, llama70b-eu on their way up.
            #expect(lines.last?.hasPrefix("8 instances, 3 billed: $8.64/h, ") == true)
            #expect(lines.last?.hasSuffix("; 3 starting: +$19.92/h") == true)
        }
    }

    @Test("list regions, hardware, models and registries give their documented fields", arguments: [
        (ListKind.regions, ["id", "name", "countryCode", "state", "capacities"]),
        (ListKind.hardware, ["id", "name", "cpuMillicores", "ramMiB", "gpu", "hourlyPrice"]),
        (ListKind.models, ["id", "name", "port", "defaultHardwareId", "features"]),
        (ListKind.registries, ["id", "name", "url", "username", "createdAt", "updatedAt"]),
    ])
    func catalogJSON(kind: ListKind, fields: [String]) async throws {
        try await Self.withSimulator { json, table, _ in
            let records = try Self.jsonArray(try await json.list(kind))
            #expect(!records.isEmpty)
            let wrongFields = records.filter { Set($0.keys) != Set(fields) }
            #expect(wrongFields.isEmpty)
            let text = try await table.list(kind)
            #expect(text.split(separator: "\n").count == records.count + 1)
        }
    }

    @Test("list hardware prices one pod of each flavor, as the Hardware pane does")
    func hardwarePrices() async throws {
        try await Self.withSimulator { json, table, server in
            let records = try Self.jsonArray(try await json.list(.hardware))
            let first = try #require(records.first)
            let id = try #require(first["id"] as? String)
            let price = try #require(first["hourlyPrice"] as? Double)
            #expect(price > 0)
            #expect(price == (await server.store.price(hardwareId: id, maxPods: [1]))?.pricePerHour)
            let text = try await table.list(.hardware)
            #expect(text.contains("$/H PER POD"))
        }
    }

    @Test("stop: the instance stops; the answer names the action and the id")
    func stop() async throws {
        try await Self.withSimulator { json, _, server in
            let chat = try #require(await Self.instance(named: "chat-prod", in: server))
            let answer = try Self.jsonObject(try await json.perform(.stop, instance: chat.id))
            #expect(answer["action"] as? String == "stop")
            #expect(answer["id"] as? String == chat.id)
            let after = await server.store.listInstances().first { $0.id == chat.id }
            #expect(after?.status == .disabled)
        }
    }

    @Test("start: a stopped instance starts deploying")
    func start() async throws {
        try await Self.withSimulator { _, table, server in
            let stopped = try #require(await Self.firstStopped(in: server))
            let text = try await table.perform(.start, instance: stopped.name)
            #expect(text == "Start requested for instance \(stopped.name) (\(stopped.id)).\n")
            let after = await server.store.listInstances().first { $0.id == stopped.id }
            #expect(after?.status != .disabled)
        }
    }

    @Test("stop of a stopped instance is refused with the service's message")
    func stopRefused() async throws {
        try await Self.withSimulator { json, _, server in
            let stopped = try #require(await Self.firstStopped(in: server))
            var failure: APIError?
            do {
                _ = try await json.perform(.stop, instance: stopped.id)
            } catch let error as APIError {
                failure = error
            }
            let error = try #require(failure)
            #expect(error.description.contains("already stopped"))
        }
    }

    @Test("An unknown name or id is refused before anything is sent")
    func unknownInstance() async throws {
        try await Self.withSimulator { json, _, _ in
            await #expect(throws: CommandRefusal("No instance named or with id '000000000000000000000000' (see `sesterce-dash list instances`).")) {
                _ = try await json.perform(.start, instance: "000000000000000000000000")
            }
        }
    }

    @Test("A name two instances share is refused, listing both with their status; an id still works")
    func ambiguousName() async throws {
        try await Self.withSimulator { json, _, server in
            let chat = try #require(await Self.instance(named: "chat-prod", in: server))
            let detail = try #require(await server.store.instance(id: chat.id))
            let twin = await server.store.create(InstanceSpec(
                name: "chat-prod", modelId: detail.modelId, hardwareId: detail.hardwareId,
                containerPort: detail.containerPort ?? 8000,
                regions: detail.regions.map { RegionScaling(regionId: $0.regionId, scale: $0.scale) }))
            let refusal = await #expect(throws: CommandRefusal.self) { _ = try await json.perform(.stop, instance: "chat-prod") }
            let listed = [chat.id, twin.id].sorted()
            #expect(refusal?.description.hasPrefix("Several instances are named 'chat-prod': use an id. Matches: \(listed[0]) (") == true)
            #expect(refusal?.description.contains("\(listed[1]) (") == true)
            #expect(await server.store.listInstances().first { $0.id == chat.id }?.status != .disabled)
            _ = try await json.perform(.stop, instance: chat.id)
            #expect(await server.store.listInstances().first { $0.id == chat.id }?.status == .disabled)
        }
    }

    @Test("price: the quote and the configuration, as JSON and as a table")
    func price() async throws {
        try await Self.withSimulator { json, table, server in
            let active = await server.store.regions().first { $0.isActive }
            let region = try #require(active)
            let roomy = region.capacities.first { $0.value >= 2 }?.key
            let hardwareId = try #require(roomy)
            let answer = try Self.jsonObject(try await json.price(hardware: hardwareId, regions: [String(region.id)], maxPods: 2))
            let expected = try #require(await server.store.price(hardwareId: hardwareId, maxPods: [2]))
            #expect(Set(answer.keys) == ["hardwareId", "regionIds", "maxPods", "currencyCode", "pricePerHour", "pricePerMonth"])
            #expect(answer["pricePerHour"] as? Double == expected.pricePerHour)
            #expect(answer["regionIds"] as? [Int] == [region.id])
            let text = try await table.price(hardware: hardwareId, regions: [String(region.id)], maxPods: 2)
            #expect(text.contains("PER HOUR"))
            #expect(text.contains(Formatting.money(expected.pricePerHour)))
        }
    }

    @Test("price takes hardware and region names: the same quote as by id")
    func priceByName() async throws {
        try await Self.withSimulator { json, _, server in
            let region = try #require(await server.store.regions().first { $0.isActive && $0.capacities.values.contains { $0 >= 2 } })
            let hardwareId = try #require(region.capacities.first { $0.value >= 2 }?.key)
            let flavor = try #require(await server.store.hardware().first { $0.id == hardwareId })
            let byId = try await json.price(hardware: hardwareId, regions: [String(region.id)], maxPods: 2)
            let byName = try await json.price(hardware: flavor.name, regions: [region.name.uppercased()], maxPods: 2)
            #expect(byName == byId)
        }
    }

    @Test("price refuses a region not ACTIVE, or without room for the hardware, saying which; --force prices it")
    func priceRefusals() async throws {
        try await Self.withSimulator { json, _, server in
            let regions = await server.store.regions()
            let hardware = await server.store.hardware()
            let closed = try #require(regions.first { !$0.isActive })
            let flavor = try #require(hardware.first)
            let refusal = await #expect(throws: CommandRefusal.self) {
                _ = try await json.price(hardware: flavor.id, regions: [closed.name], maxPods: 1)
            }
            #expect(refusal?.description.hasPrefix("Region \(closed.name) (\(closed.id)) is \(closed.state), not ACTIVE") == true)
            _ = try await json.price(hardware: flavor.id, regions: [closed.name], maxPods: 1, force: true)

            let full = try #require(regions.lazy.compactMap { region in
                region.isActive ? hardware.first { region.capacity(for: $0.id) == 0 }.map { (region, $0) } : nil
            }.first)
            let noRoom = await #expect(throws: CommandRefusal.self) {
                _ = try await json.price(hardware: full.1.id, regions: [String(full.0.id)], maxPods: 1)
            }
            #expect(noRoom?.description == "Region \(full.0.name) (\(full.0.id)) has no room for \(full.1.name): nothing priced (--force prices it anyway).")
        }
    }

    @Test("A wrong key is rejected, and the error does not repeat it")
    func wrongKey() async throws {
        try await Self.withSimulator(apiKey: "wrong-secret-key") { json, _, _ in
            var failure: APIError?
            do {
                _ = try await json.list(.instances)
            } catch let error as APIError {
                failure = error
            }
            let error = try #require(failure)
            #expect(!error.description.contains("wrong-secret-key"))
            guard case .keyRejected = error else {
                Issue.record("expected the key to be rejected, got \(error)")
                return
            }
        }
    }
}
