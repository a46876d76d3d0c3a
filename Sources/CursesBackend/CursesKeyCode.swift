/// The ncurses key codes that `wget_wch` reports with `KEY_CODE_YES`.
///
/// Copied from ncurses.h (same octal values) so that key decoding stays pure
/// and testable without the C module; a test checks every value against the
/// header.
enum CursesKeyCode {
    static let down: Int32 = 0o402
    static let up: Int32 = 0o403
    static let left: Int32 = 0o404
    static let right: Int32 = 0o405
    static let home: Int32 = 0o406
    static let backspace: Int32 = 0o407
    /// F0; Fn is `functionBase + n`.
    static let functionBase: Int32 = 0o410
    static let deleteCharacter: Int32 = 0o512
    static let nextPage: Int32 = 0o522
    static let previousPage: Int32 = 0o523
    static let enter: Int32 = 0o527
    /// Keypad corners: upper left, upper right, lower left, lower right.
    static let keypadA1: Int32 = 0o534
    static let keypadA3: Int32 = 0o535
    static let keypadC1: Int32 = 0o537
    static let keypadC3: Int32 = 0o540
    static let backTab: Int32 = 0o541
    static let end: Int32 = 0o550
    /// What some terminfo entries call the keys that send ESC [1~ and ESC [4~,
    /// which are Home and End on most keyboards.
    static let find: Int32 = 0o552
    static let select: Int32 = 0o601
    /// A mouse report whose start matched the terminfo's `kmous`.
    static let mouse: Int32 = 0o631
    static let resize: Int32 = 0o632
}
