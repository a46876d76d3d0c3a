/// The styles screens draw with, named by what they mean rather than how they
/// look, so that `--no-color`, light terminals and 8-colour terminals change
/// one value instead of every screen. Colours are the 8 basic ones plus a few
/// greys (`indexed`) whose 8-colour fallback keeps the text readable.
public struct Theme: Hashable, Sendable {
    /// Ordinary text on the terminal's own background.
    public var text: Style
    /// The top line: host, refresh state, burn rate.
    public var header: Style
    public var tabActive: Style
    public var tabInactive: Style
    public var tableHeader: Style
    public var selectedRow: Style
    /// Statuses: running and healthy, starting or scaling, stopped on purpose,
    /// failed, and a status the dashboard does not know.
    public var ok: Style
    public var progress: Style
    public var stopped: Style
    public var failed: Style
    public var unknown: Style
    /// Something that needs attention soon (stale data, low capacity).
    public var warning: Style
    /// Something that went wrong (an instance's errorMessage, a refused request).
    public var error: Style
    /// Secondary text: hints, empty parts of bars, placeholders.
    public var muted: Style
    public var border: Style
    /// Titles of panels, dialogs and help sections.
    public var title: Style
    /// Key names in hints and in the help overlay.
    public var key: Style
    public var flashInfo: Style
    public var flashError: Style
    /// The inside of a confirmation dialog.
    public var dialog: Style

    public init(text: Style, header: Style, tabActive: Style, tabInactive: Style, tableHeader: Style,
                selectedRow: Style, ok: Style, progress: Style, stopped: Style, failed: Style,
                unknown: Style, warning: Style, error: Style, muted: Style, border: Style,
                title: Style, key: Style, flashInfo: Style, flashError: Style, dialog: Style) {
        self.text = text
        self.header = header
        self.tabActive = tabActive
        self.tabInactive = tabInactive
        self.tableHeader = tableHeader
        self.selectedRow = selectedRow
        self.ok = ok
        self.progress = progress
        self.stopped = stopped
        self.failed = failed
        self.unknown = unknown
        self.warning = warning
        self.error = error
        self.muted = muted
        self.border = border
        self.title = title
        self.key = key
        self.flashInfo = flashInfo
        self.flashError = flashError
        self.dialog = dialog
    }

    /// For dark terminal backgrounds, the common case.
    public static let dark = Theme(
        text: .plain,
        header: Style(foreground: .white, background: .blue),
        tabActive: Style(foreground: .black, background: .cyan, attributes: .bold),
        tabInactive: Style(foreground: .white, background: .blue),
        tableHeader: Style(foreground: .cyan, attributes: .bold),
        selectedRow: Style(foreground: .black, background: .cyan),
        ok: Style(foreground: .green),
        progress: Style(foreground: .yellow),
        stopped: Style(foreground: .indexed(245)),
        failed: Style(foreground: .red, attributes: .bold),
        unknown: Style(foreground: .magenta),
        warning: Style(foreground: .yellow, attributes: .bold),
        error: Style(foreground: .red, attributes: .bold),
        muted: Style(foreground: .indexed(245)),
        border: Style(foreground: .cyan),
        title: Style(foreground: .white, attributes: .bold),
        key: Style(foreground: .cyan, attributes: .bold),
        flashInfo: Style(foreground: .green),
        flashError: Style(foreground: .white, background: .red, attributes: .bold),
        dialog: Style(foreground: .white, background: .indexed(236))
    )

    /// For light terminal backgrounds: no yellow or white text, greys that fall
    /// back to black.
    public static let light = Theme(
        text: .plain,
        header: Style(foreground: .white, background: .blue),
        tabActive: Style(foreground: .black, background: .white, attributes: .bold),
        tabInactive: Style(foreground: .white, background: .blue),
        tableHeader: Style(foreground: .blue, attributes: .bold),
        selectedRow: Style(foreground: .white, background: .blue),
        ok: Style(foreground: .green),
        progress: Style(foreground: .blue),
        stopped: Style(foreground: .indexed(240)),
        failed: Style(foreground: .red, attributes: .bold),
        unknown: Style(foreground: .magenta),
        warning: Style(foreground: .magenta, attributes: .bold),
        error: Style(foreground: .red, attributes: .bold),
        muted: Style(foreground: .indexed(240)),
        border: Style(foreground: .blue),
        title: Style(foreground: .black, attributes: .bold),
        key: Style(foreground: .blue, attributes: .bold),
        flashInfo: Style(foreground: .green),
        flashError: Style(foreground: .white, background: .red, attributes: .bold),
        dialog: Style(foreground: .black, background: .indexed(254))
    )

    /// No colours at all (`--no-color`, `NO_COLOR`): meaning carried by bold,
    /// reverse, dim and underline, and by the words on screen.
    public static let mono = Theme(
        text: .plain,
        header: Style(attributes: .reverse),
        tabActive: Style(attributes: [.bold, .underline]),
        tabInactive: Style(attributes: .reverse),
        tableHeader: Style(attributes: [.bold, .underline]),
        selectedRow: Style(attributes: .reverse),
        ok: .plain,
        progress: Style(attributes: .bold),
        stopped: Style(attributes: .dim),
        failed: Style(attributes: [.bold, .underline]),
        unknown: Style(attributes: .dim),
        warning: Style(attributes: .bold),
        error: Style(attributes: [.bold, .underline]),
        muted: Style(attributes: .dim),
        border: .plain,
        title: Style(attributes: .bold),
        key: Style(attributes: .bold),
        flashInfo: .plain,
        flashError: Style(attributes: [.bold, .reverse]),
        dialog: .plain
    )
}
