import DashboardCore
import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceModels
import SesterceSimulator
import TerminalUI

extension Benchmarks {
    /// From a chat token sent by an endpoint to the frame that shows it: the
    /// real session (loop, runner, endpoint client) on a headless 120x40
    /// terminal, in chat-prod's playground, against the simulator's endpoint
    /// with a fixed timing. The simulator sends token k of a reply at
    /// `start + first + k × interval`, `start` being when the request reached
    /// it; the bench only knows when it pressed Enter, which is earlier, so
    /// each figure is an upper bound. The tokens shown are read from the
    /// reply's figures line; a frame that shows two new tokens is counted for
    /// both (the earlier one's figure then holds a wait the screen did not
    /// cause: an upper bound again).
    static func tokenToFrame(_ name: String, replies: Int = 3) async throws -> BenchmarkResult {
        let first = Duration.milliseconds(50), interval = Duration.milliseconds(25)
        var options = SimulatorOptions()
        options.endpointKey = "bench"
        options.endpointTiming = EndpointTiming(firstToken: first, interval: interval)
        let session = try await RunningSession(
            options, endpoints: EndpointAccess(secret: EndpointSecret("bench"), allowInsecureHTTP: true))
        func next(where shown: ([String]) -> Bool) async -> (ContinuousClock.Instant, [String])? {
            while let (time, frame) = await session.nextFrame() {
                let body = Array(frame.lines.dropFirst(2).dropLast(2))
                if shown(body) { return (time, body) }
            }
            return nil
        }
        // The reply's figures line under it: `TTFT 52 ms · 12 tokens · 39.8 tok/s`.
        func tokensShown(_ body: [String]) -> Int {
            guard let line = body.last(where: { $0.contains("TTFT") }), let range = line.range(of: " tokens") else { return 0 }
            return Int(line[..<range.lowerBound].split(separator: " ").last ?? "") ?? 0
        }
        _ = await next { $0.contains { $0.contains("chat-prod") } }
        session.inbox.post(.command(.playground))
        _ = await next { $0.contains { $0.contains("Playground · chat-prod · llama") } }
        var samples: [Double] = []
        for reply in 0..<replies {
            let prompt = "Reply number \(reply + 1), please."
            for character in prompt { session.inbox.post(.playgroundKey(.character(character))) }
            _ = await next { $0.contains { $0.contains(prompt) } }
            let sent = ContinuousClock.now
            session.inbox.post(.playgroundKey(.enter))
            // From the frame that shows the new turn streaming (its figures
            // line is then the last) to the one where the reply is done.
            var shownTokens = 0
            var frame = await next { $0.contains { $0.contains("Streaming") } }
            while let (time, body) = frame {
                let count = tokensShown(body)
                while shownTokens < count {
                    let due = sent + first + interval * shownTokens
                    samples.append((time - due).milliseconds)
                    shownTokens += 1
                }
                guard body.contains(where: { $0.contains("Streaming") }) else { break }
                frame = await next { _ in true }
            }
        }
        await session.stop()
        return BenchmarkResult(name: name, samples: samples)
    }
}
