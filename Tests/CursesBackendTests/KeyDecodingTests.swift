import Testing
import TextLayout
@testable import CursesBackend

@Suite("Key decoding")
struct KeyDecodingTests {
    private func character(_ code: Int32) -> KeyEvent? { KeyEvent(code: code, isKeyCode: false) }
    private func keyCode(_ code: Int32) -> KeyEvent? { KeyEvent(code: code, isKeyCode: true) }

    @Test func printableCharacters() {
        #expect(character(0x61) == .character("a"))
        #expect(character(0x51) == .character("Q"))
        #expect(character(0x20) == .character(" "))
        #expect(character(0x2F) == .character("/"))
        #expect(character(0x3F) == .character("?"))
        #expect(character(0xE9) == .character("é"))
        #expect(character(0x6F22) == .character("漢"))
        #expect(character(0x1F680) == .character("🚀"))
    }

    @Test func controlChords() {
        #expect(character(1) == .ctrl("a"))
        #expect(character(3) == .ctrl("c"))
        #expect(character(19) == .ctrl("s"))
        #expect(character(26) == .ctrl("z"))
        #expect(character(0) == .ctrl("@"))
        #expect(character(28) == .ctrl("\\"))
        #expect(character(31) == .ctrl("_"))
    }

    @Test func controlsThatAreKeysOfTheirOwn() {
        #expect(character(9) == .tab)
        #expect(character(10) == .enter)
        #expect(character(13) == .enter)
        #expect(character(27) == .escape)
        #expect(character(8) == .backspace)
        #expect(character(127) == .backspace)
    }

    @Test func navigationKeys() {
        #expect(keyCode(CursesKeyCode.up) == .up)
        #expect(keyCode(CursesKeyCode.down) == .down)
        #expect(keyCode(CursesKeyCode.left) == .left)
        #expect(keyCode(CursesKeyCode.right) == .right)
        #expect(keyCode(CursesKeyCode.previousPage) == .pageUp)
        #expect(keyCode(CursesKeyCode.nextPage) == .pageDown)
        #expect(keyCode(CursesKeyCode.home) == .home)
        #expect(keyCode(CursesKeyCode.end) == .end)
    }

    @Test func keypadAndVT220AlternativesForNavigation() {
        #expect(keyCode(CursesKeyCode.keypadA1) == .home)
        #expect(keyCode(CursesKeyCode.keypadC1) == .end)
        #expect(keyCode(CursesKeyCode.keypadA3) == .pageUp)
        #expect(keyCode(CursesKeyCode.keypadC3) == .pageDown)
        #expect(keyCode(CursesKeyCode.find) == .home)
        #expect(keyCode(CursesKeyCode.select) == .end)
    }

    @Test func editingKeys() {
        #expect(keyCode(CursesKeyCode.backspace) == .backspace)
        #expect(keyCode(CursesKeyCode.deleteCharacter) == .delete)
        #expect(keyCode(CursesKeyCode.enter) == .enter)
        #expect(keyCode(CursesKeyCode.backTab) == .backTab)
    }

    @Test(arguments: 1...12)
    func functionKeys(number: Int) {
        #expect(keyCode(CursesKeyCode.functionBase + Int32(number)) == .function(number))
    }

    @Test func resize() {
        #expect(keyCode(CursesKeyCode.resize) == .resize)
    }

    @Test func inputWithoutUseIsDropped() {
        #expect(keyCode(CursesKeyCode.functionBase) == nil)  // F0
        #expect(keyCode(CursesKeyCode.functionBase + 13) == nil)  // Shift-F1 on xterm
        #expect(keyCode(0o631) == nil)  // KEY_MOUSE
        #expect(keyCode(0o513) == nil)  // KEY_IC, Insert
        #expect(character(0x85) == nil)  // C1 control NEL
        #expect(character(0xD800) == nil)  // a lone surrogate is no scalar
        #expect(character(-1) == nil)
    }

    @Test func aKeyCodeIsNotReadAsACharacter() {
        // KEY_DOWN's value is also "Ă" (U+0102): the flag decides.
        #expect(character(CursesKeyCode.down) == .character("Ă"))
        #expect(keyCode(0x61) == nil)
    }
}
