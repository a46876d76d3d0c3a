import Foundation
import SesterceModels
import TextLayout

/// A pane's rows and columns with the item type erased, so that filtering,
/// sorting, selection and the table view-model work the same for every pane.
struct PaneTable {
    var count: Int
    var headers: [ColumnHeader]
    var id: (Int) -> String
    var text: (_ row: Int, _ column: Int) -> String
    var tone: (_ row: Int, _ column: Int) -> Tone
    var sortKey: (_ row: Int, _ column: Int) -> SortKey

    init<Item>(_ items: [Item], id: @escaping (Item) -> String, columns: [Column<Item>]) {
        count = items.count
        headers = columns.map(\.header)
        self.id = { id(items[$0]) }
        text = { columns[$1].text(items[$0]) }
        tone = { columns[$1].tone(items[$0]) }
        sortKey = { columns[$1].sortKey(items[$0]) }
    }

    /// Positions of the rows that match `filter` (any column contains it, case
    /// ignored; with a leading `!`, the rows that do not, as in k9s), sorted
    /// by `column`; ties keep the service's order.
    func order(filter: String, column: Int, ascending: Bool) -> [Int] {
        var rows = Array(0..<count)
        let inverted = filter.hasPrefix("!")
        let needle = (inverted ? String(filter.dropFirst()) : filter).lowercased()
        if !needle.isEmpty {
            rows = rows.filter { row in headers.indices.contains { text(row, $0).lowercased().contains(needle) } != inverted }
        }
        guard headers.indices.contains(column) else { return rows }
        // Equal keys are in the order of the first column (the name), A to Z,
        // whichever way the column is sorted: rows of one status read as a list.
        let keyed = rows.map { (row: $0, key: sortKey($0, column), name: column == 0 ? nil : sortKey($0, 0)) }
        return keyed.sorted { a, b in
            if a.key == b.key {
                if let nameA = a.name, let nameB = b.name, nameA != nameB { return nameA < nameB }
                return a.row < b.row
            }
            return ascending ? a.key < b.key : b.key < a.key
        }.map(\.row)
    }

    static func make(_ pane: Pane, _ state: State) -> PaneTable {
        let names = NameBook(state)
        switch pane {
        case .instances: return instances(state, names)
        case .regions: return regions(state)
        case .hardware: return hardware(state)
        case .models: return models(state, names)
        case .registries: return registries(state)
        case .cost: return PaneTable([Instance](), id: \.id, columns: [])  // drawn by `CostModel`, not as a table
        case .events: return events(state)
        }
    }

    // MARK: Panes

    /// The status to show: a pending start/stop overrides the last poll.
    static func displayStatus(_ instance: Instance, _ state: State) -> InstanceStatus {
        state.transitions[instance.id].map { InstanceStatus(rawValue: $0.status) } ?? instance.status
    }

    /// Ready and total pods over all regions, when the detail is known.
    static func pods(_ id: String, _ state: State) -> (ready: Int, total: Int)? {
        state.details[id].map { detail in
            (detail.regions.map(\.ready).saturatingSum, detail.regions.map(\.total).saturatingSum)
        }
    }

    private static func instances(_ state: State, _ names: NameBook) -> PaneTable {
        let now = state.now
        // Built once per table, not once per row: a filter reads every row's text.
        let hardwareNames = Dictionary(state.hardware.map { ($0.id, shortName($0)) }) { first, _ in first }
        var columns: [Column<Instance>] = [
            Column("NAME", minWidth: 12, flexible: true, priority: ColumnHeader.kept, letter: "N", text: \.name),
            Column(
                "STATUS", minWidth: 17, priority: ColumnHeader.kept, letter: "S", text: { displayStatus($0, state).rawValue },
                tone: { Tone(StatusClass(displayStatus($0, state))) }),
            Column(
                "FEATURES", minWidth: 8, flexible: true, priority: 1, letter: "F", text: { $0.features.joined(separator: ",") }),
            Column(
                "READY", alignment: .right, minWidth: 7, priority: ColumnHeader.kept, letter: "R",
                text: { pods($0.id, state).map { "\($0.ready)/\($0.total)" } ?? "-" },
                tone: { instance in
                    // Older than three refresh intervals: dimmed, whatever it says.
                    guard let pods = pods(instance.id, state), !state.isStale(instance.id) else { return .muted }
                    return pods.ready < pods.total ? .warning : .normal
                },
                sortKey: { instance in .number(pods(instance.id, state).map { Double($0.ready) } ?? -1) }),
            Column(
                "$/H", alignment: .right, minWidth: 8, priority: ColumnHeader.kept, letter: "H", text: { Formatting.money($0.hourlyPrice) },
                tone: { Billing($0.status) == .billed ? .normal : .muted },
                sortKey: { .number($0.hourlyPrice) }),
            Column(
                "AGE", alignment: .right, minWidth: 5, priority: 2, letter: "A", text: { Formatting.age(since: $0.createdAt, now: now) },
                sortKey: { .number(-($0.createdAt?.timeIntervalSince1970 ?? 0)) }),
            Column(
                "ADDRESS", minWidth: 10, flexible: true, letter: "E", text: { $0.address.map(withoutScheme) ?? "-" },
                tone: { $0.address == nil ? .muted : .normal }),
            // The list carries neither: "-" until the sweep brings the row's
            // detail. Below ADDRESS in priority, so they are the first to go,
            // and wide enough (10 + 12) not to fit at 80 columns: there the
            // other columns keep every cell they had without them.
            Column(
                "HARDWARE", minWidth: 10, priority: -1, letter: "W", text: { hardwareName($0.id, state, hardwareNames) },
                tone: { state.details[$0.id] == nil ? .muted : .normal }),
            Column(
                "REGIONS", minWidth: 12, flexible: true, priority: -1, letter: "I", text: { regionNames($0.id, state, names) },
                tone: { state.details[$0.id] == nil ? .muted : .normal }),
        ]
        // TIMER only while some instance has one (a column of dashes would
        // take six columns of a narrow terminal from the names), and last, so
        // that the sort column's index stays the same when it comes and goes.
        if !state.stopTimers.isEmpty {
            columns.append(Column(
                "TIMER", alignment: .right, minWidth: 7, priority: 3, letter: "M",
                text: { instance in state.stopTimers[instance.id].map { Formatting.countdown($0.dueAt.timeIntervalSince(now)) } ?? "-" },
                tone: { state.stopTimers[$0.id] == nil ? .muted : .warning },
                sortKey: { .number(state.stopTimers[$0.id]?.dueAt.timeIntervalSince1970 ?? .infinity) }))
        }
        return PaneTable(state.instances, id: \.id, columns: columns)
    }

