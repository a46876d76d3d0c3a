import DashboardCore
import Testing

/// `Y`: the selected instance's address to the clipboard, by the terminal.
@Suite("Copying an address")
struct CopyAddressTests {
    @Test("Y is bound to copying the address, not to anything else")
    func bound() {
        let state = Fixture.loadedState()
        #expect(Keymap.standard.action(for: .character("Y"), in: state) == .command(.copyAddress))
        #expect(Keymap.standard.bindings.filter { $0.value == .copyAddress }.map(\.key) == [.character("Y")])
        #expect(Command(configName: "copy-address") == .copyAddress)
    }

    @Test("Y copies the selected instance's address and says what it copied")
    func copies() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.copyAddress), effects: [.copyToClipboard("https://x.ai.sesterce.dev/"), .flashExpiry(1)]) {
            $0.flashes("copied https://x.ai.sesterce.dev/")
        }
    }

    @Test("An instance without an address: nothing is copied, and the footer says why")
    func noAddress() {
        var state = Fixture.loadedState()
        state.instances[0].address = nil  // chat-prod, the selected row
        var store = TestStore(state)
        store.send(.command(.copyAddress), effects: [.flashExpiry(1)]) {
            $0.flashes("chat-prod has no address yet: nothing copied")
        }
    }

    @Test("On a pane without instances Y says where it works")
    func otherPane() {
        var state = Fixture.loadedState()
        state.pane = .regions
        var store = TestStore(state)
        store.send(.command(.copyAddress), effects: [.flashExpiry(1)]) {
            $0.flashes("Y copies the address of the selected instance (Instances pane, 1)")
        }
    }
}
