import DashboardCore
import Foundation
import SesterceAPI
import Testing
import TerminalUI
import TextLayout

/// Instance names come from whoever created the instance. Whatever they hold
/// (escape sequences, emoji, CJK, 10,000 characters), every screen keeps each
/// row exactly the terminal's width and no control character reaches a cell.
@Suite("Hostile text on screen")
struct HostileTextScreenTests {
    /// 10,000 characters, wide and narrow mixed.
    static let hugeName = String(repeating: "名x", count: 5000)

    static let names = [
        "\u{1B}[31mred\u{1B}[0m-\u{1B}]0;pwned\u{07}-\u{1B}[2J\u{1B}[H",
        "🚀🔥 launch 👩‍👩‍👧 🇫🇷 ✔︎",
        "推理服务-東京-生产环境-한국어",
        hugeName,
        "tab\there\nnew line\r\u{7F}\u{9B}31m\u{202E}evil\u{2066}",
        "e\u{301}\u{301}\u{20DD} combining \u{200B}zero-width",
    ]

    static var fleet: [Instance] {
        names.enumerated().map { index, name in
            Instance(
                id: "h\(index)", name: name, status: index == 1 ? .other("\u{1B}[5mWEIRD") : .active,
                hourlyPrice: 1.5, features: ["chat", name], address: "https://\(name).example/",
                createdAt: ScreenFixture.t0, updatedAt: ScreenFixture.t0)
        }
    }

    static func detail(id: String, name: String) -> InstanceDetail {
        InstanceDetail(
            id: id, name: name, status: .active, hourlyPrice: 1.5, features: [name], address: name,
            containerPort: 8000, description: "line one\nline two \u{1B}[1m" + name, podLifetime: nil,
            regions: [
                RegionDeployment(
                    regionId: 999, scale: ScaleLimits(min: 1, max: 2, cooldownPeriod: 60), total: 2, ready: 1,
                    errorMessage: "\u{1B}[1mboom\u{1B}[0m 💥 失败: " + name),
            ],
            hardwareId: "hw-\u{1B}[31m", modelId: name, registryId: nil,
            envs: ["API_KEY": "\u{1B}]52;c;c2VjcmV0\u{07}", "NOTE": "推理\u{1B}[2J" + name],
            startupCommand: "sh -c 'echo \u{1B}[2J'\n" + name, apiKeyIds: [name],
            createdAt: ScreenFixture.t0, updatedAt: ScreenFixture.t0)
    }

    @Test("Every row is the buffer's width, wide characters whole, no control character in a cell",
          arguments: zip([80, 120], [24, 40]))
    func everyScreenStaysInItsCells(width: Int, height: Int) {
        var state = ScreenFixture.loaded(width: width, height: height, fleet: Self.fleet)
        var frames: [(String, State)] = []
        for (index, name) in Self.names.enumerated() {
            frames.append(("pane, row \(index) selected", state))
            frames.append(("stop dialog, row \(index)", ScreenFixture.after(state, [.command(.stop)])))
            let id = state.listings[.instances]?.selectedId ?? "h\(index)"
            let detail = ScreenFixture.after(state, [
                .command(.openDetail), .detailLoaded(.success(Self.detail(id: id, name: name)), at: ScreenFixture.now),
            ])
            frames.append(("detail, row \(index)", detail))
            frames.append(("detail at its end, row \(index)", ScreenFixture.after(detail, [.command(.move(.bottom))])))
            _ = reduce(&state, .command(.move(.down)))
        }
        let hostileFilter: [Action] = [.command(.beginFilter)] + "\u{1B}[2J名🚀x".map(Action.filterInput)
        frames.append(("filter being typed", ScreenFixture.after(state, hostileFilter)))
        frames.append(("help", ScreenFixture.after(state, [.command(.help)])))

        for (name, frame) in frames {
            let buffer = ScreenFixture.render(frame)
            let lines = buffer.lines
            #expect(lines.count == height, "\(name)")
            let widths = lines.map { DisplayWidth.of($0) }
            #expect(widths == Array(repeating: width, count: height), "\(name)")
            #expect(isControlFree(buffer), "\(name)")
            #expect(wideCharactersAreWhole(buffer), "\(name)")
            let text = lines.joined()
            #expect(!text.contains("c2VjcmV0"), "\(name): a secret env value reached the screen")
        }
    }

    @Test("The huge name is cut with … in its column, and the rows after it are intact")
    func hugeNameIsCut() {
        let state = ScreenFixture.loaded(width: 80, height: 24, fleet: Self.fleet)
        let lines = ScreenFixture.render(state).lines
        let row = lines.first { $0.hasPrefix("名x名x") }
        #expect(row?.hasPrefix("名x名x名x名x名… ") == true)
        #expect(lines[3 + Self.names.count].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test("Server errors in the flash and on form fields, and an edit form of a hostile instance, stay in their cells",
          arguments: zip([80, 120], [24, 40]))
    func errorsAndForms(width: Int, height: Int) {
        let state = ScreenFixture.loaded(width: width, height: height, fleet: Self.fleet)
        var frames: [(String, State)] = []
        for (index, name) in Self.names.enumerated() {
            let failed = ScreenFixture.after(state, [
                .instancesPolled(.failure(.server(status: 500, message: name)), detail: nil, at: ScreenFixture.now),
            ])
            frames.append(("refresh error \(index)", failed))
            let id = "h\(index)"
            var editing = ScreenFixture.after(state, [
                .detailLoaded(.success(Self.detail(id: id, name: name)), at: ScreenFixture.now),
            ])
            editing.listings[.instances]?.selectedId = id
            editing = ScreenFixture.after(editing, [.command(.edit)])
            frames.append(("edit form \(index)", editing))
            // As if sent (the hostile ids are not in the catalog, so the form would not send).
            editing.form?.submitting = true
            let sent = InstanceSpec(name: name, modelId: name, hardwareId: "hw-l40s", containerPort: 8000, regions: [])
            let refused = ScreenFixture.after(editing, [
                .instanceSaved(.updateInstance(id: id, spec: sent),
                               .failure(.validation(messages: ["containerPort " + name, name]))),
            ])
            #expect(refused.form?.form.field("port")?.error != nil, "edit refused \(index): message on its field")
            frames.append(("edit refused \(index)", refused))
        }
        for (name, frame) in frames {
            let buffer = ScreenFixture.render(frame)
            let lines = buffer.lines
            #expect(lines.map { DisplayWidth.of($0) } == Array(repeating: width, count: height), "\(name)")
            #expect(isControlFree(buffer), "\(name)")
            #expect(wideCharactersAreWhole(buffer), "\(name)")
            #expect(!lines.joined().contains("c2VjcmV0"), "\(name): a secret env value reached the screen")
        }
    }
}
