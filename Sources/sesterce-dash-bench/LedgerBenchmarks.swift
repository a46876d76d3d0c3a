import DashboardCore
import Foundation
import Ledger
import SesterceAPI

extension Benchmarks {
    /// One poll of 10,000 instances written to a ledger on disk (a real file
    /// in a temporary directory): the usual poll, where every instance is
    /// seen again unchanged and its interval is extended. Goal: under 30 ms.
    static func ledgerAppend(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) async throws -> BenchmarkResult {
        let directory = try BenchDirectory()
        let ledger = try Ledger.open(path: directory.path + "/ledger.sqlite", account: benchAccount, now: data.now).ledger
        try ledger.record(data.instances, at: data.now, maxGap: 60)
        var poll = 0
        return try await stopwatch.measure(name, iterations: 30) {
            poll += 1
            return try ledger.record(data.instances, at: data.now.addingTimeInterval(Double(poll) * 5), maxGap: 60)
        }
    }

    /// A month of 10,000 instances, each changing status every hour (ACTIVE,
    /// then DISABLED, then ACTIVE…), reported. Goals: the report under
    /// 500 ms; the file under 200 MB (`ledger_month_10k_size`, in MB).
    static func reportMonth(_ name: String, _ data: DemoData, _ stopwatch: Stopwatch) async throws -> [BenchmarkResult] {
        let directory = try BenchDirectory()
        let path = directory.path + "/ledger.sqlite"
        let monthStart = Ledger.monthStart(of: data.now)
        let ledger = try Ledger.open(path: path, account: benchAccount, now: monthStart).ledger
        let hours = 30 * 24
        for hour in 0...hours {
            let time = monthStart.addingTimeInterval(Double(hour) * 3600)
            let polled = data.instances.map { instance in
                var changed = instance
                changed.status = hour % 2 == 0 ? .active : .disabled
                changed.updatedAt = time
                return changed
            }
            try ledger.record(polled, at: time, maxGap: 7200)
        }
        let end = monthStart.addingTimeInterval(Double(hours) * 3600)
        let report = try await stopwatch.measure(name, iterations: 10) {
            try ledger.report(since: monthStart, until: end.addingTimeInterval(86_400))
        }
        try ledger.checkpoint()
        let bytes = ["", "-wal", "-shm"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        let size = BenchmarkResult(name: "ledger_month_10k_size", samples: [Double(bytes) / 1_000_000], unit: "MB")
        return [report, size]
    }

    static let benchAccount = AccountKey(host: "bench", apiKey: "bench-key")
}

/// A temporary directory removed when the benchmark is done with it.
final class BenchDirectory {
    let path = NSTemporaryDirectory() + "sesterce-dash-bench-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
