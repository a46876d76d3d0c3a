/// A small deterministic random generator (SplitMix64), so that one `--seed`
/// always gives the same catalog, instances and fault pattern.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &self)! })
    }

    /// A Mongo-style object id (24 hex digits), as instances and registries have.
    mutating func objectId() -> String { hex(24) }

    /// A UUID string, as models and hardware have.
    mutating func uuid() -> String { "\(hex(8))-\(hex(4))-4\(hex(3))-a\(hex(3))-\(hex(12))" }

    /// A stable pseudo-random number for a combination of values, independent of
    /// any generator's position (used for load that varies with time).
    static func mix(_ values: UInt64...) -> UInt64 {
        var generator = SeededGenerator(seed: values.reduce(0x2545_F491_4F6C_DD1D) { ($0 ^ $1) &* 0x100_0000_01B3 })
        return generator.next()
    }
}
