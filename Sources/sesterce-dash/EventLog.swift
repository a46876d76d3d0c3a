import Foundation
import Synchronization

/// `--log-file`: one timestamped line per request sent and per failure, so that
/// a session can be looked into afterwards. It only ever receives effects and
/// API errors, which carry no key.
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

    func write(_ message: String) {
        let line = "\(Date().formatted(.iso8601)) \(message)\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
