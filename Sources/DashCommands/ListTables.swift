import DashboardCore
import SesterceAPI

/// The `--output table` layouts: the records of the JSON output, as a person
/// reads them (money as `$1,234.50`, memory in GiB, dates in UTC).
enum ListTables {
    static func instances(_ records: [InstanceRecord]) -> String {
        let table = TextTable(
            headers: ["NAME", "STATUS", "$/H", "ADDRESS", "CREATED", "ID"],
            rows: records.map {
                [$0.name, $0.status, Formatting.money($0.hourlyPrice), $0.address ?? "-", Formatting.timestamp($0.createdAt), $0.id]
            },
            rightAligned: [2])
        let billed = records.filter { $0.billing == .billed }
        let starting = records.filter { $0.billing == .starting }
        let rate = BurnRate(prices: records.map { (InstanceStatus(rawValue: $0.status), $0.hourlyPrice) })
        return table.render()
            + "\(records.count) instances, \(billed.count) billed: \(Formatting.money(rate.perHour))/h, "
            + "\(Formatting.money(rate.perDay))/day, \(Formatting.money(rate.perMonth))/month; "
            + "\(starting.count) starting: +\(Formatting.money(rate.startingPerHour))/h\n"
    }

    static func regions(_ records: [RegionRecord]) -> String {
        TextTable(
            headers: ["ID", "NAME", "COUNTRY", "STATE", "FREE PODS"],
            rows: records.map { [String($0.id), $0.name, $0.countryCode, $0.state, String($0.capacities.values.saturatingSum)] },
            rightAligned: [0, 4]
        ).render()
    }

    static func hardware(_ records: [HardwareRecord]) -> String {
        TextTable(
            headers: ["NAME", "GPU", "VCPU", "RAM", "$/H PER POD", "ID"],
            rows: records.map { record in
                [
                    record.name,
                    record.gpu.map { "\($0.count)x \($0.model) \($0.memoryGiB) GiB" } ?? "-",
                    vcpus(record.cpuMillicores),
                    Formatting.gibibytes(fromMiB: record.ramMiB),
                    record.hourlyPrice.map(Formatting.money) ?? "-",
                    record.id,
                ]
            },
            rightAligned: [2, 3, 4]
        ).render()
    }

    static func models(_ records: [ModelRecord]) -> String {
        TextTable(
            headers: ["NAME", "PORT", "FEATURES", "ID"],
            rows: records.map { [$0.name, $0.port.map(String.init) ?? "-", $0.features.joined(separator: ", "), $0.id] },
            rightAligned: [1]
        ).render()
    }

    static func registries(_ records: [RegistryRecord]) -> String {
        TextTable(
            headers: ["NAME", "URL", "CREATED", "ID"],
            rows: records.map { [$0.name, $0.url, Formatting.timestamp($0.createdAt), $0.id] }
        ).render()
    }

    static func price(_ record: PriceRecord) -> String {
        func money(_ amount: Double) -> String {
            record.currencyCode == "USD" ? Formatting.money(amount) : Formatting.money(amount).replacingOccurrences(of: "$", with: "") + " \(record.currencyCode)"
        }
        return TextTable(
            headers: ["HARDWARE", "REGIONS", "MAX PODS", "PER HOUR", "PER MONTH"],
            rows: [[
                record.hardwareId, record.regionIds.map(String.init).joined(separator: ","), String(record.maxPods),
                money(record.pricePerHour), money(record.pricePerMonth),
            ]],
            rightAligned: [2, 3, 4]
        ).render()
    }

    /// `16`, or `0.5` for a fraction of a CPU.
    private static func vcpus(_ millicores: Int) -> String {
        millicores % 1000 == 0 ? String(millicores / 1000) : String(Double(millicores) / 1000)
    }
}
