import ArgumentParser

/// `--output`: aligned columns for people, JSON for programs.
public enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case table, json
}
