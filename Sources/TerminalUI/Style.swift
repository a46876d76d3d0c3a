/// A terminal colour. Named colours are the 8 every colour terminal has;
/// `indexed` is one of 256 and falls back to `basic` on 8-colour terminals.
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case indexed(UInt8)

    /// The nearest of the 8 basic colours (or `default`).
    public var basic: Color {
        guard case .indexed(let index) = self else { return self }
        switch index {
        case 0, 8: return .black
        case 1, 9: return .red
        case 2, 10: return .green
        case 3, 11: return .yellow
        case 4, 12: return .blue
        case 5, 13: return .magenta
        case 6, 14: return .cyan
        case 7, 15: return .white
        case 232...255: return index < 244 ? .black : .white
        default:
            // 6x6x6 cube: pick the dominant channels.
            let cube = Int(index) - 16
            let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
            let top = max(r, g, b)
            guard top > 1 else { return .black }
            switch (r == top, g == top, b == top) {
            case (true, true, true): return .white
            case (true, true, false): return .yellow
            case (true, false, true): return .magenta
            case (false, true, true): return .cyan
            case (true, false, false): return .red
            case (false, true, false): return .green
            default: return .blue
            }
        }
    }
}

/// Text attributes a cell can carry.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
}

/// How a cell looks: colours and attributes. Screens pick styles from a theme so
/// that `--no-color` and 8-colour terminals degrade in one place (the backend).
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    public func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// This style drawn over `base`: where this one leaves the background to the
    /// terminal, it takes the background of `base`, so that a border or a key
    /// drawn inside a coloured dialog does not punch a hole in it.
    public func on(_ base: Style) -> Style {
        guard background == .default else { return self }
        var copy = self
        copy.background = base.background
        return copy
    }
}
