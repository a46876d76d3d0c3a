import TerminalUI

/// The ncurses colour pairs in use, one per (foreground, background) that a
/// frame has needed so far; a pair is allocated the first time a combination
/// is drawn and reused after.
///
/// Pair 0 is the terminal's own colours (with `use_default_colors`). When the
/// terminal runs out of pairs, further combinations draw in pair 0: the text
/// stays readable, only its colour is lost.
struct ColorPairTable: Sendable {
    let depth: ColorDepth
    /// Whether the terminal accepted `use_default_colors`, so that colour -1
    /// means its own foreground and background; otherwise white on black.
    let hasDefaultColors: Bool
    /// Pairs the terminal supports (`COLOR_PAIRS`), pair 0 included.
    let capacity: Int
    private var numbers: [ColorNumbers: Int16] = [:]

    /// The curses colour numbers of one pair.
    struct ColorNumbers: Hashable, Sendable {
        let foreground: Int16
        let background: Int16
    }

    init(depth: ColorDepth, hasDefaultColors: Bool, capacity: Int) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        self.capacity = min(capacity, Int(Int16.max))
    }

    /// The pair number to draw `foreground` on `background` with. A new
    /// combination is first handed to `allocate(pair, colors)`, which tells
    /// the terminal (`init_pair`).
    mutating func pair(foreground: Color, background: Color, allocate: (Int16, ColorNumbers) -> Void) -> Int16 {
        guard depth != .none else { return 0 }
        let colors = ColorNumbers(foreground: number(of: foreground, default: 7),
                                  background: number(of: background, default: 0))
        if hasDefaultColors, colors == ColorNumbers(foreground: -1, background: -1) { return 0 }
        if let existing = numbers[colors] { return existing }
        let next = numbers.count + 1
        guard next < capacity else { return 0 }
        let pair = Int16(next)
        numbers[colors] = pair
        allocate(pair, colors)
        return pair
    }

    /// The curses number of `color` at this depth; `.default` is -1, or
    /// `fallback` when the terminal has no default colours.
    private func number(of color: Color, default fallback: Int16) -> Int16 {
        let drawable = depth == .indexed256 ? color : color.basic
        switch drawable {
        case .default: return hasDefaultColors ? -1 : fallback
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .indexed(let index): return Int16(index)
        }
    }
}
