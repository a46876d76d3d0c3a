import CursesBackend
import DashboardCore
import Foundation
import SesterceAPI
import Synchronization
import TerminalUI

/// The run loop: reads keys, feeds actions to `reduce`, hands effects to the
/// runner, and draws a new frame when the screen model changed. It runs on a
/// thread of its own because ncurses blocks while waiting for a key.
final class DashboardSession: Sendable {
    private let client: SesterceClient
    private let settings: State.Settings
    private let colorMode: ColorMode
    private let theme: Theme
    private let log: EventLog?
    private let keymap: Keymap
    /// Actions sent by the effect runner from other threads, taken by the loop.
    private let inbox = Mutex<[Action]>([])

    /// How long the loop waits for a key before looking at the inbox and clock:
    /// keys answer at once, API results show within this. 100 ms cost 1.2 % of
    /// a core while idle; 250 ms, 0.6 % (release, 100 instances, 5 s refresh).
    static let keyWait: Duration = .milliseconds(250)

    init(
        client: SesterceClient, settings: State.Settings, colorMode: ColorMode, theme: Theme, log: EventLog?,
        keymap: Keymap = .standard
    ) {
        self.client = client
        self.settings = settings
        self.colorMode = colorMode
        self.theme = theme
        self.log = log
        self.keymap = keymap
    }

    func runOnOwnThread() async -> Result<Void, TerminalError> {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                do throws(TerminalError) {
                    try run()
                    continuation.resume(returning: .success(()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "sesterce-dash ui"
            thread.start()
        }
    }

    private func run() throws(TerminalError) {
        let terminal = try CursesTerminal(colorMode: colorMode)
        defer { terminal.restore() }
        let runner = EffectRunner(client: client) { [self] action in inbox.withLock { $0.append(action) } }
        defer { runner.cancelAll() }

        var state = State(settings: settings, now: Date())
        var quitting = false
        var dirty = true
        func dispatch(_ action: Action) {
            dirty = true
            log(action)
            for effect in reduce(&state, action) {
                if effect == .quit { quitting = true }
                if let log, let request = effect.requestDescription { log.write("request \(request)") }
                runner.run(effect)
            }
        }

        let size = terminal.size
        dispatch(.resized(width: size.width, height: size.height))
        dispatch(.launched(Date()))
        var lastTick = Date()
        var shown: ScreenModel?
        while !quitting {
            var key = terminal.readKey(timeout: Self.keyWait)
            var keysRead = 0
            while let pressed = key, !quitting {
                if pressed == .resize {
                    let size = terminal.size
                    dispatch(.resized(width: size.width, height: size.height))
                } else if let action = keymap.action(for: pressed, in: state) {
                    dispatch(action)
                }
                keysRead += 1
                key = keysRead < 256 ? terminal.readKey(timeout: .zero) : nil
            }
            for action in inbox.withLock({ actions in defer { actions.removeAll() }; return actions }) { dispatch(action) }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                dispatch(.tick(now))
                lastTick = now
            }
            guard dirty, !quitting else { continue }
            dirty = false
            let model = ScreenModel(state, keymap: keymap)
            if model != shown {
                var frame = Buffer(width: state.width, height: state.height)
                Screen(model: model, theme: theme).render(into: &frame)
                terminal.draw(frame)
                shown = model
            }
        }
    }

    private func log(_ action: Action) {
        guard let log else { return }
        switch action {
        case .instancesPolled(.failure(let error), _, _): log.write("instances failed: \(error)")
        case .instancesPolled(.success(let instances), _, _): log.write("instances polled: \(instances.count)")
        case .detailLoaded(.failure(let error), _): log.write("detail failed: \(error)")
        case .catalogPolled(let result, _): if let error = result.firstErrorDescription { log.write("catalog failed: \(error)") }
        case .mutationFinished(let mutation, let error?): log.write("\(mutation) failed: \(error)")
        case .mutationFinished(let mutation, nil): log.write("\(mutation) done")
        case .instanceSaved(let mutation, .failure(let error)):
            log.write("\(Effect.perform(mutation).requestDescription ?? "save") failed: \(error)")
        case .instanceSaved(let mutation, .success(let instance)):
            log.write("\(Effect.perform(mutation).requestDescription ?? "save") done: \(instance.id) \(instance.status.rawValue)")
        case .priceQuoted(_, .failure(let error)): log.write("price preview failed: \(error)")
        default: break
        }
    }
}

extension Effect {
    /// What a request effect asks for, for the log; nil for timers and quitting.
    /// An instance's settings are named, not written out: env values may be secrets.
    var requestDescription: String? {
        switch self {
        case .schedule, .schedulePrice, .quit: nil
        case .perform(.createInstance(let spec)): "create instance \(spec.name)"
        case .perform(.updateInstance(let id, let spec)): "update instance \(spec.name) (\(id))"
        default: String(describing: self)
        }
    }
}
