/// Cuts a span of seconds (since 1970, UTC) at bucket boundaries: days for
/// the per-instance roll-up, minutes for the account's.
enum TimeBuckets {
    static let minute: Int64 = 60
    static let day: Int64 = 86_400

    /// Each bucket (its number) and the seconds of [from, to) within it.
    static func split(from: Int64, to: Int64, size: Int64) -> [(bucket: Int64, seconds: Int64)] {
        guard to > from else { return [] }
        var result: [(Int64, Int64)] = []
        var start = from
        while start < to {
            let bucket = floorDiv(start, size)
            let end = min(to, (bucket + 1) * size)
            result.append((bucket, end - start))
            start = end
        }
        return result
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
