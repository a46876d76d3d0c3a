/// The screen's fixed rows, which the reducer needs to keep the selection on
/// screen: two header rows, a table header, and two footer rows.
public enum Layout {
    public static let headerRows = 2
    public static let footerRows = 2
    /// The narrowest terminal laid out (a tmux split): below it the screen says "too small".
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// Rows of the pane between the header and the footer, where overlays are drawn.
    public static func bodyRows(height: Int) -> Int { max(0, height - headerRows - footerRows) }

    /// Table rows that fit under the column titles.
    public static func tableRows(height: Int) -> Int { max(1, height - headerRows - footerRows - 1) }

    /// Lines of the instance detail that fit.
    public static func detailRows(height: Int) -> Int { max(1, height - headerRows - footerRows - 2) }
}
