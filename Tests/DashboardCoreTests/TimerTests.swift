import DashboardCore
import Foundation
import Testing

@Suite("Flash and clock timers")
struct TimerTests {
    let t0 = Fixture.t0

    @Test("A new message arms its expiry; an older expiry, a tick or another key does not clear a newer message")
    func flashExpiry() {
        var store = TestStore(Fixture.loadedState())
        store.send(.command(.start), effects: [.flashExpiry(1)]) { $0.flashes("chat-prod is already running") }
        store.send(.command(.start), effects: [.flashExpiry(2)]) { $0.flashes("chat-prod is already running") }
        store.send(.flashExpired(1))
        let later = t0.addingTimeInterval(30)
        store.send(.tick(later), effects: [.clock(armedAt: later)]) { $0.now = later }
        store.send(.command(.move(.down))) {
            $0.listings[.instances]!.selectedIndex = 1
            $0.listings[.instances]!.selectedId = "d4"
        }
        store.send(.flashExpired(2)) { $0.flash = nil }
        store.send(.flashExpired(2))
    }

    @Test("The clock runs while the header is shown: not below 60x16, armed when the terminal grows, again after each tick")
    func clock() {
        var store = TestStore(State(settings: .init(host: "h"), now: t0))
        store.send(.resized(width: 59, height: 30)) {
            $0.width = 59
            $0.height = 30
        }
        store.send(.launched(t0), effects: [.pollInstances(detailId: nil)] + Effect.catalogPolls) {
            $0.sendsPoll(.instances)
            $0.sendsCatalogPolls()
        }
        store.send(.resized(width: 60, height: 16), effects: [.clock(armedAt: t0)]) {
            $0.width = 60
            $0.height = 16
            $0.clockArmed = true
        }
        let second = t0.addingTimeInterval(1)
        store.send(.tick(second), effects: [.clock(armedAt: second)]) { $0.now = second }
        // A tick that comes late does not turn the clock back.
        store.send(.tick(t0), effects: [.clock(armedAt: second)])
        store.send(.resized(width: 120, height: 15)) {
            $0.width = 120
            $0.height = 15
        }
        let third = t0.addingTimeInterval(2)
        store.send(.tick(third)) {
            $0.now = third
            $0.clockArmed = false
        }
        store.send(.resized(width: 120, height: 40), effects: [.clock(armedAt: third)]) {
            $0.height = 40
            $0.clockArmed = true
        }
    }
}
