/// The dashboard's top-level views, in the order of their number keys.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case instances = 1, regions, hardware, models, registries, cost, events

    public var title: String {
        switch self {
        case .instances: "Instances"
        case .regions: "Regions"
        case .hardware: "Hardware"
        case .models: "Models"
        case .registries: "Registries"
        case .cost: "Cost"
        case .events: "Events"
        }
    }

    /// The poll that brings this pane's rows.
    public var poll: PollKind {
        switch self {
        case .instances: .instances
        case .regions: .catalog(.regions)
        case .hardware: .catalog(.hardware)
        case .models: .catalog(.models)
        case .registries: .catalog(.registries)
        case .cost, .events: .instances
        }
    }

    public var next: Pane { Pane(rawValue: rawValue % Pane.allCases.count + 1)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1)! }
}
