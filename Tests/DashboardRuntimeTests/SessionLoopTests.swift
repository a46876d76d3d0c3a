import DashboardCore
import DashboardRuntime
import Foundation
import SesterceAPI
import SesterceSimulator
import TerminalUI
import Testing

/// The real session loop on a headless terminal, with the real runner and
/// client against the simulator on loopback: keys typed into the terminal's
/// pipe, frames read back as text.
@Suite("Session loop", .timeLimit(.minutes(1)))
struct SessionLoopTests {
    /// A running session and what it draws.
    struct Running {
        let terminal: HeadlessTerminal
        var frames: AsyncStream<Buffer>.Iterator
        let ended: AsyncStream<State>

        /// The next frame whose text contains `text`.
        mutating func frame(showing text: String) async -> [String]? {
            while let frame = await frames.next() {
                if frame.lines.contains(where: { $0.contains(text) }) { return frame.lines }
            }
            return nil
        }
    }

    static func withSession(_ body: (inout Running) async throws -> Void) async throws {
        let server = try await SimulatorServer.start(SimulatorOptions())
        let (frames, sink) = AsyncStream<Buffer>.makeStream()
        let (ended, endSink) = AsyncStream<State>.makeStream()
        let terminal = HeadlessTerminal(columns: 120, rows: 40) { sink.yield($0) }
        let client = SesterceClient(baseURL: server.url, apiKey: "demo-key")
        let inbox = try ActionInbox()
        let thread = Thread {
            endSink.yield(SessionLoop.run(on: terminal, client: client, settings: .init(host: "sim"), theme: .dark, inbox: inbox))
            endSink.finish()
        }
        thread.start()
        var running = Running(terminal: terminal, frames: frames.makeAsyncIterator(), ended: ended)
        do { try await body(&running) } catch {
            terminal.hangUp()
            await server.stop()
            throw error
        }
        terminal.hangUp()
        await server.stop()
    }

    @Test("The first frame fills from the simulator, keys switch panes, and q ends the loop")
    func keysAndResults() async throws {
        try await Self.withSession { session in
            #expect(await session.frame(showing: "chat-prod") != nil)
            session.terminal.type("2")
            #expect(await session.frame(showing: "Regions (7)") != nil)
            session.terminal.type("q")
            var ended = session.ended.makeAsyncIterator()
            let state = await ended.next()
            #expect(state?.pane == .regions)
        }
    }

    @Test("The clock redraws the age of the data once a second, without a key")
    func clockRedraws() async throws {
        try await Self.withSession { session in
            #expect(await session.frame(showing: "updated 0s ago") != nil)
            #expect(await session.frame(showing: "updated 1s ago") != nil)
            #expect(await session.frame(showing: "updated 2s ago") != nil)
        }
    }

    @Test("A terminal that hangs up ends the loop")
    func hangUp() async throws {
        try await Self.withSession { session in
            #expect(await session.frame(showing: "chat-prod") != nil)
            session.terminal.hangUp()
            var ended = session.ended.makeAsyncIterator()
            #expect(await ended.next() != nil)
        }
    }
}
