import DashboardCore
import Foundation
import SesterceAPI
import Testing

@Suite("View-models")
struct ViewModelTests {
    @Test("Money has two decimals and thousands separators")
    func money() {
        #expect(Formatting.money(2.55) == "$2.55")
        #expect(Formatting.money(3) == "$3.00")
        #expect(Formatting.money(10424.4) == "$10,424.40")
        #expect(Formatting.money(0.005) == "$0.01")
    }

    @Test("Ages read 45s, 3m, 2h, 5d")
    func ages() {
        let now = Fixture.t0
        #expect(Formatting.age(since: now.addingTimeInterval(-45), now: now) == "45s")
        #expect(Formatting.age(since: now.addingTimeInterval(-200), now: now) == "3m")
        #expect(Formatting.age(since: now.addingTimeInterval(-7300), now: now) == "2h")
        #expect(Formatting.age(since: now.addingTimeInterval(-86_400 * 5), now: now) == "5d")
        #expect(Formatting.age(since: nil, now: now) == "-")
    }

    @Test("Statuses fall into ok, progress, stopped, failed and unknown; unknown ones are shown as they are")
    func statusClasses() {
        #expect(StatusClass(.active) == .ok)
        #expect(StatusClass(.deploying) == .progress)
        #expect(StatusClass(.partiallyDeployed) == .progress)
        #expect(StatusClass(.disabled) == .stopped)
        #expect(StatusClass(.failed) == .failed)
        #expect(StatusClass(.other("MIGRATING")) == .unknown)
        var state = Fixture.loadedState()
        _ = reduce(&state, .instancesPolled(.success([Fixture.instance("z", "odd", .other("MIGRATING"))]), detail: nil, at: Fixture.t0))
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(table.rows[0][1] == TableModel.Cell(text: "MIGRATING", tone: .unknown))
    }

