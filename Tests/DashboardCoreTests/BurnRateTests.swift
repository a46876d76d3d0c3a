import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Burn rate and spend")
struct BurnRateTests {
    @Test("Only billed instances count: DISABLED, DELETED, FAILED and ERROR do not")
    func billed() {
        let fleet = [
            Fixture.instance("1", "a", .active, price: 2.5),
            Fixture.instance("2", "b", .deploying, price: 1.25),
            Fixture.instance("3", "c", .partiallyDeployed, price: 1),
            Fixture.instance("4", "d", .disabled, price: 7),
            Fixture.instance("5", "e", .failed, price: 7),
            Fixture.instance("6", "f", .error, price: 7),
            Fixture.instance("7", "g", .deleted, price: 7),
            Fixture.instance("8", "h", .other("MIGRATING"), price: 0.25),
        ]
        let rate = BurnRate(instances: fleet)
        #expect(rate.perHour == 5)
        #expect(rate.perDay == 120)
        #expect(rate.perMonth == 3650)
    }

    @Test("Spend since launch integrates each rate over the time until the next poll")
    func accrual() {
        var meter = CostMeter()
        let t0 = Fixture.t0
        meter.sample(BurnRate(perHour: 10), at: t0)
        meter.sample(BurnRate(perHour: 4), at: t0.addingTimeInterval(1800))  // 30 min at $10/h
        #expect(meter.spent(at: t0.addingTimeInterval(1800)) == 5)
        #expect(meter.spent(at: t0.addingTimeInterval(3600)) == 7)  // then 30 min at $4/h
    }

    @Test("The header shows $/h, $/day, $/month and the spend so far")
    func header() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .tick(Fixture.t0.addingTimeInterval(3600)))
        let burn = ScreenModel(state).header.burn
        // chat-prod 2.88 + sdxl-render 1.44 + llama70b-eu 9.96 are billed.
        #expect(burn.perHour == "$14.28")
        #expect(burn.perDay == "$342.72")
        #expect(burn.perMonth == "$10,424.40")
        #expect(burn.spent == "$14.28")
    }
}
