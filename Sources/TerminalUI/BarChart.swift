/// Values as vertical bars of block characters, eighths of a cell high, so a
/// chart a few rows tall still shows small changes. Values are resampled to
/// the width: each column is the mean of the values it covers.
struct BarChart {
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    var values: [Double]
    /// The value of a full-height bar.
    var peak: Double

    func render(into buffer: inout Buffer, area: Rect, style: Style) {
        guard !area.isEmpty, peak > 0 else { return }
        let columns = Self.resample(values, to: area.width)
        for (column, value) in columns.enumerated() {
            var left = Int((min(value, peak) / peak * Double(area.height * 8)).rounded())
            if value > 0, left == 0 { left = 1 }  // anything spent shows
            for row in (0..<area.height).reversed() where left > 0 {
                let eighth = min(8, left)
                buffer.put(String(Self.eighths[eighth]), x: area.x + column, y: area.y + row, style: style, maxWidth: 1)
                left -= eighth
            }
        }
    }

    /// `count` columns from `values`, each the mean of the values it covers
    /// (a value spans several columns when there are fewer values than columns).
    static func resample(_ values: [Double], to count: Int) -> [Double] {
        guard !values.isEmpty, count > 0 else { return [] }
        return (0..<count).map { column in
            let from = column * values.count / count
            let to = max(from + 1, (column + 1) * values.count / count)
            let slice = values[from..<min(to, values.count)]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}

/// One row of values as a sparkline: `▁▃█▅`.
struct Sparkline {
    var values: [Double]

    var text: String {
        let peak = values.max() ?? 0
        guard peak > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { value in
            value <= 0 ? "▁" : BarChart.eighths[max(1, min(8, Int((value / peak * 8).rounded(.up))))]
        })
    }
}
