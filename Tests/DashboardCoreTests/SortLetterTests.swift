import DashboardCore
import Foundation
import TextLayout
import Testing

/// Shift and a letter sorts by the column whose header brackets it, as in k9s.
@Suite("Sort by a column's letter")
struct SortLetterTests {
    @Test("Shift-S sorts by STATUS, S again reverses; Shift-H by $/H; o and O still cycle and reverse")
    func letters() {
        var store = TestStore(Fixture.loadedState())
        // chat-prod (row 0 of the fleet) stays selected wherever it goes; the
        // rows on screen in a new order, the READY sweep looks again.
        store.send(.command(.sortBy("S")), effects: [.sweep()]) {
            $0.listings[.instances]!.sortColumn = 1
            $0.listings[.instances]!.order = [0, 1, 2, 4, 3]  // ACTIVE DEPLOYING DISABLED ERROR PARTIALLYDEPLOYED
            $0.detailSweepQueue = ["e5", "c3", "a1", "b2"]  // b2 (deploying) next, then in the new screen order
        }
        store.send(.command(.sortBy("S")), effects: [.sweep()]) {
            $0.listings[.instances]!.ascending = false
            $0.listings[.instances]!.order = [3, 4, 2, 1, 0]
            $0.listings[.instances]!.selectedIndex = 4
            $0.detailSweepQueue = ["a1", "c3", "e5", "b2"]
        }
        store.send(.command(.sortBy("H")), effects: [.sweep()]) {
            $0.listings[.instances]!.sortColumn = 4
            $0.listings[.instances]!.ascending = true
            $0.listings[.instances]!.order = [4, 2, 1, 0, 3]  // $0 (support-bot, whisper-batch by name), $1.44, $2.88, $9.96
            $0.listings[.instances]!.selectedIndex = 3
        }
        store.send(.command(.reverseSort), effects: [.sweep()]) {
            $0.listings[.instances]!.ascending = false
            $0.listings[.instances]!.order = [3, 0, 1, 4, 2]
            $0.listings[.instances]!.selectedIndex = 1
            $0.detailSweepQueue = ["c3", "e5", "a1", "b2"]
        }
        store.send(.command(.cycleSort), effects: [.sweep()]) {  // AGE, the column after $/H: newest first
            $0.listings[.instances]!.sortColumn = 5
            $0.listings[.instances]!.ascending = true
            $0.listings[.instances]!.order = [1, 4, 2, 3, 0]
            $0.listings[.instances]!.selectedIndex = 4
            $0.detailSweepQueue = ["a1", "c3", "e5", "b2"]
        }
        let table = Fixture.table(of: .instances, in: store.state)!
        #expect(table.headers.map(\.sortLetter) == ["N", "S", "F", "R", "H", "A", "E", "W", "I"])
        #expect(table.headers[5].sort == .ascending)
    }

    @Test("A letter no column of the pane has says so and changes no order")
    func unknownLetter() {
        var store = TestStore(Fixture.loadedState())
        let flash = store.state.flashCount + 1
        store.send(.command(.sortBy("Z")), effects: [.flashExpiry(flash)]) {
            $0.flashes("No column of Instances sorts by Z: the header brackets the letters that do")
        }
    }

    @Test("The keymap sends Shift and a free letter as a sort; D, G, O and T keep their commands")
    func keymap() {
        let state = Fixture.loadedState()
        let keys = Keymap.standard
        #expect(keys.action(for: .character("N"), in: state) == .command(.sortBy("N")))
        #expect(keys.action(for: .character("H"), in: state) == .command(.sortBy("H")))
        #expect(keys.action(for: .character("D"), in: state) == .command(.delete))
        #expect(keys.action(for: .character("G"), in: state) == .command(.move(.bottom)))
        #expect(keys.action(for: .character("O"), in: state) == .command(.reverseSort))
        #expect(keys.action(for: .character("T"), in: state) == .command(.stopTimer))
        #expect(keys.action(for: .character("n"), in: state) == .command(.new))
        #expect(keys.action(for: .character("é"), in: state) == nil)
    }

    @Test("Every pane's letters: one per column at most, each in its title, none a key of a command; each sorts its column",
          arguments: [Pane.instances, .regions, .hardware, .models, .registries, .events])
    func everyPane(pane: Pane) throws {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(pane)))
        let headers = try #require(Fixture.table(of: pane, in: state)).headers
        let letters = headers.compactMap(\.sortLetter)
        #expect(letters.count >= 2)
        #expect(Set(letters).count == letters.count)
        for header in headers {
            guard let letter = header.sortLetter else { continue }
            #expect(header.title.uppercased().contains(letter), "\(letter) in \(header.title)")
            #expect(Keymap.standard.bindings[.character(letter)] == nil, "\(letter) is a command's key")
            _ = reduce(&state, .command(.sortBy(letter)))
            #expect(state.listings[pane]!.sortColumn == headers.firstIndex(of: header))
        }
    }

    @Test("A letter the config gives to a command is that command's, and the header no longer brackets it")
    func remappedLetter() throws {
        var state = Fixture.loadedState()
        state.settings.keymap = try Keymap.standard.remapping([(.help, [.character("N")])])
        #expect(state.settings.keymap.action(for: .character("N"), in: state) == .command(.help))
        let headers = try #require(Fixture.table(of: .instances, in: state)).headers
        #expect(headers[0].sortLetter == nil && headers[1].sortLetter == "S")
    }
}
