import DashboardCore
import Foundation
import SesterceAPI
import TerminalUI
import Testing
import TextLayout

/// A realistic account for screen tests, loaded into a `State` through `reduce`
/// the way the running dashboard receives it: launch, catalog poll, price
/// previews, instance polls for half an hour (so the spend meter has run), a clock tick.
enum ScreenFixture {
    /// 2026-01-01 00:00 UTC: launch time. Everything is dated from here.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)
    /// The second instance poll, half an hour after launch.
    static let lastPoll = t0.addingTimeInterval(1800)
    /// The frame is drawn 3 seconds after the last poll.
    static let now = lastPoll.addingTimeInterval(3)

    static let host = "api.cloud.sesterce.com"

    // MARK: Catalog

    static let l40s = HardwareFlavor(
        id: "hw-l40s", name: "1xL40S / 16 vCPU / 232GiB RAM", cpuMillicores: 16000, ramMiB: 237_568,
        gpu: GPU(model: "NVIDIA-L40S", count: 1, memoryGiB: 48))
    static let h100 = HardwareFlavor(
        id: "hw-h100", name: "1xH100 / 26 vCPU / 225GiB RAM", cpuMillicores: 26000, ramMiB: 230_400,
        gpu: GPU(model: "NVIDIA-H100-80GB", count: 1, memoryGiB: 80))
    static let h200x8 = HardwareFlavor(
        id: "hw-h200x8", name: "8xH200 / 184 vCPU / 1.5TiB RAM", cpuMillicores: 184_000, ramMiB: 1_572_864,
        gpu: GPU(model: "NVIDIA-H200-141GB", count: 8, memoryGiB: 141))

    static let paris = Region(
        id: 42, name: "Paris", countryCode: "FR", state: "ACTIVE", capacities: ["hw-l40s": 12, "hw-h100": 0, "hw-h200x8": 1])
    static let helsinki = Region(
        id: 7, name: "Helsinki", countryCode: "FI", state: "ACTIVE", capacities: ["hw-l40s": 3, "hw-h100": 6, "hw-h200x8": 0])
    static let tokyo = Region(
        id: 104, name: "Tokyo", countryCode: "JP", state: "MAINTENANCE", capacities: ["hw-l40s": 4, "hw-h100": 2])

    static let llama = InferenceModel(
        id: "m-llama", name: "llama-3.1-8b-instruct", port: 8000, defaultHardwareId: "hw-l40s", features: ["chat"])
    static let llama70b = InferenceModel(
        id: "m-llama70b", name: "llama-3.3-70b-instruct", port: 8000, defaultHardwareId: "hw-h100", features: ["chat", "tools"])
    static let whisper = InferenceModel(
        id: "m-whisper", name: "whisper-large-v3", port: 9000, defaultHardwareId: "hw-l40s", features: ["audio"])

    static let ghcr = Registry(
        id: "r-ghcr", name: "ghcr-vllm", url: "ghcr.io/acme/vllm", username: "acme-bot",
        createdAt: t0.addingTimeInterval(-86_400 * 40), updatedAt: t0.addingTimeInterval(-86_400 * 2 + 3660))
    static let dockerhub = Registry(
        id: "r-hub", name: "dockerhub-acme", url: "registry-1.docker.io/acme/inference", username: nil,
        createdAt: t0.addingTimeInterval(-86_400 * 90 + 45_000), updatedAt: t0.addingTimeInterval(-86_400 * 90 + 45_000))

    /// The four catalog lists, as their polls bring them.
    static var catalog: [CatalogList] {
        [
            .models(.success([llama, llama70b, whisper])), .hardware(.success([l40s, h100, h200x8])),
            .regions(.success([paris, helsinki, tokyo])), .registries(.success([ghcr, dockerhub])),
        ]
    }

    static let prices: [String: Double] = ["hw-l40s": 1.44, "hw-h100": 2.49, "hw-h200x8": 28.72]

    // MARK: Instances

    static func instance(
        _ id: String, _ name: String, _ status: InstanceStatus, price: Double, features: [String] = ["chat"],
        age: TimeInterval, address: String?
    ) -> Instance {
        Instance(
            id: id, name: name, status: status, hourlyPrice: price, features: features, address: address,
            createdAt: t0.addingTimeInterval(-age), updatedAt: t0)
    }

    static let fleet: [Instance] = [
        instance("i-chat", "chat-prod-eu", .active, price: 2.88, age: 86_400 * 12,
                 address: "https://chat-prod-eu.ai.sesterce.dev/"),
        instance("i-sdxl", "sdxl-render", .deploying, price: 1.44, features: ["image"], age: 240,
                 address: nil),
        instance("i-whisper", "whisper-batch", .disabled, price: 1.44, features: ["audio"], age: 7200,
                 address: "https://whisper-batch.ai.sesterce.dev/"),
        instance("i-llama", "llama70b-eu", .partiallyDeployed, price: 9.96, features: ["chat", "tools"], age: 86_400,
                 address: "https://llama70b-eu.ai.sesterce.dev/"),
        instance("i-support", "support-bot", .error, price: 1.44, age: 600,
                 address: "https://support-bot.ai.sesterce.dev/"),
    ]

