import CursesBackend
import DashboardCore
import DashboardRuntime
import Foundation
import Ledger
import SesterceAPI
import TerminalUI
import TextLayout

/// The dashboard on the terminal: the curses screen, the effect runner and
/// the session loop, wired together. It runs on a thread of its own because
/// the loop blocks in `poll(2)` between events.
final class DashboardSession: Sendable {
    private let client: SesterceClient
    private let settings: State.Settings
    private let colorMode: ColorMode
    private let theme: Theme
    private let mouse: Bool
    private let log: EventLog?
    private let ledger: Ledger?
    private let endpoints: EndpointAccess
    private let webhook: WebhookPost?

    init(
        client: SesterceClient, settings: State.Settings, colorMode: ColorMode, theme: Theme, mouse: Bool, log: EventLog?,
        ledger: Ledger?, endpoints: EndpointAccess, webhook: WebhookPost?
    ) {
        self.ledger = ledger
        self.webhook = webhook
        self.endpoints = endpoints
        self.client = client
        self.settings = settings
        self.colorMode = colorMode
        self.theme = theme
        self.mouse = mouse
        self.log = log
    }

    /// Runs the dashboard; fails when the terminal or the loop cannot start.
    func runOnOwnThread() async -> Result<Void, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                do {
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

    private func run() throws {
        let inbox = try ActionInbox()
        let terminal = try CursesTerminal(colorMode: colorMode, mouse: mouse)
        defer { terminal.restore() }
        _ = SessionLoop.run(
            on: terminal, client: client, settings: settings, theme: theme, inbox: inbox, ledger: ledger,
            endpoints: endpoints, webhook: webhook,
            request: { [log] effect in
                if let log, let request = effect.requestDescription { log.write("request \(request)") }
            },
            observe: { [self] action in log(action) })
    }

    private func log(_ action: Action) {
        guard let log else { return }
        switch action {
        case .instancesPolled(.failure(let error), _, _): log.write("instances failed: \(error)")
        case .instancesPolled(.success(let instances), _, _): log.write("instances polled: \(instances.count)")
        case .detailLoaded(.failure(let error), _, _): log.write("detail failed: \(error)")
        case .catalogPolled(let list, _): if let error = list.error { log.write("\(list.kind.rawValue) failed: \(error)") }
        case .requestsSlowed(let rate): log.write("rate limited: the pace is now \(Formatting.rate(rate))")
        case .mutationFinished(let mutation, let error?): log.write("\(mutation) failed: \(error)")
        case .mutationFinished(let mutation, nil): log.write("\(mutation) done")
        case .instanceSaved(let mutation, .failure(let error)):
            log.write("\(Effect.perform(mutation).requestDescription ?? "save") failed: \(error)")
        case .instanceSaved(let mutation, .success(let instance)):
            log.write("\(Effect.perform(mutation).requestDescription ?? "save") done: \(instance.id) \(instance.status.rawValue)")
        case .priceQuoted(_, .failure(let error)): log.write("price preview failed: \(error)")
        case .ledgerFailed(let message): log.write("ledger failed: \(message)")
        default: break
        }
    }
}

extension Effect {
    /// What a request effect asks for, for the log; nil for timers and quitting.
    /// An instance's settings are named, not written out: env values may be secrets.
    var requestDescription: String? {
        switch self {
        case .timer, .cancel, .quit, .loadCostHistory, .recordEvent, .loadEvents, .loadStopTimers, .claimStopTimer, .ringBell,
             .notifyDesktop: nil
        case .postWebhook(let event): "webhook: \(event.kind.rawValue) of \(event.instanceName ?? "the account")"
        case .recordPoll(let instances, _, _, _): "ledger: record \(instances.count) instances"
        case .perform(.createInstance(let spec)): "create instance \(spec.name)"
        case .perform(.updateInstance(let id, let spec)): "update instance \(spec.name) (\(id))"
        default: String(describing: self)
        }
    }
}

extension CursesTerminal: TerminalDevice {
    public func alert(_ alert: TerminalAlert) {
        switch alert {
        case .bell: self.alert(DesktopNotification.bell)
        case .desktop(let title, let body):
            self.alert(AlertChannels.desktopNotification(title: title, body: body, environment: ProcessInfo.processInfo.environment))
        }
    }

    public var inputDescriptor: Int32 { STDIN_FILENO }
    public var columns: Int { size.width }
    public var rows: Int { size.height }
    public func nextKey() -> KeyEvent? { readKey(timeout: .zero) }
}
