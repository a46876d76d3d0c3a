import Foundation

/// The bytes that ask the terminal to put text on the person's clipboard:
/// OSC 52 (`ESC ] 52 ; c ; <base64> ST`). The terminal does the copying, so
/// it lands on the machine the person sits at, over ssh too. The text is
/// sent in base64: nothing in it can end the sequence early.
///
/// Inside tmux the sequence is sent twice. As is, tmux takes it itself when
/// its `set-clipboard` option is `on` (a tmux buffer, passed on to the outer
/// terminal) or `external`, the default (passed on only). Wrapped for
/// passthrough, as `DesktopNotification` does, it reaches the outer
/// terminal when `set-clipboard` is off and `allow-passthrough` is on. Both
/// copy the same text, so a terminal that gets both is none the worse.
public enum ClipboardCopy {
    /// OSC 52 for the clipboard (`c`); doubled as said above when `tmux`
    /// (the `TMUX` environment variable) is set and not empty.
    public static func osc52(_ text: String, tmux: String?) -> String {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{1B}\\"
        guard let tmux, !tmux.isEmpty else { return sequence }
        return sequence + DesktopNotification.passthrough(sequence, tmux: tmux)
    }
}
