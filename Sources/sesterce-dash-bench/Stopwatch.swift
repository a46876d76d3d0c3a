/// Times a piece of work: a few untimed runs first (lazy globals, caches and the
/// allocator settle), then `iterations` timed runs. Each run gets a fresh input
/// from `prepare`, built outside the timing, so that a reducer benchmark starts
/// every run from the same state.
struct Stopwatch {
    var warmup = 3
    private let clock = ContinuousClock()

    func measure<Input, Output>(
        _ name: String, iterations: Int, prepare: () -> Input, _ work: (inout Input) -> Output
    ) -> BenchmarkResult {
        var samples: [Double] = []
        for run in 0..<(warmup + iterations) {
            var input = prepare()
            let start = clock.now
            let output = work(&input)
            let elapsed = clock.now - start
            blackHole(output)
            if run >= warmup { samples.append(elapsed.milliseconds) }
        }
        return BenchmarkResult(name: name, samples: samples)
    }

    func measure<Output>(_ name: String, iterations: Int, _ work: () async throws -> Output) async rethrows -> BenchmarkResult {
        var samples: [Double] = []
        for run in 0..<(warmup + iterations) {
            let start = clock.now
            let output = try await work()
            let elapsed = clock.now - start
            blackHole(output)
            if run >= warmup { samples.append(elapsed.milliseconds) }
        }
        return BenchmarkResult(name: name, samples: samples)
    }
}

/// Keeps the optimizer from dropping work whose result nobody reads.
@_optimize(none)
func blackHole<T>(_ value: T) {}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1_000_000_000_000_000
    }
}
