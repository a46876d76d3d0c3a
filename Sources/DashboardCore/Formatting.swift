import Foundation

/// How numbers, money and durations read on screen, in one place so that every
/// pane agrees.
public enum Formatting {
    /// Dollars with two decimals and thousands separators: `$1,234.50`.
    public static func money(_ dollars: Double) -> String {
        let cents = Int64((abs(dollars) * 100).rounded())
        let whole = String(cents / 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = cents % 100
        return (dollars < 0 && cents > 0 ? "-" : "") + "$" + String(grouped.reversed()) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A short age: `45s`, `3m`, `2h`, `5d` (and `-` when unknown).
    public static func age(since date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        return duration(max(0, now.timeIntervalSince(date)))
    }

    public static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds)
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m"
        case ..<86_400: return "\(s / 3600)h"
        default: return "\(s / 86_400)d"
        }
    }

    /// A moment in the person's time zone, to the second: `2026-12-03 14:05:09`.
    public static func localTime(_ date: Date, in zone: TimeZone) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// Time left, to the minute above an hour: `45s`, `12m`, `1h12m`, `2d3h`.
    public static func countdown(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded(.up)))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m" + (s % 60 == 0 || s >= 600 ? "" : "\(s % 60)s")
        case ..<86_400: return "\(s / 3600)h" + (s % 3600 / 60 == 0 ? "" : "\(s % 3600 / 60)m")
        default: return "\(s / 86_400)d" + (s % 86_400 / 3600 == 0 ? "" : "\(s % 86_400 / 3600)h")
        }
    }

    /// A pace of requests in words: `1.8 requests a second`, `one request every 1.1 s`.
    public static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite, perSecond > 0 else { return "no requests" }
        if perSecond >= 1 { return String(format: "%.1f requests a second", perSecond) }
        return String(format: "one request every %.1f s", 1 / perSecond)
    }

    /// A UTC timestamp to the minute: `2026-11-29 14:05`.
    public static func timestamp(_ date: Date?) -> String {
        guard let date else { return "-" }
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    /// The time of day, UTC, to the second: `13:05:42`.
    public static func clock(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// MiB as GiB without decimals when whole: `232 GiB`.
    public static func gibibytes(fromMiB mib: Int) -> String {
        let gib = Double(mib) / 1024
        return gib.rounded() == gib ? "\(Int(gib)) GiB" : String(format: "%.1f GiB", gib)
    }
}
