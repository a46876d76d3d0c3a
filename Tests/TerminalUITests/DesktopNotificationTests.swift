import Testing

@testable import TerminalUI

/// The bytes of a desktop notification: the two forms, sanitised text, and
/// the tmux passthrough wrapping.
@Suite("Desktop notifications")
struct DesktopNotificationTests {
    @Test("OSC 777 carries title and body; OSC 9 one text; both end with ST")
    func forms() {
        #expect(DesktopNotification.osc777(title: "sesterce-dash", body: "llama: ACTIVE → ERROR", tmux: nil)
            == "\u{1B}]777;notify;sesterce-dash;llama: ACTIVE → ERROR\u{1B}\\")
        #expect(DesktopNotification.osc9(title: "sesterce-dash", body: "llama: ACTIVE → ERROR", tmux: nil)
            == "\u{1B}]9;sesterce-dash: llama: ACTIVE → ERROR\u{1B}\\")
        #expect(DesktopNotification.bell == "\u{07}")
    }

    @Test("inside tmux: wrapped for passthrough, every ESC doubled; an empty TMUX is not tmux")
    func tmux() {
        let tmux = "/tmp/tmux-0/default,1234,0"
        #expect(DesktopNotification.osc777(title: "t", body: "b", tmux: tmux)
            == "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;t;b\u{1B}\u{1B}\\\u{1B}\\")
        #expect(DesktopNotification.osc9(title: "t", body: "b", tmux: tmux)
            == "\u{1B}Ptmux;\u{1B}\u{1B}]9;t: b\u{1B}\u{1B}\\\u{1B}\\")
        #expect(DesktopNotification.osc9(title: "t", body: "b", tmux: "") == "\u{1B}]9;t: b\u{1B}\\")
    }

    @Test("hostile text: no control character, no ;, nothing that ends the sequence early")
    func sanitised() {
        let hostile = "evil\u{1B}\\\u{1B}]0;owned\u{07}\nname;x\u{9C}end"
        for sequence in [
            DesktopNotification.osc777(title: hostile, body: hostile, tmux: nil),
            DesktopNotification.osc9(title: hostile, body: hostile, tmux: nil),
        ] {
            let inner = sequence.unicodeScalars.dropFirst(2).dropLast(2)  // ESC ] ... ESC \
            #expect(!inner.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(sequence.debugDescription)")
            #expect(sequence.hasSuffix("\u{1B}\\"))
        }
        // Only the form's own separators remain.
        #expect(DesktopNotification.osc777(title: hostile, body: hostile, tmux: nil).filter { $0 == ";" }.count == 3)
        #expect(DesktopNotification.osc9(title: hostile, body: hostile, tmux: nil).filter { $0 == ";" }.count == 1)
        #expect(DesktopNotification.clean("a\nb;c", 80) == "a bc")
    }

    @Test("long text is cut: a title to 60 columns, a body to 200")
    func capped() {
        let long = String(repeating: "x", count: 5_000)
        let sequence = DesktopNotification.osc777(title: long, body: long, tmux: nil)
        let fields = sequence.dropFirst(2).dropLast(2).split(separator: ";")
        #expect(fields.count == 4)
        #expect(fields[2].count == 60 && fields[2].hasSuffix("…"))
        #expect(fields[3].count == 200 && fields[3].hasSuffix("…"))
    }
}
