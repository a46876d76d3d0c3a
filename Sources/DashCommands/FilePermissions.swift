import Foundation

/// The checks ssh makes, kept to what matters: a file holding a secret
/// (credentials, a key file) that other users can read gets a warning,
/// because the key in it is then theirs too; the config, which holds no
/// secret, only when other users can change it (and so what this runs
/// against). Anything else is quiet: a 0644 config is normal.
public enum FilePermissions {
    /// The warning for a file holding a secret when group or others may read
    /// it; nil when they may not, or it does not exist.
    public static func readableSecretWarning(path: String, shownAs shown: String) -> String? {
        guard let mode = mode(path), mode & 0o044 != 0 else { return nil }
        return "warning: permissions \(octal(mode)) for '\(shown)' are too open: "
            + "other users of this machine may read the key in it. Run: chmod 600 '\(path)'"
    }

    /// The warning for the config when group or others may write it.
    public static func writableConfigWarning(path: String, shownAs shown: String) -> String? {
        guard let mode = mode(path), mode & 0o022 != 0 else { return nil }
        return "warning: permissions \(octal(mode)) for '\(shown)' are too open: "
            + "other users of this machine may change it. Run: chmod go-w '\(path)'"
    }

    private static func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o777
    }

    private static func octal(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
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
