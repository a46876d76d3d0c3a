import DashCommands

/// Key sources live in `DashCommands` (tested there); the connection options
/// of this executable name them by this short name.
typealias Credentials = DashCommands.Credentials
