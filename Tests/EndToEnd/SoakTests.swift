import Foundation
import Testing

/// The dashboard left open against a service in trouble: 500 instances, one
/// request in five failing, two requests a second before 429, every answer
/// 1.5 s late. It samples the dashboard's memory and CPU every 10 s, then
/// switches the trouble off and expects fresh data within two refresh
/// intervals. `SESTERCE_SOAK_SECONDS` sets the length (60 by default, which
/// `swift test` runs; `scripts/soak.sh` runs 600).
@Suite("Soak", .serialized)
struct SoakTests {
    static let refresh = 5
    static let sampleEvery = 10
    /// Samples up to this many seconds in are warm-up; the first one after is the RSS baseline.
    static let warmUp = 20
    static let allowedGrowth = 0.10

    static var seconds: Int {
        let configured = ProcessInfo.processInfo.environment["SESTERCE_SOAK_SECONDS"].flatMap { Int($0) } ?? 60
        return max(configured, warmUp + 2 * sampleEvery)
    }

    /// One look at the dashboard process.
    struct Sample: CustomStringConvertible {
        var second: Int
        var residentKiB: Int
        /// Share of one core used since the previous sample, in percent.
        var cpuPercent: Double
        var screenHasData: Bool
        /// The header said the data is stale (the last refresh failed or is late).
        var stale: Bool

        var description: String {
            "soak sample t=\(second)s rss=\(residentKiB / 1024) MiB (\(residentKiB) KiB) cpu=\(String(format: "%.1f", cpuPercent))% "
                + (screenHasData ? "data=shown" : "data=LOST") + (stale ? " header=stale" : " header=fresh")
        }
    }

    /// The table with all 500 rows' title, and rows under it.
    static func showsData(_ screen: String) -> Bool {
        screen.contains("Instances (500)") && screen.contains("/h")
    }