    /// The short name of an instance's hardware ("1xL40S"), from its detail;
    /// its id while the catalog does not name it.
    static func hardwareName(_ id: String, _ state: State, _ shortNames: [String: String]) -> String {
        guard let detail = state.details[id] else { return "-" }
        return shortNames[detail.hardwareId] ?? detail.hardwareId
    }

    /// The regions an instance is deployed in ("Paris,Tokyo"), from its detail.
    static func regionNames(_ id: String, _ state: State, _ names: NameBook) -> String {
        guard let detail = state.details[id] else { return "-" }
        return detail.regions.isEmpty ? "-" : detail.regions.map { names.region($0.regionId) }.joined(separator: ",")
    }

    /// Columns read from an instance's detail rather than the list: rows
    /// sorted by one of them move when a detail arrives.
    static let detailColumns: Set<String> = ["READY", "HARDWARE", "REGIONS"]

    /// An endpoint without `https://`, which every address shares: the host is
    /// what tells them apart in a narrow column.
    static func withoutScheme(_ address: String) -> String {
        address.range(of: "://").map { String(address[$0.upperBound...]) } ?? address
    }

    /// A hardware flavor's short label for a matrix column: "1xL40S" of "1xL40S / 16 vCPU / ...".
    static func shortName(_ flavor: HardwareFlavor) -> String {
        let first = flavor.name.split(separator: "/").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return first.isEmpty ? flavor.name : first
    }

    private static func regions(_ state: State) -> PaneTable {
        var columns: [Column<Region>] = [
            Column("REGION", minWidth: 10, flexible: true, priority: ColumnHeader.kept, letter: "R", text: { "\($0.name) (\($0.countryCode))" }),
            Column("STATE", minWidth: 11, priority: ColumnHeader.kept, letter: "S", text: \.state, tone: { $0.isActive ? .ok : .warning }),
        ]
        for flavor in state.hardware {
            columns.append(Column(
                shortName(flavor), alignment: .right,
                minWidth: max(4, DisplayWidth.of(DisplayWidth.sanitized(shortName(flavor)))),
                text: { String($0.capacity(for: flavor.id)) },
                tone: { $0.capacity(for: flavor.id) == 0 || !$0.isActive ? .muted : .normal },
                sortKey: { .number(Double($0.capacity(for: flavor.id))) }))
        }
        let ids = state.hardware.map(\.id)
        columns.append(Column(
            "TOTAL", alignment: .right, minWidth: 7, priority: ColumnHeader.kept, letter: "A",
            text: { region in String(ids.map(region.capacity).saturatingSum) },
            sortKey: { region in .number(Double(ids.map(region.capacity).saturatingSum)) }))
        return PaneTable(state.regions, id: { String($0.id) }, columns: columns)
    }

    /// ACTIVE regions with room for at least one pod of the flavor.
    static func regionsWithCapacity(_ hardwareId: String, _ state: State) -> Int {
        state.regions.filter { $0.isActive && $0.capacity(for: hardwareId) > 0 }.count
    }

