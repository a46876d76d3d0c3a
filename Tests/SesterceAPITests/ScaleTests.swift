import Foundation
import SesterceAPI
import SesterceSimulator
import Testing

/// `--instances 10000` works: the account is created and listed whole.
@Suite("Scale")
struct ScaleTests {
    @Test("an account of 10,000 instances is listed whole, with unique ids and names")
    func tenThousand() async throws {
        try await withSimulator(.test(instances: 10_000)) { sim in
            let instances = try await sim.client().instances()
            #expect(instances.count == 10_000)
            #expect(Set(instances.map(\.id)).count == 10_000)
            #expect(Set(instances.map(\.name)).count == 10_000)
            let badIds = instances.filter { !isObjectId($0.id) }
            #expect(badIds.isEmpty)
            let statuses = Set(instances.map(\.status))
            #expect(statuses.isSuperset(of: [.active, .disabled, .pending, .error, .failed, .partiallyDeployed]))
            // A detail deep in the list answers too.
            let last = try #require(instances.last)
            #expect(try await sim.client().instance(id: last.id).summary == last)
        }
    }
}
