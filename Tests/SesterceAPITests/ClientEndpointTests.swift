import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// Every endpoint through `SesterceClient`, against the simulator over loopback HTTP.
@Suite("Client endpoints against the simulator")
struct ClientEndpointTests {
    @Test("the simulator listens on loopback only, on the port the system picked")
    func loopback() async throws {
        try await withSimulator { sim in
            #expect(sim.url.scheme == "http")
            #expect(sim.url.host == "127.0.0.1")
            #expect((sim.url.port ?? 0) > 0)
            let models = try await sim.client().models()
            #expect(!models.isEmpty)
        }
    }

    @Test("models: the catalog, each with a default hardware that exists")
    func models() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let models = try await client.models()
            let hardwareIds = Set(try await client.hardware().map(\.id))
            #expect(models.count >= 5)
            #expect(Set(models.map(\.id)).count == models.count)
            for model in models {
                #expect(!model.name.isEmpty)
                #expect(model.features.isEmpty == false, "\(model.name) has no features")
                #expect(model.port != nil)
                #expect(model.defaultHardwareId.map(hardwareIds.contains) == true, "\(model.name)")
            }
            let features = Set(models.flatMap(\.features))
            #expect(features.isSuperset(of: ["chat", "image"]))
            #expect(models == (await sim.store.models()))
        }
    }

    @Test("hardware: at least five flavors with CPU, RAM and GPU")
    func hardware() async throws {
        try await withSimulator { sim in
            let hardware = try await sim.client().hardware()
            #expect(hardware.count >= 5)
            for flavor in hardware {
                #expect(flavor.cpuMillicores > 0)
                #expect(flavor.ramMiB > 0)
                let gpu = try #require(flavor.gpu)
                #expect(gpu.count >= 1)
                #expect(gpu.memoryGiB > 0)
                #expect(!gpu.model.isEmpty)
            }
            let names = hardware.map(\.name).joined(separator: " ")
            for gpu in ["L40S", "A100", "H100", "2xH100", "H200"] {
                #expect(names.contains(gpu), "no \(gpu) flavor")
            }
            #expect(hardware == (await sim.store.hardware()))
        }
    }

    @Test("regions: integer ids, capacities per hardware (some zero), one region not ACTIVE")
    func regions() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let regions = try await client.regions()
            let hardwareIds = Set(try await client.hardware().map(\.id))
            #expect(regions.count >= 6)
            #expect(Set(regions.map(\.id)).count == regions.count)
            let states = regions.map(\.state)
            #expect(regions.filter(\.isActive).count == regions.count - 1)
            #expect(states.contains("ACTIVE"))
            let hasZero = regions.contains { region in region.capacities.values.contains(0) }
            #expect(hasZero)
            for region in regions {
                #expect(!region.name.isEmpty)
                #expect(region.countryCode.count == 2)
                #expect(Set(region.capacities.keys).isSubset(of: hardwareIds))
                #expect(region.capacities.values.min() ?? 0 >= 0)
            }
        }
    }

    @Test("the catalog is the same for the same seed")
    func catalogIsDeterministic() async throws {
        let first = try await withSimulator { sim in (try await sim.client().models(), try await sim.client().regions()) }
        let second = try await withSimulator { sim in (try await sim.client().models(), try await sim.client().regions()) }
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
    }

    @Test("registries: create returns username, list omits it, update and delete answer 204, no password ever")
    func registriesCRUD() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            let client = sim.client(transport: recorder)
            let before = try await client.registries()
            #expect(before.count == 2)
            #expect(before.compactMap(\.username).isEmpty)

            let password = "pa55-w0rd-never-returned"
            let created = try await client.createRegistry(
                name: "team-registry",
                credentials: RegistryCredentials(url: "docker.io/acme/app:1", username: "acme-bot", password: password))
            #expect(created.id.count == 24)
            #expect(isObjectId(created.id))
            #expect(created.name == "team-registry")
            #expect(created.url == "docker.io/acme/app:1")
            #expect(created.username == "acme-bot")
            #expect(created.createdAt == sim.clock.now())
            #expect(created.updatedAt == sim.clock.now())

            var listed = try await client.registries()
            #expect(listed.count == 3)
            let entry = try #require(listed.first(id: created.id))
            #expect(entry.name == "team-registry")
            #expect(entry.url == "docker.io/acme/app:1")
            #expect(entry.username == nil)

            sim.advance(60)
            try await client.updateRegistry(
                id: created.id,
                credentials: RegistryCredentials(url: "ghcr.io/acme/app:2", username: "acme-bot-2", password: password + "2"))
            listed = try await client.registries()
            let updated = try #require(listed.first(id: created.id))
            #expect(updated.url == "ghcr.io/acme/app:2")
            #expect(updated.updatedAt == sim.clock.now())
            #expect(updated.createdAt == created.createdAt)

            try await client.deleteRegistry(id: created.id)
            listed = try await client.registries()
            #expect(listed.map(\.id) == before.map(\.id))

            // Nothing the server sent back mentions the password or a password field.
            #expect(recorder.count == 7)
            let answers = recorder.exchanges.compactMap(\.responseBody).map { String(decoding: $0, as: UTF8.self) }
            for answer in answers {
                #expect(!answer.contains(password))
                #expect(!answer.lowercased().contains("password"))
            }
            // The list never carries a username field at all.
            let listBodies = recorder.exchanges.filter { $0.request.method == .get }.compactMap(\.responseBody)
            #expect(listBodies.count == 4)
            for body in listBodies {
                #expect(!String(decoding: body, as: UTF8.self).contains("username"))
            }
        }
    }

    @Test("instances: the demo account's list and each detail agree")
    func instancesListAndDetail() async throws {
        try await withSimulator(.test(instances: 8)) { sim in
            let client = sim.client()
            let list = try await client.instances()
            #expect(list.count == 8)
            #expect(Set(list.map(\.id)).count == 8)
            #expect(Set(list.map(\.name)).count == 8)
            for instance in list {
                #expect(isObjectId(instance.id))
                let detail = try await client.instance(id: instance.id)
                #expect(detail.summary == instance)
                #expect(!detail.regions.isEmpty)
                #expect(!detail.hardwareId.isEmpty)
                #expect(detail.modelId != nil || detail.registryId != nil)
                #expect(detail.createdAt != nil)
                let price = try await sim.podPrice(detail.hardwareId)
                let pods = detail.regions.reduce(0) { $0 + $1.total }
                #expect(abs(detail.hourlyPrice - price * Double(pods)) < 0.005, "\(detail.name)")
            }
            // The demo account spreads over the statuses of api-notes.
            let statuses = Set(list.map(\.status))
            #expect(statuses.isSuperset(of: [.active, .partiallyDeployed, .disabled, .deploying, .pending, .error]))
            let stoppedPrices = list.filter { $0.status == .disabled }.map(\.hourlyPrice)
            #expect(!stoppedPrices.isEmpty)
            #expect(Set(stoppedPrices) == [0])
            // Some instance runs in more than one region.
            var regionCounts: [Int] = []
            for instance in list { regionCounts.append(try await client.instance(id: instance.id).regions.count) }
            #expect((regionCounts.max() ?? 0) > 1)
            // The partly deployed one says why.
            let partialOne = list.first { $0.status == .partiallyDeployed }
            let partial = try #require(partialOne)
            let detail = try await client.instance(id: partial.id)
            let explained = detail.regions.filter { $0.errorMessage?.isEmpty == false && $0.ready < $0.total }
            #expect(explained.count == 1)
        }
    }

    @Test("create: 201 with the new instance, DEPLOYING, then its detail reflects the request")
    func createInstance() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let (hardware, region) = try await sim.placement(pods: 3)
            let model = try await sim.anyModel()
            var request = spec(name: "my-endpoint", model: model.id, hardware: hardware.id, regions: [region.id], min: 1, max: 3)
            request.envs = ["PORT": "8000", "LOG": "debug"]
            request.startupCommand = "serve --fast"
            request.podLifetime = 900
            let created = try await client.createInstance(request)
            #expect(created.id.count == 24)
            #expect(created.name == "my-endpoint")
            #expect(created.status == .deploying)
            #expect(created.features == model.features)
            #expect(created.address == nil)
            #expect(created.createdAt == sim.clock.now())

            let detail = try await client.instance(id: created.id)
            #expect(detail.name == "my-endpoint")
            #expect(detail.description == "test instance")
            #expect(detail.modelId == model.id)
            #expect(detail.registryId == nil)
            #expect(detail.hardwareId == hardware.id)
            #expect(detail.containerPort == 8000)
            #expect(detail.podLifetime == 900)
            #expect(detail.envs == ["PORT": "8000", "LOG": "debug"])
            #expect(detail.startupCommand == "serve --fast")
            #expect(detail.apiKeyIds == ["6721058be81810b9dd045f40"])
            #expect(detail.regions.map(\.regionId) == [region.id])
            #expect(detail.regions.first?.scale == request.regions.first?.scale)

            let list = try await client.instances()
            #expect(list.map(\.id) == [created.id])
        }
    }

    @Test("create with a registry instead of a model, null description and envs")
    func createFromRegistry() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let (hardware, region) = try await sim.placement(pods: 1)
            let registry = try #require(try await client.registries().first)
            var request = spec(name: "custom", model: nil, hardware: hardware.id, regions: [region.id], port: 3333, registry: registry.id)
            request.description = nil
            request.envs = nil
            request.apiKeyIds = nil
            let created = try await client.createInstance(request)
            #expect(created.features == ["custom"])
            let detail = try await client.instance(id: created.id)
            #expect(detail.registryId == registry.id)
            #expect(detail.modelId == nil)
            #expect(detail.description == nil)
            #expect(detail.envs == [:])
            #expect(detail.apiKeyIds == [])
            #expect(detail.containerPort == 3333)
        }
    }

    @Test("update: 200 with the instance; the new limits show in the detail; the name stays")
    func updateInstance() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let (hardware, region) = try await sim.placement(pods: 4)
            let model = try await sim.anyModel()
            let created = try await client.createInstance(
                spec(name: "to-update", model: model.id, hardware: hardware.id, regions: [region.id], min: 1, max: 2))
            sim.advance(30)

            var change = spec(name: "ignored-new-name", model: model.id, hardware: hardware.id, regions: [region.id], min: 2, max: 4, cooldown: 60)
            change.description = "bigger"
            let updated = try await client.updateInstance(id: created.id, change)
            #expect(updated.id == created.id)
            #expect(updated.name == "to-update")
            #expect(updated.updatedAt == sim.clock.now())

            let detail = try await client.instance(id: created.id)
            #expect(detail.name == "to-update")
            #expect(detail.description == "bigger")
            #expect(detail.regions.first?.scale == ScaleLimits(min: 2, max: 4, cooldownPeriod: 60, triggers: ScalingTriggers(cpu: 80)))
        }
    }

    @Test("start, stop and delete answer 204 and change the status")
    func startStopDelete() async throws {
        try await withSimulator { sim in
            let recorder = RecordingTransport()
            let client = sim.client(transport: recorder)
            let (hardware, region) = try await sim.placement(pods: 1)
            let model = try await sim.anyModel()
            let created = try await client.createInstance(
                spec(name: "switch", model: model.id, hardware: hardware.id, regions: [region.id]))

            try await client.stopInstance(id: created.id)
            #expect(try await client.instance(id: created.id).status == .disabled)
            try await client.startInstance(id: created.id)
            #expect(try await client.instance(id: created.id).status == .deploying)
            try await client.deleteInstance(id: created.id)
            #expect(try await client.instance(id: created.id).status == .deleting)

            let mutations = recorder.exchanges.filter { $0.request.method != .get }
            let statuses = mutations.map(\.response?.status.code)
            #expect(statuses == [201, 204, 204, 204])
        }
    }

    @Test("pricing: hardware price x pods (the maximum of each region), x730 for a month")
    func pricing() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let hardware = try await client.hardware()
            let regions = try await client.regions().filter(\.isActive)
            #expect(hardware.count >= 2 && regions.count >= 2)
            for flavor in hardware {
                let price = try await sim.podPrice(flavor.id)
                #expect(price > 0)
                let one = try await client.price(hardwareId: flavor.id, maxPods: [(regions[0].id, 1)])
                #expect(one.currencyCode == "USD")
                #expect(abs(one.pricePerHour - price) < 0.005)
                #expect(abs(one.pricePerMonth - price * 730) < 0.005)

                let quote = try await client.price(hardwareId: flavor.id, maxPods: [(regions[0].id, 4), (regions[1].id, 3)])
                #expect(abs(quote.pricePerHour - price * 7) < 0.005)
                #expect(abs(quote.pricePerMonth - price * 7 * 730) < 0.005)
            }
        }
    }

    @Test("pricing of the reference's example (L40S, 4 pods) is 4 x 1.44 = 5.76/h and 4204.80/month")
    func pricingOfTheExample() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let hardware = try await client.hardware()
            let found = hardware.first { $0.name.contains("L40S") }
            let l40s = try #require(found)
            #expect(try await sim.podPrice(l40s.id) == 1.44)
            let quote = try await client.price(hardwareId: l40s.id, maxPods: [(18, 4)])
            #expect(quote == PriceQuote(currencyCode: "USD", pricePerHour: 5.76, pricePerMonth: 4204.8))
        }
    }

    @Test("the price preview matches what the instance is then charged at full scale")
    func pricingMatchesCharge() async throws {
        try await withSimulator { sim in
            let client = sim.client()
            let (hardware, region) = try await sim.placement(pods: 3)
            let model = try await sim.anyModel()
            let quote = try await client.price(hardwareId: hardware.id, maxPods: [(region.id, 3)])
            let created = try await client.createInstance(
                spec(name: "priced", model: model.id, hardware: hardware.id, regions: [region.id], min: 3, max: 3))
            sim.advance(3600)
            let running = try await client.instance(id: created.id)
            #expect(running.status == .active)
            #expect(running.hourlyPrice == quote.pricePerHour)
        }
    }
}
