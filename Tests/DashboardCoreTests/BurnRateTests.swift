import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("Burn rate and spend")
struct BurnRateTests {
    /// The rule over every status, and one it does not know: Sesterce debits
    /// only ACTIVE; instances on their way up are shown apart.
    @Test("The billing rule, status by status", arguments: [
        (InstanceStatus.active, Billing.billed),
        (.other("MIGRATING"), .billed),
        (.new, .starting), (.pending, .starting), (.deploying, .starting), (.partiallyDeployed, .starting),
        (.disabled, .notBilled), (.deleting, .notBilled), (.deleted, .notBilled), (.error, .notBilled), (.failed, .notBilled),
    ])
    func rule(status: InstanceStatus, billing: Billing) {
        #expect(Billing(status) == billing)
    }

    @Test("The rule's table covers every status this version knows")
    func everyStatusCovered() {
        let starting: Set<InstanceStatus> = [.new, .pending, .deploying, .partiallyDeployed]
        let notBilled: Set<InstanceStatus> = [.disabled, .deleting, .deleted, .error, .failed]
        for status in InstanceStatus.known {
            let expected: Billing = status == .active ? .billed : starting.contains(status) ? .starting
                : notBilled.contains(status) ? .notBilled : .billed
            #expect(Billing(status) == expected, "\(status)")
        }
        #expect(starting.count + notBilled.count + 1 == InstanceStatus.known.count)
        #expect(Billing.isGuess(.other("MIGRATING")) && !Billing.isGuess(.active))
    }

    @Test("Only ACTIVE (and unknown) instances are billed; starting ones are counted apart")
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
        #expect(rate.perHour == 2.75)
        #expect(rate.startingPerHour == 2.25)
        #expect(rate.perDay == 66)
        #expect(rate.perMonth == 2007.5)
    }

    @Test("Spend since launch integrates each rate over the time until the next poll")
    func accrual() {
        var meter = CostMeter()
        let t0 = Fixture.t0
        meter.sample(BurnRate(perHour: 10), at: t0, maxGap: 3600)
        #expect(meter.spent == 0)
        meter.sample(BurnRate(perHour: 4), at: t0.addingTimeInterval(1800), maxGap: 3600)  // 30 min at $10/h
        #expect(meter.spent == 5)
        meter.sample(BurnRate(perHour: 4), at: t0.addingTimeInterval(3600), maxGap: 3600)  // then 30 min at $4/h
        #expect(meter.spent == 7)
    }

    /// As the ledger counts: what nobody watched is not spend seen.
    @Test("A silence longer than the gap adds nothing, and nothing is counted past the last poll")
    func onlyObservedTime() {
        var meter = CostMeter()
        let t0 = Fixture.t0
        meter.sample(BurnRate(perHour: 36), at: t0, maxGap: 60)
        meter.sample(BurnRate(perHour: 36), at: t0.addingTimeInterval(60), maxGap: 60)  // 60 s at $36/h: $0.60
        #expect(meter.spent == 0.6)
        // The service did not answer for ten minutes: the time is a gap.
        meter.sample(BurnRate(perHour: 36), at: t0.addingTimeInterval(660), maxGap: 60)
        #expect(meter.spent == 0.6)
        meter.sample(BurnRate(perHour: 0), at: t0.addingTimeInterval(670), maxGap: 60)  // 10 s at $36/h: $0.10
        #expect(abs(meter.spent - 0.7) < 1e-9)
    }

    @Test("The header shows $/h, $/day, $/month and the spend so far")
    func header() {
        var state = Fixture.loadedState()
        // A poll a minute for an hour, each seeing what the first saw.
        for minute in 1...60 {
            let time = Fixture.t0.addingTimeInterval(Double(minute) * 60)
            _ = reduce(&state, .instancesPolled(.success(Fixture.fleet), detail: nil, at: time))
        }
        let burn = ScreenModel(state).header.burn
        // chat-prod 2.88 is billed; sdxl-render 1.44 + llama70b-eu 9.96 are on their way up.
        #expect(burn.perHour == "$2.88")
        #expect(burn.perDay == "$69.12")
        #expect(burn.perMonth == "$2,102.40")
        #expect(burn.spent == "$2.88")
        #expect(!burn.spentStale)
        #expect(burn.starting == "+$11.40/h starting")
    }
}
