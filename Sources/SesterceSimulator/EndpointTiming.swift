/// How fast a simulated endpoint answers: the delay before the first token and
/// the interval between tokens. By default it follows the instance's hardware,
/// as a real vLLM server would (bigger GPUs decode faster); `--endpoint-timing`
/// fixes both, so a test knows exactly what a probe should measure.
public struct EndpointTiming: Sendable, Equatable {
    public var firstToken: Duration
    public var interval: Duration

    public init(firstToken: Duration, interval: Duration) {
        self.firstToken = firstToken
        self.interval = interval
    }

    /// Added to the first token when the instance had scaled to zero pods: a
    /// pod has to start and load the model first.
    public static let coldStart: Duration = .seconds(6)

    /// Typical figures of a small chat model per GPU (first token, tokens a
    /// second); more GPUs of a kind decode a little faster.
    public static func forHardware(gpuModel: String?, count: Int) -> EndpointTiming {
        let (firstMs, perSecond): (Int, Double) =
            switch gpuModel ?? "" {
            case let name where name.contains("H200"): (150, 75)
            case let name where name.contains("H100"): (190, 60)
            case let name where name.contains("A100"): (260, 42)
            case let name where name.contains("L40S"): (320, 30)
            default: (600, 12)
            }
        let boost = 1 + 0.15 * Double(max(0, count - 1))
        return EndpointTiming(firstToken: .milliseconds(firstMs), interval: .seconds(1 / (perSecond * boost)))
    }

    /// Parses `180ms,25ms` (or seconds: `0.18s,0.025s`).
    public static func parse(_ text: String) -> EndpointTiming? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let first = duration(parts[0]), let interval = duration(parts[1]), interval > .zero else {
            return nil
        }
        return EndpointTiming(firstToken: first, interval: interval)
    }

    private static func duration(_ text: String) -> Duration? {
        let (number, scale): (Substring, Double) =
            text.hasSuffix("ms") ? (text.dropLast(2), 1e-3) : text.hasSuffix("s") ? (text.dropLast(), 1) : (Substring(text), 1e-3)
        guard let value = Double(number), value >= 0, value <= 600 / scale else { return nil }
        return .seconds(value * scale)
    }
}
