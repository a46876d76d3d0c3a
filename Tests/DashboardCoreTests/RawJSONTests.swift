import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// `y`: the selected row, or the open detail, as JSON; env values masked.
@Suite("Raw JSON")
struct RawJSONTests {
    static func page(_ state: State) -> TextPageModel? {
        guard case .page(let page)? = ScreenModel(state).overlay else { return nil }
        return page
    }

    @Test("y on an instance whose detail is known: the detail, keys sorted, env values masked; y or Esc closes")
    func instanceDetail() throws {
        var state = Fixture.loadedState()
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 1)), at: Fixture.t0))
        #expect(Keymap.standard.action(for: .character("y"), in: state) == .command(.rawJSON))
        _ = reduce(&state, .command(.rawJSON))
        let page = try #require(Self.page(state))
        #expect(page.title == "chat-prod as JSON — Esc or y closes")
        let text = page.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains(#""hardwareId" : "hw-l40s""#))
        #expect(text.contains(#""HF_TOKEN" : "••••••""#))
        #expect(!text.contains("hf_secret_value"))
        #expect(page.lines.allSatisfy { $0.text.count <= 76 })
        #expect(Keymap.standard.action(for: .escape, in: state) == .command(.rawJSON))
        _ = reduce(&state, .command(.rawJSON))
        #expect(state.overlay == nil)
    }

    @Test("y on the Regions pane: the region; a line wider than the box goes on under itself, and scrolls")
    func regionAndWrapping() throws {
        var state = Fixture.loadedState(width: 60, height: 16)
        _ = reduce(&state, .command(.showPane(.regions)))
        _ = reduce(&state, .command(.rawJSON))
        let page = try #require(Self.page(state))
        #expect(page.lines.contains { $0.text.contains(#""name" : "Paris""#) })
        #expect(page.lines.allSatisfy { $0.text.count <= 56 })
        _ = reduce(&state, .command(.move(.bottom)))
        #expect(state.pageScroll == page.maxScroll)
    }

    @Test("y with nothing selected says so")
    func nothingSelected() {
        var state = Fixture.launchedState()
        _ = reduce(&state, .command(.rawJSON))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "y shows the selected row as JSON: nothing is selected")
    }
}
