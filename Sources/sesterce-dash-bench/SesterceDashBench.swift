/// `sesterce-dash-bench [NAME...]`: how long the dashboard's stages take with a
/// large account (10,000 instances) and a small one (100), printed as one JSON
/// object per line (`name`, median `value` in `ms`, `iterations`, `p95`, `min`).
/// Names given as arguments run only those benchmarks, to profile one.
/// Targets: decode < 100 ms, reduce + view-model < 20 ms, render < 2 ms and
/// independent of the total number of rows, a key in a form < 16 ms (a frame),
/// an action handed to the running loop drawn < 5 ms, a streamed token on
/// screen < 50 ms after the endpoint sent it (`token_to_frame`), a poll of 10,000
/// instances written to the ledger < 30 ms, a month of them reported < 500 ms
/// from a ledger < 200 MB, the metrics of 10,000 instances updated and rendered
/// (`metrics_update_10k`; the text alone, `metrics_render_10k`; a poll where 1 % changed, `metrics_poll_10k`); one million chat chunks parsed (`sse_parse_1m`) and
/// the probe's CPU at 64 streams (`probe_cpu_64`, its own line). Build with `-c release`.
import Foundation

@main
struct SesterceDashBench {
    static func main() async throws {
        let selected = Set(CommandLine.arguments.dropFirst())
        let stopwatch = Stopwatch()
        let large = try await DemoData(instanceCount: 10_000)
        let small = try await DemoData(instanceCount: 100)

        // Written at once, unbuffered: a later failure must not take the
        // figures already measured with it (print's stdout is block-buffered
        // into a file).
        func emit(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        func run(_ name: String, _ benchmark: (String) async throws -> BenchmarkResult) async rethrows {
            guard selected.isEmpty || selected.contains(name) else { return }
            emit(try await benchmark(name).jsonLine)
        }

        try await run("decode_list_10k") { try await Benchmarks.decodeList($0, large, stopwatch) }
        await run("reduce_poll_10k") { Benchmarks.reducePoll($0, large, stopwatch) }
        await run("reduce_poll_100") { Benchmarks.reducePoll($0, small, stopwatch) }
        await run("filter_10k") { Benchmarks.filter($0, large, stopwatch) }
        await run("sort_10k") { Benchmarks.sort($0, large, stopwatch) }
        await run("view_model_10k") { Benchmarks.viewModel($0, large, stopwatch) }
        await run("view_model_100") { Benchmarks.viewModel($0, small, stopwatch) }
        await run("render_frame_10k") { Benchmarks.renderFrame($0, large, width: 200, height: 60, stopwatch) }
        await run("render_frame_100") { Benchmarks.renderFrame($0, small, width: 200, height: 60, stopwatch) }
        await run("render_frame_10k_120x40") { Benchmarks.renderFrame($0, large, width: 120, height: 40, stopwatch) }
        await run("form_keystroke_10k") { Benchmarks.formKeystroke($0, large, stopwatch) }
        await run("form_keystroke_100") { Benchmarks.formKeystroke($0, small, stopwatch) }
        try await run("action_to_frame") { try await Benchmarks.actionToFrame($0, instances: 100) }
        try await run("token_to_frame") { try await Benchmarks.tokenToFrame($0) }
        try await run("ledger_append_10k") { try await Benchmarks.ledgerAppend($0, large, stopwatch) }
        if selected.isEmpty || selected.contains("report_month_10k") {
            for result in try await Benchmarks.reportMonth("report_month_10k", large, stopwatch) { emit(result.jsonLine) }
        }
        await run("metrics_update_10k") { Benchmarks.metricsUpdate($0, large, stopwatch) }
        await run("metrics_poll_10k") { Benchmarks.metricsPoll($0, large, stopwatch) }
        await run("metrics_render_10k") { Benchmarks.metricsRender($0, large, stopwatch) }
        await run("sse_parse_1m") { Benchmarks.sseParse($0, stopwatch) }
        if selected.isEmpty || selected.contains("probe_cpu_64") { emit(try await Benchmarks.probeCPU("probe_cpu_64")) }
    }
}
