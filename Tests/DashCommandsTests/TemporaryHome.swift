import Foundation

/// A home directory of its own for one test, removed afterwards: credentials
/// and config files written with the permissions a test needs.
final class TemporaryHome {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The environment a command would see with this home (nothing else set).
    var environment: [String: String] { ["HOME": path] }

    /// Writes `text` at `relative` (folders made as needed) with `mode`; returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String, mode: Int = 0o600) throws -> String {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }
}

/// Warnings a command would print, collected.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var messages: [String] { lock.withLock { lines } }

    var sink: @Sendable (String) -> Void {
        { [self] message in lock.withLock { lines.append(message) } }
    }
}
