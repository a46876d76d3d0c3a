import Foundation
import SesterceAPI

/// Which instance `sesterce-dash probe INSTANCE` measures, or why nothing is
/// sent (exit code 2): unknown, not ACTIVE, no address yet, or a model without chat.
public enum ProbeTarget {
    public enum Refusal: Error, CustomStringConvertible, Equatable {
        /// No such instance, or a name several share.
        case notFound(CommandRefusal)
        case notActive(name: String, status: String)
        case noAddress(name: String)
        case noChat(name: String, features: [String])

        public var description: String {
            switch self {
            case .notFound(let refusal): refusal.description
            case .notActive(let name, let status): "Instance \(name) is \(status), not ACTIVE: nothing sent."
            case .noAddress(let name): "Instance \(name) has no endpoint address yet: nothing sent."
            case .noChat(let name, let features):
                "Instance \(name) serves no chat model (features: \(features.joined(separator: ", "))): nothing sent."
            }
        }
    }

    /// The instance whose id, else whose name, is `query`, if it can be probed.
    public static func find(_ query: String, in instances: [Instance]) throws(Refusal) -> Instance {
        let instance: Instance
        do { instance = try NameLookup.instance(query, in: instances) } catch { throw .notFound(error) }
        guard instance.status == .active else { throw .notActive(name: instance.name, status: instance.status.rawValue) }
        guard let address = instance.address, !address.isEmpty else { throw .noAddress(name: instance.name) }
        guard servesChat(instance.features) else { throw .noChat(name: instance.name, features: instance.features) }
        return instance
    }

    /// A catalog model with `chat`, or a custom image (which may well serve an
    /// OpenAI-compatible API; its `/v1/models` says).
    public static func servesChat(_ features: [String]) -> Bool {
        features.contains("chat") || features.contains("custom") || features.isEmpty
    }
}

/// The probe's result as `sesterce-dash probe` prints it.
public enum ProbeOutput {
    public static func render(_ report: ProbeReport, as format: OutputFormat) throws -> String {
        format == .json ? try JSONOutput.encode(ProbeRecord(report)) : table(report)
    }

    static func table(_ report: ProbeReport) -> String {
        func ms(_ value: Double?) -> String { value.map { String(format: "%.1f ms", $0) } ?? "-" }
        func rate(_ value: Double?) -> String { value.map { String(format: "%.1f tok/s", $0) } ?? "-" }
        var lines = [
            "Probe of \(report.instance) (\(report.model)): \(report.requests) requests, \(report.concurrency) at once, "
                + String(format: "%.2f s", report.durationSeconds)
                + (report.interrupted ? " (stopped early)" : ""),
            "succeeded \(report.succeeded), failed \(report.failed)",
            "",
        ]
        let rows: [[String]] = [("time to first token", report.ttftMs), ("inter-token gap", report.interTokenMs)].map {
            name, spread in [name, ms(spread?.min), ms(spread?.p50), ms(spread?.p95), ms(spread?.p99), ms(spread?.max)]
        }
        lines.append(TextTable(headers: ["", "min", "p50", "p95", "p99", "max"], rows: rows, rightAligned: [1, 2, 3, 4, 5]).render())
        lines += [
            "decode rate per request: p50 \(rate(report.tokensPerSecondP50)), mean \(rate(report.tokensPerSecondMean))",
            "output tokens, all requests: \(rate(report.outputTokensPerSecond))",
        ]
        if !report.errors.isEmpty {
            lines.append("errors: " + report.errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a probe with failures exits 1, in words (nil when none failed).
    public static func failureSummary(_ report: ProbeReport) -> String? {
        guard report.failed > 0 || report.interrupted else { return nil }
        if report.failed == 0 { return "stopped after \(report.requests) requests" }
        let kinds = report.errors.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var text = "\(report.failed) of \(report.requests) requests failed ("
            + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        if report.errors["http401"] != nil || report.errors["http403"] != nil { text += ": the endpoint refused the secret" }
        else if report.errors["connection"] == report.failed { text += ": the endpoint is unreachable" }
        else if report.errors["http503"] != nil { text += ": the endpoint is not serving (503)" }
        return text
    }
}

/// The JSON of `probe --output json`: camelCase, every field present (null
/// when nothing succeeded), times in milliseconds, rates in tokens a second.
struct ProbeRecord: Encodable {
    var report: ProbeReport

    init(_ report: ProbeReport) { self.report = report }

    enum CodingKeys: String, CodingKey {
        case instance, model, requests, succeeded, failed, concurrency, ttftMs, interTokenMs, tokensPerSecond
        case outputTokensPerSecond, durationSeconds, errors
    }

    enum SpreadKeys: String, CodingKey { case min, p50, p95, p99, max }
    enum RateKeys: String, CodingKey { case p50, mean }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(report.instance, forKey: .instance)
        try c.encode(report.model, forKey: .model)
        try c.encode(report.requests, forKey: .requests)
        try c.encode(report.succeeded, forKey: .succeeded)
        try c.encode(report.failed, forKey: .failed)
        try c.encode(report.concurrency, forKey: .concurrency)
        for (key, spread) in [(CodingKeys.ttftMs, report.ttftMs), (.interTokenMs, report.interTokenMs)] {
            var s = c.nestedContainer(keyedBy: SpreadKeys.self, forKey: key)
            try s.encode(spread.map { Self.round($0.min) }, forKey: .min)
            try s.encode(spread.map { Self.round($0.p50) }, forKey: .p50)
            try s.encode(spread.map { Self.round($0.p95) }, forKey: .p95)
            try s.encode(spread.map { Self.round($0.p99) }, forKey: .p99)
            try s.encode(spread.map { Self.round($0.max) }, forKey: .max)
        }
        var rates = c.nestedContainer(keyedBy: RateKeys.self, forKey: .tokensPerSecond)
        try rates.encode(report.tokensPerSecondP50.map(Self.round), forKey: .p50)
        try rates.encode(report.tokensPerSecondMean.map(Self.round), forKey: .mean)
        try c.encode(Self.round(report.outputTokensPerSecond), forKey: .outputTokensPerSecond)
        try c.encode(Self.round(report.durationSeconds), forKey: .durationSeconds)
        try c.encode(report.errors, forKey: .errors)
    }

    /// Three decimals: microseconds for times in ms, enough for rates.
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