    private static func hardware(_ state: State) -> PaneTable {
        let columns: [Column<HardwareFlavor>] = [
            Column("NAME", minWidth: 14, flexible: true, priority: ColumnHeader.kept, letter: "N", text: \.name),
            Column("GPU", minWidth: 20, flexible: true, priority: 3, text: { $0.gpu.map { "\($0.model) x\($0.count)" } ?? "-" }),
            Column(
                "GPU MEM", alignment: .right, minWidth: 9, priority: 2, letter: "M", text: { $0.gpu.map { "\($0.memoryGiB) GiB" } ?? "-" },
                sortKey: { .number(Double($0.gpu.map { $0.memoryGiB * $0.count } ?? 0)) }),
            Column(
                "vCPU", alignment: .right, minWidth: 4, text: { String($0.cpuMillicores / 1000) },
                sortKey: { .number(Double($0.cpuMillicores)) }),
            Column(
                "RAM", alignment: .right, minWidth: 8, text: { Formatting.gibibytes(fromMiB: $0.ramMiB) },
                sortKey: { .number(Double($0.ramMiB)) }),
            Column(
                "$/H POD", alignment: .right, minWidth: 9, priority: ColumnHeader.kept, letter: "H",
                text: { state.hardwarePrices[$0.id].map(Formatting.money) ?? "…" },
                tone: { state.hardwarePrices[$0.id] == nil ? .muted : .normal },
                sortKey: { .number(state.hardwarePrices[$0.id] ?? .infinity) }),
            Column(
                "REGIONS", alignment: .right, minWidth: 9, priority: ColumnHeader.kept, letter: "R", text: { String(regionsWithCapacity($0.id, state)) },
                tone: { regionsWithCapacity($0.id, state) == 0 ? .muted : .normal },
                sortKey: { .number(Double(regionsWithCapacity($0.id, state))) }),
        ]
        return PaneTable(state.hardware, id: \.id, columns: columns)
    }

    private static func models(_ state: State, _ names: NameBook) -> PaneTable {
        let columns: [Column<InferenceModel>] = [
            Column("NAME", minWidth: 14, flexible: true, priority: ColumnHeader.kept, letter: "N", text: \.name),
            Column("FEATURES", minWidth: 12, letter: "F", text: { $0.features.joined(separator: ",") }),
            Column(
                "PORT", alignment: .right, minWidth: 6, letter: "P", text: { $0.port.map(String.init) ?? "-" },
                sortKey: { .number(Double($0.port ?? 0)) }),
            Column("DEFAULT HARDWARE", minWidth: 18, flexible: true, letter: "H", text: { names.hardware($0.defaultHardwareId) }),
        ]
        return PaneTable(state.models, id: \.id, columns: columns)
    }

    /// Newest first by default (the listing starts descending on TIME).
    private static func events(_ state: State) -> PaneTable {
        let columns: [Column<AccountEvent>] = [
            Column(
                "TIME", minWidth: 19, priority: 2, letter: "M", text: { Formatting.localTime($0.at, in: state.settings.timeZone) },
                sortKey: { .number($0.at.timeIntervalSince1970) }),
            Column("EVENT", minWidth: 9, priority: ColumnHeader.kept, letter: "E", text: { $0.kind.label }, tone: { eventTone($0) }),
            Column(
                "INSTANCE", minWidth: 12, flexible: true, priority: ColumnHeader.kept, letter: "I",
                text: { $0.instanceName ?? $0.instanceId ?? "-" }),
            Column(
                "CHANGE", minWidth: 16, flexible: true, priority: ColumnHeader.kept, letter: "C", text: { $0.change },
                tone: { eventTone($0) }),
            Column("DETAIL", minWidth: 10, flexible: true, priority: 1, letter: "A", text: { $0.detail ?? "" }),
        ]
        return PaneTable(state.events, id: \.listId, columns: columns)
    }

    /// Trouble in red, what a person wants to hear (ready, stopped on time) in green.
    static func eventTone(_ event: AccountEvent) -> Tone {
        switch event.alertClass {
        case .error?, .partial?: .error
        case .budget?, .deleted?: .warning
        case .ready?, .stopped?, .timer?: .ok
        case nil: event.kind == .alertFailed || event.detail?.contains("failed") == true ? .error : .normal
        }
    }

    private static func registries(_ state: State) -> PaneTable {
        let columns: [Column<Registry>] = [
            Column("NAME", minWidth: 12, flexible: true, priority: ColumnHeader.kept, letter: "N", text: \.name),
            Column("URL", minWidth: 16, flexible: true, priority: 2, letter: "U", text: \.url),
            Column(
                "CREATED", minWidth: 20, priority: 1, letter: "C", text: { Formatting.timestamp($0.createdAt) },
                sortKey: { .number($0.createdAt?.timeIntervalSince1970 ?? 0) }),
            Column(
                "UPDATED", minWidth: 20, letter: "P", text: { Formatting.timestamp($0.updatedAt) },
                sortKey: { .number($0.updatedAt?.timeIntervalSince1970 ?? 0) }),
        ]
        return PaneTable(state.registries, id: \.id, columns: columns)
    }
}
