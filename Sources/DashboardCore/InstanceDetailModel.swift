import Foundation
import SesterceModels

/// One instance in full: each region's scale, triggers and deployment, its
/// errors, and its configuration with names instead of ids and secrets masked.
public struct InstanceDetailModel: Equatable, Sendable {
    public enum Line: Equatable, Sendable {
        case heading(String)
        case field(label: String, value: String, tone: Tone)
        /// A region's deployment: a ready/total bar and its limits.
        case deployment(region: String, ready: Int, total: Int, limits: String)
        /// Indented text under a region or in a list (triggers, errors, env vars).
        case note(String, tone: Tone)
        case blank
    }

    public var title: String
    public var lines: [Line]
    public var scroll: Int
    /// The detail is still being fetched.
    public var loading: Bool

    /// Parts of env var names whose values are masked.
    static let secretMarkers = ["KEY", "TOKEN", "SECRET", "PASSWORD"]

    static func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretMarkers.contains { upper.contains($0) }
    }

    init(id: String, _ state: State) {
        let names = NameBook(state)
        let summary = state.instances.first { $0.id == id }
        let detail = state.details[id]
        title = detail?.name ?? summary?.name ?? id
        loading = detail == nil
        scroll = state.detailScroll
        guard let detail else {
            lines = [.note("Loading the detail…", tone: .muted)]
            return
        }
        let status = summary.map { PaneTable.displayStatus($0, state) } ?? detail.status
        var lines: [Line] = [
            .field(label: "Status", value: status.rawValue, tone: Tone(StatusClass(status))),
            .field(label: "Price", value: "\(Formatting.money(summary?.hourlyPrice ?? detail.hourlyPrice))/h", tone: .normal),
            .field(label: "Hardware", value: names.hardware(detail.hardwareId), tone: .normal),
        ]
        if detail.modelId != nil { lines.append(.field(label: "Model", value: names.model(detail.modelId), tone: .normal)) }
        if detail.registryId != nil {
            lines.append(.field(label: "Registry", value: names.registry(detail.registryId), tone: .normal))
        }
        lines += [
            .field(label: "Address", value: detail.address ?? "(none yet)", tone: detail.address == nil ? .muted : .accent),
            .blank,
            .heading("Regions"),
        ]
        // Regions (health and errors) come before the configuration, so that on
        // an 80x24 terminal they show without scrolling.
        for region in detail.regions {
            let scale = region.scale
            lines.append(.deployment(
                region: names.region(region.regionId), ready: region.ready, total: region.total,
                limits: "min \(scale.min) · max \(scale.max) · cooldown \(scale.cooldownPeriod)s"))
            lines.append(.note("triggers: \(Self.describe(scale.triggers))", tone: .muted))
            if let error = region.errorMessage, !error.isEmpty { lines.append(.note(error, tone: .error)) }
        }
        if detail.regions.isEmpty { lines.append(.note("no regions", tone: .muted)) }
        lines += [
            .blank,
            .heading("Configuration"),
            .field(label: "Features", value: detail.features.isEmpty ? "-" : detail.features.joined(separator: ", "), tone: .normal),
            .field(label: "Port", value: detail.containerPort.map(String.init) ?? "-", tone: .normal),
            .field(label: "Pod lifetime", value: detail.podLifetime.map { "\($0)s" } ?? "-", tone: .normal),
            .field(label: "Startup", value: detail.startupCommand ?? "-", tone: .normal),
            .field(label: "Description", value: detail.description ?? "-", tone: .normal),
            .field(label: "API key ids", value: detail.apiKeyIds.isEmpty ? "-" : detail.apiKeyIds.joined(separator: ", "), tone: .normal),
            .field(label: "Created", value: Self.when(detail.createdAt, state), tone: .normal),
            .field(label: "Updated", value: Self.when(detail.updatedAt, state), tone: .normal),
        ]
        lines += [.blank, .heading("Environment")]
        if detail.envs.isEmpty { lines.append(.note("none", tone: .muted)) }
        for (name, value) in detail.envs.sorted(by: { $0.key < $1.key }) {
            lines.append(.note("\(name)=\(Self.isSecret(name) ? "••••••••" : value)", tone: .normal))
        }
        self.lines = lines
    }

    static func when(_ date: Date?, _ state: State) -> String {
        guard let date else { return "-" }
        return "\(Formatting.timestamp(date)) (\(Formatting.age(since: date, now: state.now)) ago)"
    }

    static func describe(_ triggers: ScalingTriggers) -> String {
        var parts: [String] = []
        if let cpu = triggers.cpu { parts.append("cpu \(cpu)%") }
        if let value = triggers.gpuMemory { parts.append("gpuMemory \(value)%") }
        if let value = triggers.gpuUtilization { parts.append("gpuUtilization \(value)%") }
        if let value = triggers.memory { parts.append("memory \(value)%") }
        if let http = triggers.http { parts.append("http \(http.rate) req/\(http.window)s") }
        return parts.isEmpty ? "none" : parts.joined(separator: " · ")
    }
}
