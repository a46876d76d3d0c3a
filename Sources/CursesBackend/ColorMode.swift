/// Whether the dashboard may use colour at all; the caller decides from
/// `--no-color` and `NO_COLOR`, the terminal decides how many colours.
public enum ColorMode: Hashable, Sendable {
    /// As many colours as the terminal has: 256, else 8, else none.
    case auto
    /// No colour; bold, dim, reverse and underline still show.
    case none
}

/// How many colours frames are drawn with, resolved once at start-up from the
/// mode and what the terminal reports.
enum ColorDepth: Hashable, Sendable {
    case none
    /// The 8 basic colours: `.indexed` colours fall back to `Color.basic`.
    case basic
    /// All 256 indexed colours.
    case indexed256

    init(mode: ColorMode, hasColors: Bool, colorCount: Int) {
        switch (mode, hasColors) {
        case (.none, _), (.auto, false): self = .none
        case (.auto, true):
            if colorCount >= 256 {
                self = .indexed256
            } else if colorCount >= 8 {
                self = .basic
            } else {
                self = .none
            }
        }
    }
}
