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
    /// Opens another profile's account for `:ctx`; nil when the session cannot switch.
    private let opener: AccountOpener?

    init(
        client: SesterceClient, settings: State.Settings, colorMode: ColorMode, theme: Theme, mouse: Bool, log: EventLog?,
        ledger: Ledger?, endpoints: EndpointAccess, webhook: WebhookPost?, opener: AccountOpener?
    ) {
        self.opener = opener
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
            endpoints: endpoints, webhook: webhook, opener: opener,
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
        case .mutationFinished(let mutation, let error?): log.write("\(mutation.logDescription) failed: \(error)")
        case .mutationFinished(let mutation, nil): log.write("\(mutation.logDescription) done")
        case .instanceSaved(let mutation, .failure(let error)): log.write("\(mutation.logDescription) failed: \(error)")
        case .instanceSaved(let mutation, .success(let instance)):
            log.write("\(mutation.logDescription) done: \(instance.id) \(instance.status.rawValue)")
        case .priceQuoted(_, .failure(let error)): log.write("price preview failed: \(error)")
        case .ledgerFailed(let message): log.write("ledger failed: \(message)")
        case .accountOpened(let account): log.write("switched to profile \(account.profile) (\(account.host))")
        case .accountNotOpened(let profile, let reason): log.write("switch to profile \(profile) failed: \(reason)")
        default: break
        }
    }
}

extension Mutation {
    /// What a change did, for the log: names and ids only. Never written out
    /// whole: an instance's settings hold env values and a registry's its password.
    var logDescription: String {
        switch self {
        case .start(let id, let name): "start \(name) (\(id))"
        case .stop(let id, let name): "stop \(name) (\(id))"
        case .createInstance(let spec): "create instance \(spec.name)"
        case .updateInstance(let id, let spec): "update instance \(spec.name) (\(id))"
        case .deleteInstance(let id, let name): "delete instance \(name) (\(id))"
        case .createRegistry(let name, _): "create registry \(name)"
        case .updateRegistry(let id, let name, _): "update registry \(name) (\(id))"
        case .deleteRegistry(let id, let name): "delete registry \(name) (\(id))"
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

    public func copyToClipboard(_ text: String) {
        alert(ClipboardCopy.osc52(text, tmux: ProcessInfo.processInfo.environment["TMUX"]))
    }

    public var inputDescriptor: Int32 { STDIN_FILENO }
    public var columns: Int { size.width }
    public var rows: Int { size.height }
    public func nextKey() -> KeyEvent? { readKey(timeout: .zero) }
}
