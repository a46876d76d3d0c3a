import Foundation
import SesterceAPI
import Testing

@Suite("Date transcoder")
struct DateTranscoderTests {
    static let samples = [
        "2019-06-26T13:00:00.000Z", "2019-06-26T13:00:00Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
        "2000-03-01T00:00:00.5Z", "2026-11-29T14:02:15.123Z", "1969-12-31T23:59:59.000Z",
        // Days and seconds past the end roll over, as Foundation's parser does.
        "2023-02-29T00:00:00.000Z", "2023-02-30T00:00:00Z", "2019-04-31T00:00:00.000Z", "2019-06-26T23:59:60Z",
    ]

    @Test("The fast path reads the service's dates exactly like the ISO 8601 parser", arguments: samples)
    func fastPathAgrees(_ text: String) throws {
        let transcoder = SesterceDateTranscoder()
        let expected = try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains(".")))
        let decoded = try transcoder.decode(text)
        #expect(abs(decoded.timeIntervalSince(expected)) < 0.0005)
    }

    @Test("Other ISO 8601 shapes still decode, and junk is refused")
    func otherShapes() throws {
        let transcoder = SesterceDateTranscoder()
        let offset = try transcoder.decode("2019-06-26T15:00:00+02:00")
        #expect(offset == (try transcoder.decode("2019-06-26T13:00:00.000Z")))
        #expect(throws: (any Error).self) { try transcoder.decode("yesterday") }
        #expect(throws: (any Error).self) { try transcoder.decode("2019-13-26T13:00:00Z") }
    }
}
