import ArgumentParser
import DashCommands
import DashboardRuntime
import Foundation
import TerminalUI

/// The alert channels a run sets up from the config: the webhook (checked at
/// start, so that a bad URL is said at once, not at the first alert) and the
/// form of desktop notification this terminal understands.
enum AlertChannels {
    /// The webhook's sender as the effect runner calls it, or nil when none is configured.
    static func webhook(_ config: DashConfig, allowInsecureHTTP: Bool) throws -> WebhookPost? {
        guard let url = config.webhook else { return nil }
        let sender: WebhookSender
        do {
            sender = try WebhookSender(url: url, allowInsecureHTTP: allowInsecureHTTP)
        } catch {
            FileHandle.standardError.write(Data("sesterce-dash: alerts.webhook: \(error)\n".utf8))
            throw ExitCode(CommandSetup.usageError)
        }
        return { event in await sender.deliver(event)?.description }
    }

    /// OSC 9 for the terminals known to show it (iTerm2, WezTerm, kitty,
    /// Windows Terminal), OSC 777 for the others: one notification, never
    /// two (WezTerm knows both). Inside tmux the outer terminal is unknown,
    /// so the wider-spread OSC 777 is sent, wrapped for passthrough.
    static func desktopNotification(title: String, body: String, environment: [String: String]) -> String {
        let tmux = environment["TMUX"]
        let oscNine = ["iTerm.app", "WezTerm"].contains(environment["TERM_PROGRAM"] ?? "")
            || environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil
        return tmux == nil && oscNine
            ? DesktopNotification.osc9(title: title, body: body, tmux: nil)
            : DesktopNotification.osc777(title: title, body: body, tmux: tmux)
    }
}