    @Test("The instance row shows ready/total, hardware and regions from the detail, $/h and age; - until the detail is known")
    func instanceRow() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 2)), at: Fixture.t0))
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        let row = table.rows[0].map(\.text)
        #expect(row == ["chat-prod", "ACTIVE", "chat", "1/2", "$2.88", "3d", "x.ai.sesterce.dev/", "1xL40S", "Paris"])
        #expect(table.rows[0][3].tone == .warning)
        #expect(table.rows[0][7].tone == .normal)
        #expect(table.rows[1][3].text == "-")
        #expect(table.rows[1][7] == TableModel.Cell(text: "-", tone: .muted))
        #expect(table.rows[1][8] == TableModel.Cell(text: "-", tone: .muted))
    }

    @Test("The detail names hardware, model and regions, shows errors in red and masks secrets")
    func detail() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.openDetail))
        _ = reduce(&state, .detailLoaded(.success(Fixture.detail("a1", name: "chat-prod", ready: 1, total: 2, error: "Pod crashed")), at: Fixture.t0))
        guard case .detail(let detail) = ScreenModel(state).body else { Issue.record("no detail"); return }
        #expect(detail.title == "chat-prod")
        #expect(detail.lines.contains(.field(label: "Hardware", value: "1xL40S / 16 vCPU / 232GiB RAM", tone: .normal)))
        #expect(detail.lines.contains(.field(label: "Model", value: "llama-3.1-8b-instruct", tone: .normal)))
        #expect(detail.lines.contains(.deployment(region: "Paris", ready: 1, total: 2, limits: "min 1 · max 4 · cooldown 300s")))
        #expect(detail.lines.contains(.note("triggers: gpuUtilization 80% · http 50 req/30s", tone: .muted)))
        #expect(detail.lines.contains(.note("Pod crashed", tone: .error)))
        #expect(detail.lines.contains(.note("HF_TOKEN=••••••••", tone: .normal)))
        #expect(detail.lines.contains(.note("MAX_MODEL_LEN=8192", tone: .normal)))
        #expect(!detail.lines.contains { "\($0)".contains("hf_secret_value") })
    }

    @Test("Regions show capacity per hardware by name, zero dimmed, inactive regions marked")
    func regions() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.regions)))
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(table.headers.map(\.title) == ["REGION", "STATE", "1xL40S", "1xH100", "TOTAL"])
        #expect(table.rows[0].map(\.text) == ["Paris (FR)", "ACTIVE", "12", "0", "12"])
        #expect(table.rows[0][3].tone == .muted)
        #expect(table.rows[1][1] == TableModel.Cell(text: "MAINTENANCE", tone: .warning))
    }

    @Test("A hardware column of Regions is as wide as its name in terminal columns")
    func regionsColumnOfAWideName() {
        var state = Fixture.loadedState()
        let wide = HardwareFlavor(id: "hw-cjk", name: "推理サーバー / 8 vCPU", cpuMillicores: 8000, ramMiB: 65_536, gpu: nil)
        state.receive(CatalogLists(
            models: .success([Fixture.llama]), hardware: .success([Fixture.l40s, wide]),
            regions: .success([Fixture.paris]), registries: .success([])), at: Fixture.t0)
        guard let table = Fixture.table(of: .regions, in: state) else { Issue.record("no table"); return }
        #expect(table.headers.map(\.title) == ["REGION", "STATE", "1xL40S", "推理サーバー", "TOTAL"])
        #expect(table.headers[3].minWidth == 12)
    }

    @Test("Hardware shows GPU, memory, vCPU, RAM, one pod's price and regions with capacity")
    func hardware() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .hardwarePricesLoaded(asked: ["hw-l40s"], ["hw-l40s": 1.44]))
        _ = reduce(&state, .command(.showPane(.hardware)))
        guard case .table(let table) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(table.rows[0].map(\.text) == ["1xH100 / 26 vCPU / 225GiB RAM", "NVIDIA-H100-80GB x1", "80 GiB", "26", "225 GiB", "…", "0"])
        #expect(table.rows[1].map(\.text) == ["1xL40S / 16 vCPU / 232GiB RAM", "NVIDIA-L40S x1", "48 GiB", "16", "232 GiB", "$1.44", "1"])
    }

    @Test("Models show the default hardware by name; registries their dates")
    func modelsAndRegistries() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.showPane(.models)))
        guard case .table(let models) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(models.rows[0].map(\.text) == ["llama-3.1-8b-instruct", "chat", "8000", "1xL40S / 16 vCPU / 232GiB RAM"])
        _ = reduce(&state, .command(.showPane(.registries)))
        guard case .table(let registries) = ScreenModel(state).body else { Issue.record("no table"); return }
        #expect(registries.rows[0].map(\.text) == ["ghcr-vllm", "ghcr.io/acme/vllm:1", "2026-01-01 00:00 UTC", "2026-01-01 00:00 UTC"])
    }

    @Test("Help lists the bound keys of every command and how the burn rate is counted")
    func help() {
        var state = Fixture.loadedState()
        _ = reduce(&state, .command(.help))
        guard case .help(let help) = ScreenModel(state).overlay else { Issue.record("no help"); return }
        let entries = help.sections.flatMap(\.entries)
        #expect(entries.contains(HelpModel.Entry(keys: "x", action: "stop the selected (or marked) instances (confirm with y)")))
        #expect(entries.contains(HelpModel.Entry(keys: "Space", action: "mark the instance, move down: s x T D then act on all marked")))
        #expect(entries.contains(HelpModel.Entry(keys: "\\ Ctrl-Space", action: "unmark every instance")))
        #expect(entries.contains { $0.keys == "Shift-A…Z" && $0.action.contains("[N]AME") })
        #expect(entries.contains(HelpModel.Entry(keys: "q Ctrl-C", action: "quit")))
        #expect(help.notes.first?.contains("billed instances: ACTIVE") == true)
        #expect(help.notes.contains { $0.contains("Not billed: DISABLED, DELETING, DELETED, ERROR, FAILED") })
        #expect(entries.contains(HelpModel.Entry(keys: "w", action: "Cost pane: next chart window")))
    }
}
