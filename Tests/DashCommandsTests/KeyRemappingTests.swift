import DashboardCore
import Testing
import TextLayout

/// Remapping as the config file drives it: names and labels as on screen.
@Suite("Key remapping")
struct KeyRemappingTests {
    @Test("Every key label the help shows for the standard keymap reads back as the same key")
    func labelsRoundTrip() {
        let keys = Array(Keymap.standard.bindings.keys)
        let misread = keys.filter { KeyEvent(label: Keymap.label($0)) != $0 }
        #expect(misread.isEmpty)
    }

    @Test("Every command has a distinct name that reads back")
    func commandNames() {
        let names = Command.configNames.map(\.name)
        #expect(Set(names).count == names.count)
        let misread = Command.configNames.filter { Command(configName: $0.name) != $0.command }
        #expect(misread.isEmpty)
    }

    @Test("Every command of the standard keymap can be remapped by name, and no name is for a command without keys")
    func everyBoundCommandNamed() {
        let bound = Set(Keymap.standard.bindings.values)
        let unnamed = bound.filter { $0.configName == nil }
        #expect(unnamed.isEmpty)
        let unbound = Command.remappable.filter { !bound.contains($0) }
        #expect(unbound.isEmpty)
    }

    @Test("Long names are read in any case; single characters keep theirs")
    func labelCase() {
        #expect(KeyEvent(label: "ctrl-r") == .ctrl("r"))
        #expect(KeyEvent(label: "PGDN") == .pageDown)
        #expect(KeyEvent(label: "Up") == .up)
        #expect(KeyEvent(label: "Q") == .character("Q"))
        #expect(KeyEvent(label: "q") == .character("q"))
    }

    @Test("Keys a terminal cannot send on their own are refused")
    func unsendable() {
        #expect(KeyEvent(label: "Ctrl-M") == nil)
        #expect(KeyEvent(label: "Ctrl-I") == nil)
        #expect(KeyEvent(label: "F13") == nil)
        #expect(KeyEvent(label: " ") == nil)
        #expect(KeyEvent(label: "") == nil)
    }

    @Test("A remapped command loses its default keys, which then do nothing")
    func replacesDefaults() throws {
        let keymap = try Keymap.standard.remapping([(.refresh, [.character("R")])])
        #expect(keymap.bindings[.character("r")] == nil)
        #expect(keymap.bindings[.ctrl("r")] == nil)
        #expect(keymap.bindings[.character("R")] == .refresh)
        #expect(keymap.bindings[.character("q")] == .quit)
    }

    @Test("Remapping quit keeps Ctrl-C as a way out")
    func quitKeepsCtrlC() throws {
        let keymap = try Keymap.standard.remapping([(.quit, [.character("Q")])])
        #expect(keymap.keys(for: .quit) == [.character("Q"), .ctrl("c")])
    }
}
