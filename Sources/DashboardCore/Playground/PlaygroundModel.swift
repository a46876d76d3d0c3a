import SesterceModels
import TextLayout

/// The playground as drawn: the transcript wrapped to the panel and scrolled,
/// the prompt line (or the masked secret field), the parameters beside it,
/// and the probe's progress or result. Never holds the endpoint secret: the
/// secret field is drawn as one dot per character typed.
public struct PlaygroundModel: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var text: String
        public var tone: Tone
        public var bold = false

        public init(_ text: String, _ tone: Tone = .normal, bold: Bool = false) {
            self.text = text
            self.tone = tone
            self.bold = bold
        }
    }

    /// The line at the bottom of the panel: a prompt, the secret field, or why nothing can be typed.
    public struct Input: Equatable, Sendable {
        public var label: String
        public var text: String
        /// Characters before the cursor; nil when the line does not have the keys.
        public var cursor: Int?
        public var placeholder: String
    }

    public struct Probe: Equatable, Sendable {
        public var finished: Int
        public var failed: Int
        public var total: Int
        public var running: Bool
        /// Label and value rows: percentiles and rates.
        public var figures: [(label: String, value: String)]
        /// TTFT histogram: bucket label and count.
        public var histogram: [(label: String, count: Int)]
        public var errors: String?

        public static func == (a: Probe, b: Probe) -> Bool {
            a.finished == b.finished && a.failed == b.failed && a.total == b.total && a.running == b.running
                && a.figures.map(\.label) == b.figures.map(\.label) && a.figures.map(\.value) == b.figures.map(\.value)
                && a.histogram.map(\.label) == b.histogram.map(\.label) && a.histogram.map(\.count) == b.histogram.map(\.count)
                && a.errors == b.errors
        }
    }

    public var title: String
    public var status: Line
    /// The transcript lines that fit, scrolled.
    public var transcript: [Line]
    /// "lines 3-20 of 40" when scrolled back.
    public var position: String?
    public var curl: [String]
    public var input: Input
    public var parameters: [(label: String, value: String)]
    public var probe: Probe?

    public static func == (a: PlaygroundModel, b: PlaygroundModel) -> Bool {
        a.title == b.title && a.status == b.status && a.transcript == b.transcript && a.position == b.position
            && a.curl == b.curl && a.input == b.input && a.parameters.map(\.label) == b.parameters.map(\.label)
            && a.parameters.map(\.value) == b.parameters.map(\.value) && a.probe == b.probe
    }

    /// Columns of the side panel (parameters and probe) on a screen this wide.
    public static func sideWidth(screenWidth: Int) -> Int { screenWidth >= 110 ? 36 : 30 }

    /// Columns the transcript wraps to: the main panel less its border and margins.
    public static func transcriptWidth(screenWidth: Int) -> Int {
        max(10, screenWidth - sideWidth(screenWidth: screenWidth) - 4)
    }

    public init(_ playground: Playground, _ state: State) {
        let width = Self.transcriptWidth(screenWidth: state.width)
        title = "Playground · \(DisplayWidth.sanitized(playground.name))"
            + (playground.modelName.map { " · \(DisplayWidth.sanitized($0))" } ?? "")
        status = Self.status(playground, state)
        curl = []
        if playground.showsCurl, let address = playground.address, let model = playground.modelName {
            let prompt = playground.prompt.isEmpty ? (playground.turns.last?.prompt ?? "Hello") : playground.prompt.text
            let command = CurlCommand.make(address: address, model: model, parameters: playground.parameters, prompt: prompt)
            curl = WordWrap.wrap(DisplayWidth.sanitized(command), width: width)
        }
        // Panel rows: borders 2, status 1, a rule and the input 2, the curl lines and a rule.
        let rows = max(1, Layout.bodyRows(height: state.height) - 5 - (curl.isEmpty ? 0 : curl.count + 1))
        let all = Self.transcriptLines(playground, width: width)
        let scroll = min(playground.scrollBack, max(0, all.count - rows))
        let end = all.count - scroll
        let start = max(0, end - rows)
        transcript = Array(all[start..<end])
        position = scroll > 0 ? "lines \(start + 1)-\(end) of \(all.count)" : nil
        input = Self.input(playground)
        let p = playground.parameters
        func value(_ number: Double?) -> String { number.map { Self.decimal($0) } ?? "default" }
        parameters = [
            ("system", p.systemPrompt.isEmpty ? "none" : DisplayWidth.sanitized(p.systemPrompt)),
            ("temperature", value(p.temperature)), ("top_p", value(p.topP)),
            ("top_k", p.topK.map(String.init) ?? "default"), ("repetition", value(p.repetitionPenalty)),
            ("max tokens", p.maxTokens.map(String.init) ?? "default"),
        ]
        probe = playground.probe.map(Self.probe)
    }

    private static func status(_ playground: Playground, _ state: State) -> Line {
        if let blocked = playground.blocked { return Line(blocked, .warning) }
        if playground.focus == .secret {
            return Line("Endpoint secret (from the instance's page in the console; kept for this session only)", .accent)
        }
        switch playground.model {
        case .waiting: return Line("Waiting for the endpoint secret", .muted)
        case .loading: return Line("Asking the endpoint for its model…", .progress)
        case .failed(let message): return Line(DisplayWidth.sanitized(message), .error)
        case .loaded:
            if playground.streaming != nil { return Line("Streaming… Esc stops the reply", .progress) }
            return Line(DisplayWidth.sanitized(playground.address ?? ""), .muted)
        }
    }

    /// The whole transcript wrapped to `width`: each prompt, each reply (with a
    /// cursor while it streams) and the figures under it.
    public static func transcriptLines(_ playground: Playground, width: Int) -> [Line] {
        var lines: [Line] = []
        let model = playground.modelName ?? "model"
        for (index, turn) in playground.turns.enumerated() {
            if index > 0 { lines.append(Line("")) }
            lines.append(Line("you", .accent, bold: true))
            lines += WordWrap.wrap(DisplayWidth.sanitized(turn.prompt), width: width).map { Line($0) }
            lines.append(Line(DisplayWidth.sanitized(model), .ok, bold: true))
            let reply = turn.reply + (turn.phase == .streaming ? "▌" : "")
            if !reply.isEmpty { lines += WordWrap.wrap(reply, width: width).map { Line($0) } }
            lines.append(figures(turn))
        }
        return lines
    }

    /// `TTFT 212 ms · 48 tokens · 39.8 tok/s`, and how the reply ended when not done.
    static func figures(_ turn: Turn) -> Line {
        var parts: [String] = []
        parts.append("TTFT " + (turn.firstTokenMs.map { "\(Int($0.rounded())) ms" } ?? "-"))
        parts.append("\(turn.outputTokens) tokens")
        parts.append((turn.tokensPerSecond.map { decimal($0) } ?? "-") + " tok/s")
        let text = parts.joined(separator: " · ")
        switch turn.phase {
        case .streaming: return Line(text, .muted)
        case .done: return Line(text, .muted)
        case .stopped: return Line(text + " · stopped", .warning)
        case .failed(let message): return Line(text + " · " + DisplayWidth.sanitized(message), .error)
        }
    }

    private static func input(_ playground: Playground) -> Input {
        switch playground.focus {
        case .secret:
            let count = playground.secretEntry.input.text.count
            return Input(
                label: "secret", text: String(repeating: "•", count: count), cursor: playground.secretEntry.input.cursor,
                placeholder: "type the endpoint secret, Enter")
        case .prompt, .view:
            let has = playground.focus == .prompt
            let placeholder =
                playground.blocked != nil ? "nothing can be sent"
                : has ? "type a prompt, Enter sends" : "i: type a prompt · b: probe · t: parameters · u: curl"
            return Input(
                label: ">", text: DisplayWidth.sanitized(playground.prompt.text), cursor: has ? playground.prompt.cursor : nil,
                placeholder: placeholder)
        }
    }

    private static func probe(_ run: ProbeRun) -> Probe {
        var figures: [(String, String)] = []
        var histogram: [(String, Int)] = []
        var errors: String?
        if let report = run.report {
            func ms(_ value: Double?) -> String { value.map { "\(Int($0.rounded())) ms" } ?? "-" }
            if let ttft = report.ttftMs {
                figures.append(("TTFT p50/p95", "\(ms(ttft.p50)) / \(ms(ttft.p95))"))
                figures.append(("TTFT p99/max", "\(ms(ttft.p99)) / \(ms(ttft.max))"))
            }
            if let gap = report.interTokenMs { figures.append(("gap p50/p95", "\(ms(gap.p50)) / \(ms(gap.p95))")) }
            figures.append(("tok/s p50/mean",
                "\(report.tokensPerSecondP50.map { decimal($0) } ?? "-") / \(report.tokensPerSecondMean.map { decimal($0) } ?? "-")"))
            figures.append(("output tok/s", decimal(report.outputTokensPerSecond)))
            figures.append(("wall time", decimal(report.durationSeconds) + " s"))
            histogram = Self.histogram(report.ttftSamplesMs)
            if !report.errors.isEmpty {
                errors = report.errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
        }
        return Probe(
            finished: run.finished, failed: run.failed, total: run.total, running: run.isRunning, figures: figures,
            histogram: histogram, errors: errors)
    }

    /// Time to first token in up to six equal buckets from the fastest to the slowest.
    static func histogram(_ samples: [Double]) -> [(label: String, count: Int)] {
        guard let low = samples.min(), let high = samples.max() else { return [] }
        let buckets = high - low < 1 ? 1 : min(6, samples.count)
        let step = max(1, (high - low) / Double(buckets))
        var counts = [Int](repeating: 0, count: buckets)
        for sample in samples { counts[min(buckets - 1, Int((sample - low) / step))] += 1 }
        return counts.enumerated().map { index, count in
            ("\(Int((low + Double(index) * step).rounded()))ms", count)
        }
    }

    /// One decimal, or none for 100 and more.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 100 { return String(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
