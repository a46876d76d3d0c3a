import Foundation

/// `$XDG_CONFIG_HOME/sesterce-dash/config.yaml` (`~/.config/...` when unset):
/// where it is, whether it exists, and what it says. A missing file is the
/// same as an empty one.
public struct ConfigFile: Equatable, Sendable {
    public var path: String
    /// The path with `~` for the home directory, for messages.
    public var shownPath: String
    public var exists: Bool
    public var config: DashConfig

    public init(path: String, shownPath: String, exists: Bool, config: DashConfig) {
        self.path = path
        self.shownPath = shownPath
        self.exists = exists
        self.config = config
    }

    /// The XDG base directory rule: `XDG_CONFIG_HOME` if set to an absolute
    /// path, else `$HOME/.config`.
    public static func path(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        }
        return (base as NSString).appendingPathComponent("sesterce-dash/config.yaml")
    }

    /// Finds and reads the config file, warning through `warn` when other users
    /// can change it (it holds no secret: others reading it is fine).
    public static func load(environment: [String: String], warn: WarningSink = StandardError.sink) throws(ConfigError) -> ConfigFile {
        let path = path(environment: environment)
        let shown = DisplayPath.abbreviating(path, home: environment["HOME"])
        guard FileManager.default.fileExists(atPath: path) else {
            return ConfigFile(path: path, shownPath: shown, exists: false, config: DashConfig())
        }
        if let warning = FilePermissions.writableConfigWarning(path: path, shownAs: shown) { warn(warning) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: shown, line: nil, field: nil, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: shown, line: nil, field: nil, problem: "is not UTF-8 text")
        }
        return ConfigFile(path: path, shownPath: shown, exists: true, config: try DashConfig(yaml: text, file: shown))
    }
}
