/// Why the dashboard could not take over the terminal. The message is meant
/// for the user as is: the caller prints it and exits with status 2.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is redirected or piped.
    case notATerminal
    /// `TERM` is unset or empty.
    case terminalTypeNotSet
    /// ncurses has no terminfo entry for `TERM`.
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs an interactive terminal, but standard input or output is not one"
        case .terminalTypeNotSet:
            "TERM is not set, so the terminal type is unknown; set it (for example TERM=xterm-256color)"
        case .unknownTerminalType(let name):
            "the terminal type TERM=\(name) is unknown to ncurses (no terminfo entry); try TERM=xterm-256color"
        }
    }
}
