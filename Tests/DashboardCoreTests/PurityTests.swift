import Foundation
import Testing

/// `reduce` must stay pure. The compiler keeps the network out of
/// DashboardCore (it cannot import the client); the clock and tasks come with
/// the standard library, so this reads the core's sources for them.
@Suite("Purity of the core")
struct PurityTests {
    static let forbidden = [
        "Task", "Date()", "Date.now", "ContinuousClock", "SuspendingClock", "sleep(", "URLSession", "DispatchQueue", "Thread",
    ]

    @Test("DashboardCore reads no clock, starts no task or thread, and reaches no network")
    func noClockNoTask() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DashboardCore")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for word in Self.forbidden where line.contains(word) {
                    found.append("\(file.lastPathComponent):\(number + 1): \(word)")
                }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
