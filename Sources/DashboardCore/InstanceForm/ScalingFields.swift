import SesterceModels

/// The autoscaling fields of one group: the limits shared by every chosen
/// region ("all") or those of one region ("r42"). A trigger is on when its
/// threshold is filled in; HTTP needs both its rate and its window.
struct ScalingFields: Equatable {
    /// Prefix of the group's field ids.
    let group: String

    static let shared = ScalingFields(group: "all")

    static func region(_ id: Int) -> ScalingFields { ScalingFields(group: "r\(id)") }

    /// The region of a per-region group.
    var regionId: Int? { group.first == "r" ? Int(group.dropFirst()) : nil }

    var min: String { "\(group).min" }
    var max: String { "\(group).max" }
    var cooldown: String { "\(group).cooldown" }
    var httpRate: String { "\(group).http.rate" }
    var httpWindow: String { "\(group).http.window" }
    func threshold(_ trigger: Trigger) -> String { "\(group).\(trigger.rawValue).threshold" }

    /// Every field id of the group, in form order.
    var ids: [String] { [min, max, cooldown] + Trigger.allCases.map(threshold) + [httpRate, httpWindow] }

    /// The percentage triggers, by their name in the API.
    enum Trigger: String, CaseIterable {
        case cpu, gpuMemory, gpuUtilization, memory

        var label: String {
            switch self {
            case .cpu: "CPU trigger %"
            case .gpuMemory: "GPU memory %"
            case .gpuUtilization: "GPU utilization %"
            case .memory: "Memory trigger %"
            }
        }

        func threshold(in triggers: ScalingTriggers) -> Int? {
            switch self {
            case .cpu: triggers.cpu
            case .gpuMemory: triggers.gpuMemory
            case .gpuUtilization: triggers.gpuUtilization
            case .memory: triggers.memory
            }
        }

        func set(_ value: Int?, in triggers: inout ScalingTriggers) {
            switch self {
            case .cpu: triggers.cpu = value
            case .gpuMemory: triggers.gpuMemory = value
            case .gpuUtilization: triggers.gpuUtilization = value
            case .memory: triggers.memory = value
            }
        }
    }

    static let defaultLimits = ScaleLimits(min: 1, max: 1, cooldownPeriod: 300)

    /// The group's fields holding `limits`.
    func fields(_ limits: ScaleLimits) -> [FormField] {
        [
            .number(min, "Min pods", limits.min, rules: [.required, .range(min: 0, max: nil)],
                    hint: "at least 0; 0 needs HTTP"),
            .number(max, "Max pods", limits.max, rules: [.required, .range(min: 1, max: nil)],
                    hint: "at least 1, within capacity"),
            .number(cooldown, "Cooldown (s)", limits.cooldownPeriod, rules: [.required, .range(min: 1, max: 3600)]),
        ] + Trigger.allCases.map { trigger in
            .number(threshold(trigger), trigger.label, trigger.threshold(in: limits.triggers),
                    rules: [.range(min: 1, max: 100)], hint: "1 to 100, empty: off", placeholder: "off")
        } + [
            .number(httpRate, "HTTP requests", limits.triggers.http?.rate, rules: [.range(min: 1, max: nil)],
                    hint: "per window, empty: off", placeholder: "off"),
            .number(httpWindow, "HTTP window (s)", limits.triggers.http?.window, rules: [.range(min: 1, max: nil)],
                    hint: "at least 1", placeholder: "off"),
        ]
    }

    /// The group's fields with the text typed in `source`'s fields, for a
    /// region that starts from the shared limits.
    func fields(copying source: ScalingFields, in form: Form) -> [FormField] {
        var fields = fields(Self.defaultLimits)
        for index in fields.indices {
            let sourceId = source.ids[index]
            fields[index].kind = .number(TextInput(form.text(sourceId)))
        }
        return fields
    }

    /// The limits typed in the group (call on a valid form; blanks read as off or 0).
    func limits(in form: Form) -> ScaleLimits {
        var triggers = ScalingTriggers()
        for trigger in Trigger.allCases { trigger.set(form.int(threshold(trigger)), in: &triggers) }
        if let rate = form.int(httpRate), let window = form.int(httpWindow) {
            triggers.http = HTTPRateTrigger(rate: rate, window: window)
        }
        return ScaleLimits(min: form.int(min) ?? 0, max: form.int(max) ?? 0, cooldownPeriod: form.int(cooldown) ?? 0,
                           triggers: triggers)
    }

    /// Whether an HTTP trigger is filled in (both or either half).
    func hasHTTP(in form: Form) -> Bool {
        !form.text(httpRate).trimmingWhitespace.isEmpty || !form.text(httpWindow).trimmingWhitespace.isEmpty
    }

    /// Cross-field problems of the group, by field id: min above max, min 0
    /// without HTTP, half an HTTP trigger, max above the free pods of `regions`.
    func checks(in form: Form, regions: [Region], free: (Region) -> Int) -> [String: String] {
        var checks: [String: String] = [:]
        let low = form.int(min), high = form.int(max)
        if let low, let high, low > high { checks[min] = "must not be above max (\(high))" }
        if low == 0, form.int(httpRate) == nil || form.int(httpWindow) == nil {
            checks[min] = "0 needs the HTTP trigger: only HTTP scales to and from zero"
        }
        let rate = form.text(httpRate).trimmingWhitespace, window = form.text(httpWindow).trimmingWhitespace
        if rate.isEmpty, !window.isEmpty { checks[httpRate] = "needed with an HTTP window" }
        if window.isEmpty, !rate.isEmpty { checks[httpWindow] = "needed with HTTP requests" }
        if let high {
            let short = regions.filter { free($0) < high }
            if !short.isEmpty {
                let places = short.map { "\($0.name) \(free($0))" }.joined(separator: ", ")
                checks[max] = "above the free capacity (\(places))"
            }
        }
        return checks
    }
}