    /// The header's `updated Ns ago` when it is not stale, else nil.
    static func freshAge(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first, !header.contains("stale"),
            let range = header.range(of: #"updated \d+s ago"#, options: .regularExpression)
        else { return nil }
        return Int(header[range].dropFirst("updated ".count).prefix { $0.isNumber })
    }

    /// When the first instance poll after `date` succeeded, by the log.
    static func firstPoll(in lines: [Substring], after date: Date) -> Date? {
        lines.lazy.compactMap { line -> Date? in
            guard line.hasSuffix("instances polled: 500"), let stamp = line.split(separator: " ").first else { return nil }
            return try? Date(String(stamp), strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }.first { $0 >= date }
    }

    @Test("runs under faults without dying, losing data or growing, and recovers when they stop")
    func soak() async throws {
        let simulator = try SimulatorProcess(arguments: [
            "--instances", "500", "--error-rate", "0.2", "--rate-limit", "2", "--latency-ms", "1500",
        ])
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sesterce-soak-\(UUID().uuidString).log")
        let tmux = try TmuxSession(
            command: "'\(Products.url(of: "sesterce-dash").path)' --api-url \(simulator.url) --refresh \(Self.refresh) "
                + "--log-file '\(log.path)'; echo exit=$?",
            environment: ["SESTERCE_API_KEY": "demo-key"])
        defer { tmux.close(); _ = simulator; try? FileManager.default.removeItem(at: log) }
        try await tmux.waitFor("the 500 instances", timeout: .seconds(60), Self.showsData)
        let pid = try #require(try tmux.programPid(named: "sesterce-dash"))
        print("soak: \(Self.seconds) s against sesterce-sim --instances 500 --error-rate 0.2 --rate-limit 2 --latency-ms 1500, refresh \(Self.refresh) s, dashboard pid \(pid)")

        let clock = ContinuousClock()
        let start = clock.now
        var samples: [Sample] = []
        var lastTicks = try #require(ProcessInfoReader.stat(of: pid)).cpuTicks
        var lastTime = start
        var died = false
        for second in stride(from: Self.sampleEvery, through: Self.seconds, by: Self.sampleEvery) {
            // Sampling on a fixed period: there is no condition to wait for.
            try await clock.sleep(until: start + .seconds(second))
            guard ProcessInfoReader.isRunning(pid), let stat = ProcessInfoReader.stat(of: pid),
                let rss = ProcessInfoReader.residentKiB(of: pid)
            else {
                died = true
                print("soak sample t=\(second)s: the dashboard is gone")
                break
            }
            let now = clock.now
            let elapsed = (now - lastTime) / .seconds(1)
            let cpu = Double(stat.cpuTicks - lastTicks) / ProcessInfoReader.ticksPerSecond / elapsed * 100
            (lastTicks, lastTime) = (stat.cpuTicks, now)
            let screen = try tmux.screen()
            let header = screen.split(separator: "\n").first ?? ""
            let sample = Sample(
                second: second, residentKiB: rss, cpuPercent: cpu, screenHasData: Self.showsData(screen),
                stale: header.contains("stale") || header.contains("no data yet"))
            samples.append(sample)
            print(sample)
            // Someone looking around: the selection moves, so other details load.
            try tmux.send(second % 20 == 0 ? "k" : "j")
        }
        #expect(!died, "the dashboard process died during the soak")

        let switched = Date()
        let answer = try await simulator.setFaults(#"{"latencyMs":0,"errorRate":0,"rateLimit":0}"#)
        print("soak: faults switched off: \(answer)")
        @Sendable func logLines() -> [Substring] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n") }
        _ = try? await tmux.waitFor("fresh data after the faults stopped", timeout: .seconds(4 * Self.refresh)) { screen in
            Self.showsData(screen) && Self.freshAge(screen) != nil && Self.firstPoll(in: logLines(), after: switched) != nil
        }
        let lines = logLines()
        // When recovery came is read from the log's timestamps, not from when
        // this test looked: a starved test process may look late.
        let recovery = Self.firstPoll(in: lines, after: switched).map { $0.timeIntervalSince(switched) }
        let recovered = recovery.map { $0 <= Double(2 * Self.refresh) } ?? false
        let polls = lines.filter { $0.contains(" GET /ai-inference/instances ") }.count
        let failedPolls = lines.filter { $0.contains("instances failed") }.count
        let afterWarmUp = samples.filter { $0.second > Self.warmUp }
        let baseline = afterWarmUp.first?.residentKiB ?? 0
        let peak = afterWarmUp.map(\.residentKiB).max() ?? 0
        let growth = baseline > 0 ? Double(peak - baseline) / Double(baseline) : 0
        let cpus = samples.map(\.cpuPercent)
        let meanCPU = cpus.isEmpty ? 0 : cpus.reduce(0, +) / Double(cpus.count)
        print(
            "soak summary: \(samples.count) samples over \(Self.seconds) s; RSS first \((samples.first?.residentKiB ?? 0) / 1024) MiB, "
                + "baseline (t=\(afterWarmUp.first?.second ?? 0)s) \(baseline / 1024) MiB, peak after warm-up \(peak / 1024) MiB, "
                + "growth \(String(format: "%+.1f", growth * 100))%; CPU mean \(String(format: "%.1f", meanCPU))%, "
                + "max \(String(format: "%.1f", cpus.max() ?? 0))% of one core; "
                + "instance polls \(polls), failed \(failedPolls); header stale in \(samples.filter(\.stale).count) of \(samples.count) samples; "
                + "recovery \(recovery.map { String(format: "%.1f s", $0) } ?? "none") (allowed \(2 * Self.refresh) s)")

        let lost = samples.filter { !$0.screenHasData }.map(\.second)
        #expect(lost.isEmpty, "the screen lost its data at t=\(lost)")
        #expect(growth <= Self.allowedGrowth, "RSS grew \(Int(growth * 100))% after warm-up (\(baseline) -> \(peak) KiB)")
        #expect(recovered, "no fresh data within \(2 * Self.refresh) s of the faults stopping")
        try tmux.send("q")
        try await tmux.waitFor(text: "exit=0")
    }

    @Test("SIGUSR1 switches every fault of sesterce-sim off; PUT changes them and GET shows them")
    func faultSwitch() async throws {
        let simulator = try SimulatorProcess(arguments: ["--error-rate", "0.5", "--rate-limit", "3", "--latency-ms", "20"])
        defer { _ = simulator }
        #expect(try await simulator.faults() == #"{"errorRate":0.5,"latencyMs":20,"rateLimit":3,"rateLimited":0}"#)
        #expect(try await simulator.setFaults(#"{"latencyMs":0}"#) == #"{"errorRate":0.5,"latencyMs":0,"rateLimit":3}"#)
        kill(simulator.pid, SIGUSR1)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        var faults = try await simulator.faults()
        let allOff = #"{"errorRate":0,"latencyMs":0,"rateLimit":0,"rateLimited":0}"#
        while faults != allOff, clock.now < deadline {
            try await clock.sleep(for: .milliseconds(50))
            faults = try await simulator.faults()
        }
        #expect(faults == allOff)
    }
}
