import Foundation
import SesterceAPI

/// What commands take for an instance, a hardware flavor or a region: its id,
/// else its name (the id wins when a name equals another item's id). A name
/// two items share is refused with the matches listed, never guessed.
public enum NameLookup {
    /// The instance whose id, else whose name, is `query`.
    public static func instance(_ query: String, in instances: [Instance]) throws(CommandRefusal) -> Instance {
        try one(query, "instance", in: instances, id: \.id, names: { [$0.name] }, label: { "\($0.id) (\($0.status.rawValue))" },
                listing: "sesterce-dash list instances")
    }

    /// The flavor whose id, else whose name or short name (`1xL40S`), is `query`; case ignored in names.
    public static func hardware(_ query: String, in hardware: [HardwareFlavor]) throws(CommandRefusal) -> HardwareFlavor {
        try one(query, "hardware", in: hardware, id: \.id, names: { [$0.name, shortName($0)] }, label: { "\($0.id) (\($0.name))" },
                listing: "sesterce-dash list hardware")
    }

    /// The region whose id, else whose name (`Paris`, or `Paris (FR)`), is `query`; case ignored in names.
    public static func region(_ query: String, in regions: [Region]) throws(CommandRefusal) -> Region {
        try one(query, "region", in: regions, id: { String($0.id) }, names: { [$0.name, "\($0.name) (\($0.countryCode))"] },
                label: { "\($0.id) (\($0.name))" }, listing: "sesterce-dash list regions")
    }

    /// "1xL40S" of "1xL40S / 16 vCPU / 232GiB RAM": what the Regions pane heads its columns with.
    static func shortName(_ flavor: HardwareFlavor) -> String {
        String(flavor.name.prefix { $0 != "/" }).trimmingCharacters(in: .whitespaces)
    }

    private static func one<Item>(
        _ query: String, _ kind: String, in items: [Item], id: (Item) -> String, names: (Item) -> [String],
        label: (Item) -> String, listing: String
    ) throws(CommandRefusal) -> Item {
        var matches = items.filter { id($0) == query }
        if matches.isEmpty {
            matches = items.filter { names($0).contains { $0.caseInsensitiveCompare(query) == .orderedSame } }
        }
        guard let item = matches.first else {
            throw CommandRefusal("No \(kind) named or with id '\(query)' (see `\(listing)`).")
        }
        guard matches.count == 1 else {
            throw CommandRefusal(
                "Several \(kind == "hardware" ? "flavors" : kind + "s") are named '\(query)': use an id. Matches: "
                    + matches.map(label).sorted().joined(separator: ", ") + ".")
        }
        return item
    }
}
