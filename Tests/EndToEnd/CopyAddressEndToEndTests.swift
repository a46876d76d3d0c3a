import Foundation
import Testing

/// `Y` in the real binary, in tmux with `set-clipboard on`: the address
/// reaches tmux's clipboard by OSC 52.
@Suite("Copying an address end to end", .serialized)
struct CopyAddressEndToEndTests {
    @Test("Y puts the selected instance's address on the clipboard (a tmux buffer) and says what it copied")
    func copies() async throws {
        let simulator = try SimulatorProcess()
        let dash = Products.url(of: "sesterce-dash").path
        let tmux = try TmuxSession(
            command: "'\(dash)' --api-url \(simulator.url) --refresh 1; echo exit=$?",
            environment: ["SESTERCE_API_KEY": "demo-key"], options: ["set -g set-clipboard on"])
        defer { tmux.close(); _ = simulator }
        let listed = try await tmux.waitFor("chat-prod with its address") { screen in
            DashboardEndToEndTests.rows(screen, containing: "chat-prod ").contains { Self.addressShown(in: $0) != nil }
        }
        // The ADDRESS column, cut short: the start of the address copied.
        let row = try #require(DashboardEndToEndTests.rows(listed, containing: "chat-prod ").first)
        let shown = try #require(Self.addressShown(in: row)).dropLast()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try tmux.copyOutput(to: output)

        try tmux.send("Y")
        let screen = try await tmux.waitFor(text: "copied ")
        let footer = try #require(DashboardEndToEndTests.rows(screen, containing: "copied ").last)
        let address = String(footer[footer.range(of: "copied ")!.upperBound...]).trimmingCharacters(in: .whitespaces)
        #expect(!shown.isEmpty && address.contains(shown), "\(address) in \(row)")
        try await tmux.waitFor("the buffer") { _ in (try? tmux.pasteBuffer()) == address }
        // The bytes: OSC 52 with the address in base64, as is for tmux and
        // wrapped for passthrough (the program sees TMUX).
        let sent = try String(contentsOf: output, encoding: .utf8)
        let encoded = Data(address.utf8).base64EncodedString()
        #expect(sent.contains("\u{1B}]52;c;\(encoded)\u{1B}\\"))
        #expect(sent.contains("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(encoded)\u{1B}\u{1B}\\\u{1B}\\"))
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    /// The row's ADDRESS cell, cut short (`127.0.0.1:40437…`).
    static func addressShown(in row: some StringProtocol) -> Substring? {
        row.split(separator: " ").first { $0.hasPrefix("127.0.0.1:") && $0.hasSuffix("…") }.map { Substring($0) }
    }
}
