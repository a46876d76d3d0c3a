import TextLayout

/// The terminal's mouse reports in the SGR form (mode 1006): `ESC [ < b ; x ; y M`
/// for a press, `m` for a release, x and y counted from 1. SGR is asked for
/// because, unlike the older form, it is plain text with no limit on the
/// column. ncurses decodes reports only for terminals whose terminfo says
/// they send this form (xterm, not tmux or screen), so the session asks for
/// the reports itself and reads them here, whichever way they arrive.
enum MouseReports {
    /// Asks for press and release reports of every button (the wheel is
    /// buttons 4 and 5), in the SGR form.
    static let on = "\u{1B}[?1000h\u{1B}[?1006h"
    /// Stops them, so that the shell gets the terminal's own selection back.
    static let off = "\u{1B}[?1006l\u{1B}[?1000l"

    /// What the mouse did, from a report's text after `ESC [ <` ("0;12;5M");
    /// nil for a release, another button, or text that is no report. A click
    /// counts 1 here; the session tells a double click by its timing.
    static func event(fromParameters text: String) -> MouseEvent? {
        guard let final = text.last, final == "M" || final == "m" else { return nil }
        let numbers = text.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let button = numbers[0], let column = numbers[1], let row = numbers[2],
              column >= 1, row >= 1, final == "M"
        else { return nil }
        // Shift, Meta and Ctrl add 4, 8 and 16; motion adds 32.
        let kind: MouseEvent.Kind
        switch button & ~(4 | 8 | 16) {
        case 0: kind = .click(count: 1)
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, column: column - 1, row: row - 1)
    }
}
