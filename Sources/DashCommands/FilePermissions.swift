import Foundation

/// The check ssh makes on a private key: a file other users can read (or
/// write) gets a warning, because an API key in it is then theirs too.
public enum FilePermissions {
    /// The warning for `path` when group or others have any access to it; nil
    /// when it is private or does not exist.
    public static func tooOpenWarning(path: String, shownAs shown: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = UInt32(info.st_mode) & 0o777
        guard mode & 0o077 != 0 else { return nil }
        let octal = String(mode, radix: 8)
        return "warning: permissions \(String(repeating: "0", count: 4 - octal.count))\(octal) for '\(shown)' are too open: "
            + "other users of this machine may read it. Run: chmod 600 '\(path)'"
    }
}

/// Where warnings go: standard error for the program, a list in tests.
public typealias WarningSink = @Sendable (String) -> Void

public enum StandardError {
    /// Writes `sesterce-dash: <message>` and a newline to standard error.
    public static let sink: WarningSink = { message in
        FileHandle.standardError.write(Data("sesterce-dash: \(message)\n".utf8))
    }
}
