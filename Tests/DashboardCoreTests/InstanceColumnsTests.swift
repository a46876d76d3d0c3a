import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// HARDWARE and REGIONS of the Instances table: read from details, which
/// the list does not carry, so rows sorted or filtered by them move when a
/// detail comes.
@Suite("Instance columns from details")
struct InstanceColumnsTests {
    @Test("Sorted by HARDWARE, a row moves when its detail comes; a filter finds a row by its region once known")
    func sortAndFilter() throws {
        var state = Fixture.loadedState(width: 120, height: 40)
        let headers = try #require(Fixture.table(of: .instances, in: state)).headers.map(\.title)
        let hardware = try #require(headers.firstIndex(of: "HARDWARE"))
        #expect(headers.firstIndex(of: "REGIONS") == hardware + 1)
        while state.listings[.instances]?.sortColumn != hardware { _ = reduce(&state, .command(.cycleSort)) }
        #expect(Fixture.names(state) == ["chat-prod", "llama70b-eu", "sdxl-render", "support-bot", "whisper-batch"])
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("e5", name: "support-bot", ready: 0, total: 1)), at: Fixture.t0, id: "e5"))
        // "-" (no detail yet) before "1xL40S".
        #expect(Fixture.names(state) == ["chat-prod", "llama70b-eu", "sdxl-render", "whisper-batch", "support-bot"])

        _ = reduce(&state, .command(.beginFilter))
        for character in "paris" { _ = reduce(&state, .filterInput(character)) }
        #expect(Fixture.names(state) == ["support-bot"])
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0, id: "a1"))
        #expect(Fixture.names(state) == ["chat-prod", "support-bot"])
    }
}
