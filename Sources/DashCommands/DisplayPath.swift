/// A path as shown to a person: the home directory written `~`, as people
/// type it and as the documentation spells it.
public enum DisplayPath {
    public static func abbreviating(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        let prefix = home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == prefix { return "~" }
        guard path.hasPrefix(prefix + "/") else { return path }
        return "~" + path.dropFirst(prefix.count)
    }
}
