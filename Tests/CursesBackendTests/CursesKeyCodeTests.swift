import CNCurses
import Testing
@testable import CursesBackend

/// The key codes are copied from ncurses.h; these are the header's own
/// values (constants only: nothing here calls into ncurses).
@Suite("Key codes match ncurses.h")
struct CursesKeyCodeTests {
    @Test func everyCopiedCodeMatchesTheHeader() {
        #expect(CursesKeyCode.down == KEY_DOWN)
        #expect(CursesKeyCode.up == KEY_UP)
        #expect(CursesKeyCode.left == KEY_LEFT)
        #expect(CursesKeyCode.right == KEY_RIGHT)
        #expect(CursesKeyCode.home == KEY_HOME)
        #expect(CursesKeyCode.backspace == KEY_BACKSPACE)
        #expect(CursesKeyCode.functionBase == KEY_F0)
        #expect(CursesKeyCode.deleteCharacter == KEY_DC)
        #expect(CursesKeyCode.nextPage == KEY_NPAGE)
        #expect(CursesKeyCode.previousPage == KEY_PPAGE)
        #expect(CursesKeyCode.enter == KEY_ENTER)
        #expect(CursesKeyCode.keypadA1 == KEY_A1)
        #expect(CursesKeyCode.keypadA3 == KEY_A3)
        #expect(CursesKeyCode.keypadC1 == KEY_C1)
        #expect(CursesKeyCode.keypadC3 == KEY_C3)
        #expect(CursesKeyCode.backTab == KEY_BTAB)
        #expect(CursesKeyCode.end == KEY_END)
        #expect(CursesKeyCode.find == KEY_FIND)
        #expect(CursesKeyCode.select == KEY_SELECT)
        #expect(CursesKeyCode.mouse == KEY_MOUSE)
        #expect(CursesKeyCode.resize == KEY_RESIZE)
    }
}
