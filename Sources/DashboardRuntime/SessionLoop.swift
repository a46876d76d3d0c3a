import DashboardCore
import Foundation
import Ledger
import SesterceAPI
import TerminalUI
import TextLayout

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the loop needs of a terminal: keys, its size, and a way to show a
/// frame. ncurses' terminal is one; a headless one serves the benchmark and
/// the tests of the loop.
public protocol TerminalDevice: AnyObject {
    /// Readable when a key may be waiting.
    var inputDescriptor: Int32 { get }
    var columns: Int { get }
    var rows: Int { get }
    /// The next key if one is waiting; never blocks.
    func nextKey() -> KeyEvent?
    func draw(_ frame: Buffer)
    /// Rings the bell, or asks the terminal for a desktop notification.
    func alert(_ alert: TerminalAlert)
    /// Asks the terminal to put `text` on the person's clipboard.
    func copyToClipboard(_ text: String)
}

/// What an alert asks of the terminal itself.
public enum TerminalAlert: Equatable, Sendable {
    case bell
    case desktop(title: String, body: String)
}

/// The event-driven run loop: it sleeps in `poll(2)` until a key, the inbox
/// (results and resizes) or the next timer of `timers` wakes it, reduces what
/// came, hands the effects to `perform`, and draws a frame when the screen
/// model changed. The only timeout is the next timer's deadline: time passes
/// only by the timers the reducer arms, and an idle screen sleeps. Keys are read with the keymap of the
/// state's settings, the one its help lists.
public final class SessionLoop<Device: TerminalDevice> {
    private let device: Device
    private let inbox: ActionInbox
    private let timers: TimerTable
    private let theme: Theme
    private let perform: (Effect) -> Void
    private let observe: (Action) -> Void
    /// Keys read in one go before the inbox gets its turn, so that a paste
    /// cannot hold results back.
    static var keysPerTurn: Int { 256 }

    /// - Parameters:
    ///   - timers: the timers the loop fires; `perform` arms them (an `EffectRunner` made with them).
    ///   - perform: runs an effect (the `EffectRunner`); its results come back through `inbox`.
    ///   - observe: sees every action before it is reduced (the log).
    public init(
        device: Device, inbox: ActionInbox, timers: TimerTable, theme: Theme,
        perform: @escaping (Effect) -> Void, observe: @escaping (Action) -> Void = { _ in }
    ) {
        self.device = device
        self.inbox = inbox
        self.timers = timers
        self.theme = theme
        self.perform = perform
        self.observe = observe
    }

    /// Runs until the reducer asks to quit or the terminal goes away.
    public func run(_ state: inout State, launchedAt: Date) {
        ResizeSignal.forward(to: inbox)
        var quitting = false
        var shown: ScreenModel?
        func dispatch(_ action: Action) {
            observe(action)
            for effect in reduce(&state, action) {
                if effect == .quit { quitting = true }
                perform(effect)
            }
        }

        dispatch(.resized(width: device.columns, height: device.rows))
        dispatch(.launched(launchedAt))
        // Keys may remain after a full turn, some already taken off the
        // terminal by ncurses: then the next turn reads them without waiting.
        var keysPending = false
        while !quitting {
            let model = ScreenModel(state)
            if model != shown {
                var frame = Buffer(width: state.width, height: state.height)
                Screen(model: model, theme: theme).render(into: &frame)
                device.draw(frame)
                shown = model
            }
            if !keysPending, !wait() { return }
            var keysRead = 0
            while keysRead < Self.keysPerTurn, !quitting, let key = device.nextKey() {
                keysRead += 1
                if key == .resize {
                    dispatch(.resized(width: device.columns, height: device.rows))
                } else if case .mouse(let event) = key {
                    // Hit-tested against the frame on screen: what was clicked is what was seen.
                    let target = shown.flatMap {
                        Screen(model: $0, theme: theme).target(column: event.column, row: event.row, width: state.width)
                    }
                    dispatch(.mouse(event.kind, on: target))
                } else if let action = state.settings.keymap.action(for: key, in: state) {
                    dispatch(action)
                }
            }
            keysPending = keysRead == Self.keysPerTurn
            for action in inbox.take() where !quitting { dispatch(action) }
            for action in timers.takeDue() where !quitting { dispatch(action) }
        }
    }

    /// Sleeps until the terminal or the inbox has something, or the next
    /// timer is due. False when the terminal is gone (hung up, closed).
    private func wait() -> Bool {
        var fds = [
            pollfd(fd: device.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inbox.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&fds, nfds_t(fds.count), timers.pollTimeout) < 0 {
            guard errno == EINTR else { return false }
        }
        return fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
    }
}

/// How the playground reaches endpoints: the secret found at launch (else
/// asked for in the playground) and whether plain `http://` may leave this machine.
public struct EndpointAccess: Sendable {
    public var secret: EndpointSecret?
    public var allowInsecureHTTP: Bool

    public init(secret: EndpointSecret? = nil, allowInsecureHTTP: Bool = false) {
        self.secret = secret
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}

extension SessionLoop {
    /// The whole session on `device`: an effect runner with `client` whose
    /// results and timers the loop takes, until the person quits or the
    /// terminal goes away. Blocks the calling thread; returns the last state.
    /// - Parameters:
    ///   - request: sees each effect before it is performed (the log).
    ///   - observe: sees every action before it is reduced (the log).
    ///   - ledger: records polls and reads the cost history (nil: `--no-ledger`, or it could not be opened).
    ///   - opener: opens another profile's account for `:ctx` (nil: one account only).
    public static func run(
        on device: Device, client: SesterceClient, settings: State.Settings, theme: Theme, inbox: ActionInbox,
        ledger: Ledger? = nil, endpoints: EndpointAccess = EndpointAccess(), webhook: WebhookPost? = nil,
        opener: AccountOpener? = nil,
        request: @escaping (Effect) -> Void = { _ in }, observe: @escaping (Action) -> Void = { _ in }
    ) -> State {
        let timers = TimerTable()
        let runner = EffectRunner(
            client: client, timers: timers, ledger: ledger, allowInsecureEndpoints: endpoints.allowInsecureHTTP,
            webhook: webhook, opener: opener
        ) { inbox.post($0) }
        defer {
            runner.cancelAll()
            runner.finishLedger()  // the last poll's write lands before the program ends
        }
        let loop = SessionLoop(
            device: device, inbox: inbox, timers: timers, theme: theme,
            perform: { effect in
                request(effect)
                switch effect {
                case .ringBell: device.alert(.bell)
                case .notifyDesktop(let title, let body): device.alert(.desktop(title: title, body: body))
                case .copyToClipboard(let text): device.copyToClipboard(text)
                default: runner.run(effect)
                }
            },
            observe: observe)
        var state = State(settings: settings, now: Date())
        state.endpointSecret = endpoints.secret
        loop.run(&state, launchedAt: Date())
        return state
    }
}
