import Testing
import TextLayout

@Suite("Display width and sanitizing")
struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{0301}", 1), ("中", 2), ("한", 2), ("ｶ", 1), ("Ａ", 2),
        ("🚀", 2), ("👍🏽", 2), ("🇫🇷", 2), ("❤️", 2), ("👩‍💻", 2), ("\u{200B}", 0), ("\u{0301}", 0),
    ])
    func widthOfOneCharacter(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func widthOfText() {
        #expect(DisplayWidth.of("推理 server 🚀") == 4 + 8 + 2)
    }

    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "\u{FFFD}red\u{FFFD}"),
        ("\u{1B}]0;title\u{07}after", "\u{FFFD}after"),
        ("\u{1B}]8;;http://evil\u{1B}\\link", "\u{FFFD}link"),
        ("\u{1B}[?1049h\u{1B}[2Jx", "\u{FFFD}\u{FFFD}x"),
        ("\u{1B}(0q", "\u{FFFD}q"),
        ("\u{1B}7saved", "\u{FFFD}saved"),
        ("bell\u{07}", "bell\u{FFFD}"),
        ("del\u{7F}", "del\u{FFFD}"),
        ("c1\u{9B}31mx", "c1\u{FFFD}x"),
        ("osc8\u{9D}title\u{9C}x", "osc8\u{FFFD}x"),
        ("nul\u{0}", "nul\u{FFFD}"),
        ("\u{202E}evil", "\u{FFFD}evil"),
        ("a\tb\nc\r\nd", "a b c  d"),
        ("\u{1B}", "\u{FFFD}"),
        ("\u{1B}é", "\u{FFFD}é"),
        ("plain 中文 🚀", "plain 中文 🚀"),
    ])
    func sanitizedMakesControlsHarmless(hostile: String, expected: String) {
        let safe = DisplayWidth.sanitized(hostile)
        #expect(safe == expected)
        #expect(!safe.unicodeScalars.contains(where: isControlScalar))
    }

    @Test func unterminatedControlStringSwallowsTheRest() {
        #expect(DisplayWidth.sanitized("name\u{1B}]0;never ends") == "name\u{FFFD}")
    }

    @Test func truncatedCutsByDisplayWidth() {
        #expect(DisplayWidth.truncated("instances", to: 5) == "inst…")
        #expect(DisplayWidth.truncated("推理サーバー", to: 5) == "推理…")
        #expect(DisplayWidth.truncated("推理サーバー", to: 12) == "推理サーバー")
        #expect(DisplayWidth.truncated("abc", to: 0) == "")
        #expect(DisplayWidth.truncated("\u{1B}[1mbold", to: 3) == "\u{FFFD}b…")
    }

    @Test func truncatedHandlesAHugeString() {
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(DisplayWidth.truncated(huge, to: 4) == "xxx…")
    }
}

/// A scalar that must never reach the terminal: C0, DEL, C1, bidi controls.
/// Written out here rather than taken from `DisplayWidth`, so that the test
/// does not check the sanitizer against itself.
private func isControlScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
