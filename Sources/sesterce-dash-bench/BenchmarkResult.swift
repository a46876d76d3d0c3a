import Foundation

/// The timings of one benchmark and the line it prints: one JSON object per
/// line, `value` being the median in milliseconds, so that a script can collect
/// the figures with any JSON reader.
struct BenchmarkResult {
    /// A fixed ASCII identifier (it is written into the JSON unescaped).
    var name: String
    /// Milliseconds taken by each timed run (or another measure, see `unit`).
    var samples: [Double]
    var unit = "ms"

    var median: Double { percentile(50) }
    var p95: Double { percentile(95) }

    /// Nearest-rank percentile: a value that was actually measured, never an interpolation.
    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var jsonLine: String {
        func ms(_ value: Double) -> String { String(format: "%.4f", value) }
        return #"{"name":"\#(name)","value":\#(ms(median)),"unit":"\#(unit)","iterations":\#(samples.count),"#
            + #""p95":\#(ms(p95)),"min":\#(ms(samples.min() ?? 0))}"#
    }
}