    /// The detail of chat-prod-eu: healthy in Paris, failing in Tokyo.
    static let chatDetail = InstanceDetail(
        id: "i-chat", name: "chat-prod-eu", status: .active, hourlyPrice: 2.88, features: ["chat"],
        address: "https://chat-prod-eu.ai.sesterce.dev/", containerPort: 8000,
        description: "Production chat endpoint for the EU support widget", podLifetime: 600,
        regions: [
            RegionDeployment(
                regionId: 42,
                scale: ScaleLimits(min: 1, max: 4, cooldownPeriod: 300,
                                   triggers: ScalingTriggers(gpuUtilization: 80, http: HTTPRateTrigger(rate: 50, window: 30))),
                total: 2, ready: 2, errorMessage: nil),
            RegionDeployment(
                regionId: 104,
                scale: ScaleLimits(min: 1, max: 2, cooldownPeriod: 600, triggers: ScalingTriggers(cpu: 70)),
                total: 1, ready: 0, errorMessage: "Insufficient capacity: no 1xL40S node free in Tokyo"),
        ],
        hardwareId: "hw-l40s", modelId: "m-llama", registryId: nil,
        envs: ["HF_TOKEN": "hf_live_9f8e7d6c5b4a", "MAX_MODEL_LEN": "8192", "LOG_LEVEL": "info"],
        startupCommand: "vllm serve --max-model-len 8192", apiKeyIds: ["key-web", "key-mobile"],
        createdAt: t0.addingTimeInterval(-86_400 * 12), updatedAt: t0.addingTimeInterval(-5400))

    /// The detail of llama70b-eu, fetched earlier when the person looked at it.
    static let llamaDetail = InstanceDetail(
        id: "i-llama", name: "llama70b-eu", status: .partiallyDeployed, hourlyPrice: 9.96, features: ["chat", "tools"],
        address: "https://llama70b-eu.ai.sesterce.dev/", containerPort: 8000, description: nil, podLifetime: nil,
        regions: [
            RegionDeployment(regionId: 42, scale: ScaleLimits(min: 2, max: 4, cooldownPeriod: 300), total: 4, ready: 3,
                             errorMessage: nil),
        ],
        hardwareId: "hw-h100", modelId: "m-llama70b", registryId: nil, envs: [:], startupCommand: nil, apiKeyIds: [],
        createdAt: t0.addingTimeInterval(-86_400), updatedAt: t0)

    // MARK: States

    /// A dashboard of `width` x `height` that has loaded the catalog, prices and
    /// a poll a minute for half an hour (the last with chat-prod-eu's detail), drawn at `now`.
    static func loaded(width: Int, height: Int, readonly: Bool = false, fleet: [Instance] = fleet) -> State {
        var state = State(settings: .init(refreshInterval: 5, readonly: readonly, host: host), now: t0)
        _ = reduce(&state, .resized(width: width, height: height))
        _ = reduce(&state, .launched(t0))
        for list in catalog { _ = reduce(&state, .catalogPolled(list, at: t0.addingTimeInterval(1))) }
        _ = reduce(&state, .hardwarePricesLoaded(asked: Set(prices.keys), prices))
        _ = reduce(&state, .instancesPolled(.success(fleet), detail: nil, at: t0.addingTimeInterval(1)))
        // A poll a minute until the last: the spend meter counts the time
        // between polls only when they are close (as the ledger does).
        for minute in 1..<30 {
            if minute == 10 { _ = reduce(&state, .detailLoaded(.success(llamaDetail), at: t0.addingTimeInterval(600))) }
            _ = reduce(&state, .instancesPolled(.success(fleet), detail: nil, at: t0.addingTimeInterval(Double(minute) * 60)))
        }
        _ = reduce(&state, .instancesPolled(.success(fleet), detail: .success(chatDetail), at: lastPoll))
        _ = reduce(&state, .tick(now))
        return state
    }

    // MARK: Scenarios (each one a golden screen in `ScreenTests`)

