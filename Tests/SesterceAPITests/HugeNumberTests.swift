import SesterceAPI
import Testing

/// Counts from the service are added up; numbers no real account has must
/// saturate, not trap.
@Suite("Huge numbers")
struct HugeNumberTests {
    @Test("A sum that would overflow holds at the bound")
    func saturatingSum() {
        #expect([Int.max, 1].saturatingSum == .max)
        #expect([Int.min, -1].saturatingSum == .min)
        #expect([3, 4, -2].saturatingSum == 5)
    }

    @Test("A region listing one hardware twice with the largest capacity reads as the largest capacity")
    func regionCapacities() {
        let wire = Wire.Region(id: 18, name: "Singapore", countryCode: "SG", state: "ACTIVE", capacities: [
            .init(hardwareId: "hw", capacity: .max), .init(hardwareId: "hw", capacity: .max),
        ])
        #expect(Region(wire).capacity(for: "hw") == .max)
    }
}
