import Foundation
import SesterceAPI
import Synchronization

/// `--log-file`: one line per HTTP exchange (method, path, status, duration,
/// bytes, retry number) or its failure with the reason, and one per answer
/// to an instance poll or a change, timestamped to the millisecond, so that
/// a session can be looked into afterwards. It only ever receives request
/// records, names, ids, API errors and counts, which carry no key and no
/// env value.
final class EventLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    /// `2026-11-30T17:11:26.042Z`: the tests read these back.
    static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Where the client hands each exchange: one line of it.
    var requestLine: @Sendable (RequestRecord) -> Void {
        { [self] record in write(record.line) }
    }

    func write(_ message: String) {
        let line = "\(Date().formatted(Self.timestamp)) \(message)\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