    static func pane(_ pane: Pane, width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [.command(.showPane(pane))])
    }

    /// Enter on chat-prod-eu (the first row), and its detail arriving.
    static func detail(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [
            .command(.openDetail), .detailLoaded(.success(chatDetail), at: now),
        ])
    }

    /// The detail scrolled to its end (G), where the environment is.
    static func detailAtEnd(width: Int, height: Int) -> State {
        after(detail(width: width, height: height), [.command(.move(.bottom))])
    }

    static func help(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [.command(.help)])
    }

    /// The help scrolled down as far as it goes, where the cost notes are.
    static func helpAtEnd(width: Int, height: Int) -> State {
        after(help(width: width, height: height), Array(repeating: .command(.move(.down)), count: 49))
    }

    /// x on chat-prod-eu.
    static func stopConfirmation(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [.command(.stop)])
    }

    /// Sorted by $/H with Shift-H, then Space on the cheapest two rows
    /// (which Space marks, moving down as it does).
    static func marked(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [
            .command(.sortBy("H")), .command(.move(.top)), .command(.mark), .command(.mark),
        ])
    }

    /// Two more rows marked (whisper-batch, stopped, and chat-prod-eu,
    /// ACTIVE), then x: one question for the three it stops.
    static func bulkStopConfirmation(width: Int, height: Int) -> State {
        after(marked(width: width, height: height), [.command(.mark), .command(.mark), .command(.stop)])
    }

    /// "/eu" being typed.
    static func typingFilter(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [.command(.beginFilter), .filterInput("e"), .filterInput("u")])
    }

    /// The next instance poll failed with a 503; drawn 8 s after the last good one.
    static func staleAfterFailure(width: Int, height: Int) -> State {
        after(loaded(width: width, height: height), [
            .instancesPolled(.failure(.server(status: 503, message: "upstream unavailable")), detail: nil,
                             at: lastPoll.addingTimeInterval(5)),
            .tick(lastPoll.addingTimeInterval(8)),
        ])
    }

    /// The Cost pane (6) with a ledger and a $2,000 monthly budget, after the
    /// ledger answered with a day of burn rising to the fleet's $2.88/h and
    /// three instances' days of the month.
    static func cost(width: Int, height: Int, window: CostWindow = .day) -> State {
        var state = loaded(width: width, height: height)
        state.settings.ledger = true
        state.settings.budget = Budget(monthly: 2000)
        let day = (0..<96).map { $0 < 40 ? 0 : $0 < 70 ? 1.44 : 2.88 }
        let history = CostHistory(
            at: now,
            burn: [.hour: Array(repeating: 2.88, count: 60), .day: day, .week: Array(repeating: 1, count: 168),
                   .month: Array(repeating: 1, count: 180)],
            today: .init(observed: 41.25, estimated: 3.5), month: .init(observed: 612.4, estimated: 58.1),
            topInstances: [
                .init(id: "a1", name: "chat-prod-eu", status: "ACTIVE", month: .init(observed: 400, estimated: 30),
                      daily: [20, 22, 25, 30, 28, 31, 35, 40]),
                .init(id: "d4", name: "llama70b-eu", status: "PARTIALLYDEPLOYED", month: .init(observed: 180, estimated: 28.1),
                      daily: [0, 0, 10, 40, 60, 50, 40, 8.1]),
                .init(id: "c3", name: "whisper-batch", status: "DISABLED", month: .init(observed: 32.4),
                      daily: [12, 10, 10.4, 0, 0, 0, 0, 0]),
            ])
        state = after(state, [.command(.showPane(.cost)), .costHistoryLoaded(history)])
        while state.ledger.window != window { state = after(state, [.command(.nextCostWindow)]) }
        return state
    }

    /// `state` after each action, effects dropped.
    static func after(_ state: State, _ actions: [Action]) -> State {
        var state = state
        for action in actions { _ = reduce(&state, action) }
        return state
    }

    static func render(_ state: State, theme: Theme = .dark) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        Screen(model: ScreenModel(state), theme: theme).render(into: &buffer)
        return buffer
    }
}

// MARK: Golden screens

/// The expected lines of a screen, from chunks of lines and `blank(n)` runs.
func screen(_ chunks: [String]...) -> [String] {
    chunks.flatMap { $0 }
}

/// `count` empty rows of a golden screen.
func blank(_ count: Int) -> [String] {
    Array(repeating: "", count: count)
}

/// Renders `state` with the dark theme and compares it line by line with
/// `expected` (each expected line padded with blanks to the screen width), and
/// checks that every rendered line is exactly the screen width.
func expectScreen(_ state: State, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = ScreenFixture.render(state).lines
    // To update goldens after a deliberate change: SESTERCE_GOLDEN_DUMP=/some/dir
    // swift test, then review the files written for each screen that differs.
    if let directory = ProcessInfo.processInfo.environment["SESTERCE_GOLDEN_DUMP"],
       lines != expected.map({ padded($0, state.width) })
    {
        let name = "\(sourceLocation.fileName)-\(sourceLocation.line).txt"
        try? lines.joined(separator: "\n").write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
    #expect(lines.count == state.height, "rows", sourceLocation: sourceLocation)
    #expect(expected.count == state.height, "expected rows", sourceLocation: sourceLocation)
    for (row, line) in lines.enumerated() {
        let want = row < expected.count ? padded(expected[row], state.width) : ""
        #expect(line == want, "row \(row)", sourceLocation: sourceLocation)
        #expect(DisplayWidth.of(line) == state.width, "width of row \(row)", sourceLocation: sourceLocation)
    }
}
