import Foundation
import OpenAPIRuntime

/// Sesterce writes dates with milliseconds (`2019-06-26T13:00:00.000Z`), which the
/// generator's default transcoder rejects, while other servers may omit them. This
/// transcoder reads both and always writes milliseconds, like the live service.
public struct SesterceDateTranscoder: DateTranscoder {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()

    public init() {}

    public func encode(_ date: Date) throws -> String {
        Self.string(from: date)
    }

    /// The service's own format: UTC with milliseconds.
    public static func string(from date: Date) -> String {
        withFraction.format(date)
    }

    public func decode(_ string: String) throws -> Date {
        if let date = Self.parseUTC(string) { return date }
        if let date = try? Self.withFraction.parse(string) { return date }
        if let date = try? Self.withoutFraction.parse(string) { return date }
        throw DecodingError.dataCorrupted(.init(
            codingPath: [], debugDescription: "Expected an ISO 8601 date, found '\(string)'."))
    }
}

extension SesterceDateTranscoder {
    /// The service's own shape, `YYYY-MM-DDTHH:MM:SS[.fff]Z`, read directly:
    /// a list of 10,000 instances carries 20,000 dates, and the general ISO 8601
    /// parser made them most of the decoding time. Anything else returns nil
    /// and goes to that parser.
    static func parseUTC(_ string: String) -> Date? {
        string.utf8.withContiguousStorageIfAvailable(parseUTC) ?? nil
    }

    /// The same, from the string's UTF-8 (`InstanceListReader` reads dates
    /// from the body's bytes, without making a String of each).
    static func parseUTC(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == 46 {  // "."
            var digits = 0, divisor = 1
            index += 1
            while index < bytes.count, (48...57).contains(bytes[index]), divisor < 1_000_000_000 {
                digits = digits * 10 + Int(bytes[index] - 48)
                divisor *= 10
                index += 1
            }
            fraction = Double(digits) / Double(divisor)
        }
        guard index == bytes.count - 1, bytes[index] == 90 else { return nil }  // "Z"
        // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        // Whole seconds first, then the fraction, relative to 2001 as Date
        // stores it, so that ".123" lands on the same Double as the parser's.
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + fraction)
    }
}

extension Configuration {
    /// The runtime configuration shared by the client and the simulator's server.
    public static var sesterce: Configuration {
        Configuration(dateTranscoder: SesterceDateTranscoder())
    }
}
