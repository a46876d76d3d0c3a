import Foundation

/// When a stop timer is due, from what a person types: "stop in" a duration
/// (`45s`, `30m`, `2h`, `1d`, `1h30m`) or "stop at" a time of day (`19:00`,
/// local: today, or tomorrow once it has passed) or a date-time (ISO 8601,
/// local unless it gives its zone: `2026-12-04T08:00`, `2026-12-04 08:00`,
/// `2026-12-04T08:00:00Z`).
public enum StopTime {
    /// The due time, or why the text is neither.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) -> Result<Date, StopTimeError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = duration(trimmed) {
            return seconds > 0 ? .success(now.addingTimeInterval(seconds)) : .failure(.notInFuture(trimmed))
        }
        return at(trimmed, now: now, timeZone: timeZone)
    }

    /// "stop at" only: a time of day or a date-time.
    public static func at(_ text: String, now: Date, timeZone: TimeZone) -> Result<Date, StopTimeError> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let (hour, minute) = timeOfDay(text) {
            var day = calendar.dateComponents([.year, .month, .day], from: now)
            (day.hour, day.minute, day.second) = (hour, minute, 0)
            guard let today = calendar.date(from: day) else { return .failure(.unreadable(text)) }
            return .success(today > now ? today : calendar.date(byAdding: .day, value: 1, to: today) ?? today)
        }
        guard let date = dateTime(text, timeZone: timeZone) else { return .failure(.unreadable(text)) }
        return date > now ? .success(date) : .failure(.notInFuture(text))
    }

    /// "stop in" only: seconds of `45s`, `30m`, `2h`, `1d`, or several of
    /// them run together (`1h30m`); nil for anything else.
    public static func duration(_ text: String) -> Double? {
        var total = 0.0, number = "", sawUnit = false
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let unit: Double
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            default: return nil
            }
            guard let value = Double(number), number.count <= 6 else { return nil }
            total += value * unit
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }

    private static func timeOfDay(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private static func dateTime(_ text: String, timeZone: TimeZone) -> Date? {
        let normal = text.replacingOccurrences(of: " ", with: "T")
        if let zoned = try? Date(normal, strategy: .iso8601) { return zoned }
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = format
            if let date = formatter.date(from: normal) { return date }
        }
        return nil
    }
}

/// Why a stop time was not understood, in words for the prompt and the command line.
public enum StopTimeError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case notInFuture(String)

    public var description: String {
        switch self {
        case .unreadable(let text):
            "\"\(text)\" is not a time: give a duration (45s, 30m, 2h, 1d), a time of day (19:00) or a date-time (2026-12-04T08:00)"
        case .notInFuture(let text): "\"\(text)\" is not in the future"
        }
    }
}
