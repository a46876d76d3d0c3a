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
        if let date = try? Self.withFraction.parse(string) { return date }
        if let date = try? Self.withoutFraction.parse(string) { return date }
        throw DecodingError.dataCorrupted(.init(
            codingPath: [], debugDescription: "Expected an ISO 8601 date, found '\(string)'."))
    }
}

extension Configuration {
    /// The runtime configuration shared by the client and the simulator's server.
    public static var sesterce: Configuration {
        Configuration(dateTranscoder: SesterceDateTranscoder())
    }
}
