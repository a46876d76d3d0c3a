import DashboardCore
import SesterceAPI
import Testing

/// Capacities and pod counts too large for a sum are drawn, not trapped on.
@Suite("Panes with huge numbers")
struct HugeNumberPaneTests {
    @Test("The regions TOTAL and an instance's READY saturate")
    func totals() {
        var state = Fixture.loadedState()
        let huge = Region(id: 9, name: "Huge", countryCode: "XX", state: "ACTIVE", capacities: ["hw-l40s": .max, "hw-h100": .max])
        let catalog = CatalogLists(
            models: .success([Fixture.llama]), hardware: .success([Fixture.l40s, Fixture.h100]), regions: .success([huge]),
            registries: .success([]))
        state.receive(catalog, at: Fixture.t0)
        let regions = Fixture.table(of: .regions, in: state)
        #expect(regions?.rows.first?.last?.text == String(Int.max))

        var detail = Fixture.detail("a1", name: "chat-prod", ready: .max, total: .max)
        detail.regions += detail.regions
        _ = reduce(&state, .detailLoaded(.success(detail), at: Fixture.t0))
        let instances = Fixture.table(of: .instances, in: state)
        #expect(instances?.rows.contains { row in row.contains { $0.text == "\(Int.max)/\(Int.max)" } } == true)
    }
}
