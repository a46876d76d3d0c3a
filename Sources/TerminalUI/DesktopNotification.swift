import TextLayout

/// The bytes that ask the terminal to alert the person: the bell, and a
/// desktop notification by escape sequence, so an alert reaches someone
/// looking at another window without the dashboard knowing the desktop.
///
/// Two forms exist and no terminal says which it knows: OSC 777 (`notify`,
/// title and body: rxvt-unicode, foot, Ghostty, WezTerm, VTE terminals) and
/// OSC 9 (one text: iTerm2, kitty, WezTerm, Windows Terminal). A terminal
/// ignores an OSC it does not know. Inside tmux a sequence reaches the outer
/// terminal only wrapped for passthrough, and only with tmux's
/// `allow-passthrough` option on (tmux 3.3 and later).
///
/// The text comes from the service (instance names, error messages), so it is
/// sanitised: no control character can end the sequence early or start
/// another, and `;` (which separates the fields) is removed.
public enum DesktopNotification {
    /// The terminal bell (BEL). tmux passes it on by itself.
    public static let bell = "\u{07}"

    /// The most columns of a title and of a body: a notification shows a line or two.
    static let titleColumns = 60
    static let bodyColumns = 200

    /// OSC 777: `ESC ] 777 ; notify ; title ; body ST`; wrapped for tmux when
    /// `tmux` (the `TMUX` environment variable) is set and not empty.
    public static func osc777(title: String, body: String, tmux: String?) -> String {
        let sequence = "\u{1B}]777;notify;\(clean(title, titleColumns));\(clean(body, bodyColumns))\u{1B}\\"
        return passthrough(sequence, tmux: tmux)
    }

    /// OSC 9: `ESC ] 9 ; text ST`, the title and body as one text; wrapped
    /// for tmux as `osc777` is.
    public static func osc9(title: String, body: String, tmux: String?) -> String {
        let text = clean(title, titleColumns) + ": " + clean(body, bodyColumns)
        return passthrough("\u{1B}]9;\(text)\u{1B}\\", tmux: tmux)
    }

    /// `text` made safe inside an OSC field and cut to `columns`.
    static func clean(_ text: String, _ columns: Int) -> String {
        DisplayWidth.truncated(text.filter { $0 != ";" }, to: columns)
    }

    /// Inside tmux: `ESC P tmux ; <the sequence, every ESC doubled> ESC \`.
    static func passthrough(_ sequence: String, tmux: String?) -> String {
        guard let tmux, !tmux.isEmpty else { return sequence }
        var doubled = String.UnicodeScalarView()
        for scalar in sequence.unicodeScalars {
            doubled.append(scalar)
            if scalar == "\u{1B}" { doubled.append(scalar) }
        }
        return "\u{1B}Ptmux;" + String(doubled) + "\u{1B}\\"
    }
}
