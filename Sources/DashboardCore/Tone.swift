/// The meaning of a piece of text, which the theme turns into a colour. View-
/// models speak in tones so that they never depend on the terminal.
public enum Tone: Hashable, Sendable {
    case normal, muted, ok, progress, stopped, failed, unknown, warning, error, accent

    public init(_ status: StatusClass) {
        switch status {
        case .ok: self = .ok
        case .progress: self = .progress
        case .stopped: self = .stopped
        case .failed: self = .failed
        case .unknown: self = .unknown
        }
    }
}
