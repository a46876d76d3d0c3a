import Foundation
import Testing

@testable import TerminalUI

/// The bytes of a copy to the clipboard: OSC 52 with the text in base64, and
/// inside tmux once more wrapped for passthrough.
@Suite("Clipboard copy")
struct ClipboardCopyTests {
    @Test("OSC 52 for the clipboard, the text in base64, ended by ST")
    func plain() {
        // "chat-prod.ai.sesterce.dev" in base64, as `base64` gives it.
        #expect(ClipboardCopy.osc52("chat-prod.ai.sesterce.dev", tmux: nil)
            == "\u{1B}]52;c;Y2hhdC1wcm9kLmFpLnNlc3RlcmNlLmRldg==\u{1B}\\")
        #expect(ClipboardCopy.osc52("https://ü.example/v1", tmux: "")
            == "\u{1B}]52;c;\(Data("https://ü.example/v1".utf8).base64EncodedString())\u{1B}\\")
    }

    @Test("inside tmux: as is for tmux itself, then wrapped for passthrough with every ESC doubled")
    func tmux() {
        let sequence = ClipboardCopy.osc52("a.b", tmux: "/tmp/tmux-0/default,1234,0")
        #expect(sequence == "\u{1B}]52;c;YS5i\u{1B}\\" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;YS5i\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test("hostile text cannot end the sequence: only base64 between the introducer and ST")
    func hostile() {
        let sequence = ClipboardCopy.osc52("evil\u{1B}\\\u{1B}]0;owned\u{07}\nx", tmux: nil)
        let payload = sequence.dropFirst("\u{1B}]52;c;".count).dropLast(2)
        #expect(payload.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "+/=".contains($0) })
        #expect(Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) } == "evil\u{1B}\\\u{1B}]0;owned\u{07}\nx")
    }
}
