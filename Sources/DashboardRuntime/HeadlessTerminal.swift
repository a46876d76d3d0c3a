import DashboardCore
import Synchronization
import TerminalUI
import TextLayout

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal without a screen, for running the real session loop where
/// there is no tty (the benchmark, the loop's tests): keys are typed into a
/// pipe the loop polls like a terminal, and each frame drawn is handed to
/// `onDraw`. Keys are plain ASCII, with Esc, Enter, Tab and Backspace.
public final class HeadlessTerminal: TerminalDevice, Sendable {
    public let columns: Int
    public let rows: Int
    private let onDraw: @Sendable (Buffer) -> Void
    private let readEnd: Int32
    /// The pipe's write end; -1 once hung up.
    private let keyboard: Mutex<Int32>
    private let shownAlerts = Mutex<[TerminalAlert]>([])
    private let copied = Mutex<[String]>([])

    public init(columns: Int, rows: Int, onDraw: @escaping @Sendable (Buffer) -> Void) {
        self.columns = columns
        self.rows = rows
        self.onDraw = onDraw
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 { _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK) }
        readEnd = ends[0]
        keyboard = Mutex(ends[1])
    }

    deinit {
        close(readEnd)
        hangUp()
    }

    /// Types `text` as keys; safe from any thread.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        keyboard.withLock { end in
            guard end >= 0 else { return }
            _ = bytes.withUnsafeBytes { write(end, $0.baseAddress, $0.count) }
        }
    }

    /// Closes the keyboard: the loop ends as it does when a terminal hangs up.
    public func hangUp() {
        keyboard.withLock { end in
            if end >= 0 { close(end) }
            end = -1
        }
    }

    public var inputDescriptor: Int32 { readEnd }

    public func nextKey() -> KeyEvent? {
        var byte: UInt8 = 0
        guard read(readEnd, &byte, 1) == 1 else { return nil }
        switch byte {
        case 0x1B: return .escape
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F: return .backspace
        case 0x20...0x7E: return .character(Character(Unicode.Scalar(byte)))
        default: return nextKey()
        }
    }

    public func draw(_ frame: Buffer) {
        onDraw(frame)
    }

    /// Alerts asked of the terminal so far, for the loop's tests.
    public var alerts: [TerminalAlert] { shownAlerts.withLock { $0 } }

    public func alert(_ alert: TerminalAlert) {
        shownAlerts.withLock { $0.append(alert) }
    }

    /// Texts put on the clipboard so far, for the loop's tests.
    public var clipboard: [String] { copied.withLock { $0 } }

    public func copyToClipboard(_ text: String) {
        copied.withLock { $0.append(text) }
    }
}
