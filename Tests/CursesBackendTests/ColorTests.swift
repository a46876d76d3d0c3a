import Testing
import TerminalUI
@testable import CursesBackend

@Suite("Colour depth and pairs")
struct ColorTests {
    @Test func depthFollowsTheTerminalUnlessColourIsOff() {
        #expect(ColorDepth(mode: .auto, hasColors: true, colorCount: 256) == .indexed256)
        #expect(ColorDepth(mode: .auto, hasColors: true, colorCount: 88) == .basic)
        #expect(ColorDepth(mode: .auto, hasColors: true, colorCount: 16) == .basic)
        #expect(ColorDepth(mode: .auto, hasColors: true, colorCount: 8) == .basic)
        #expect(ColorDepth(mode: .auto, hasColors: true, colorCount: 2) == .none)
        #expect(ColorDepth(mode: .auto, hasColors: false, colorCount: 0) == .none)
        #expect(ColorDepth(mode: .none, hasColors: true, colorCount: 256) == .none)
    }

    /// Pairs a table hands out, and the colours it allocated them with.
    private struct Allocations {
        var table: ColorPairTable
        var made: [Int16: [Int16]] = [:]

        init(_ depth: ColorDepth, hasDefaultColors: Bool = true, capacity: Int = 256) {
            table = ColorPairTable(depth: depth, hasDefaultColors: hasDefaultColors, capacity: capacity)
        }

        mutating func pair(_ foreground: Color, _ background: Color = .default) -> Int16 {
            table.pair(foreground: foreground, background: background) { number, colors in
                made[number] = [colors.foreground, colors.background]
            }
        }
    }

    @Test func at256ColoursIndexedColoursAreUsedAsIs() {
        var pairs = Allocations(.indexed256)
        #expect(pairs.pair(.indexed(208), .indexed(236)) == 1)
        #expect(pairs.pair(.red) == 2)
        #expect(pairs.made == [1: [208, 236], 2: [1, -1]])
    }

    @Test func at8ColoursIndexedColoursFallBackToTheBasicOnes() {
        var pairs = Allocations(.basic)
        #expect(pairs.pair(.indexed(196)) == 1)  // bright red in the cube
        #expect(pairs.pair(.indexed(9), .indexed(0)) == 2)
        #expect(pairs.made == [1: [1, -1], 2: [1, 0]])
    }

    @Test func withoutColoursEverythingIsPairZero() {
        var pairs = Allocations(.none)
        #expect(pairs.pair(.red, .blue) == 0)
        #expect(pairs.pair(.indexed(208)) == 0)
        #expect(pairs.made.isEmpty)
    }

    @Test func theTerminalsOwnColoursNeedNoPair() {
        var pairs = Allocations(.indexed256)
        #expect(pairs.pair(.default, .default) == 0)
        #expect(pairs.made.isEmpty)
    }

    @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlack() {
        var pairs = Allocations(.basic, hasDefaultColors: false)
        #expect(pairs.pair(.default, .default) == 1)
        #expect(pairs.pair(.green) == 2)
        #expect(pairs.made == [1: [7, 0], 2: [2, 0]])
    }

    @Test func aCombinationIsAllocatedOnceAndReused() {
        var pairs = Allocations(.indexed256)
        let first = pairs.pair(.yellow, .blue)
        let other = pairs.pair(.blue, .yellow)
        #expect(pairs.pair(.yellow, .blue) == first)
        #expect(pairs.pair(.blue, .yellow) == other)
        #expect(first != other)
        #expect(pairs.made.count == 2)
    }

    @Test func colorsThatFallBackToTheSameBasicOneShareAPair() {
        var pairs = Allocations(.basic)
        #expect(pairs.pair(.red) == pairs.pair(.indexed(1)))
        #expect(pairs.pair(.red) == pairs.pair(.indexed(160)))
        #expect(pairs.made.count == 1)
    }

    @Test func whenPairsRunOutTheRestDrawInTheTerminalsColours() {
        var pairs = Allocations(.basic, capacity: 3)  // pairs 1 and 2 usable
        #expect(pairs.pair(.red) == 1)
        #expect(pairs.pair(.green) == 2)
        #expect(pairs.pair(.blue) == 0)
        #expect(pairs.pair(.red) == 1)
        #expect(pairs.made.count == 2)
    }
}
