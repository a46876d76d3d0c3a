import SesterceModels

/// Sends one alert to the configured webhook: nil once delivered, else why
/// not, in words (never the webhook's path, which is its secret).
public typealias WebhookPost = @Sendable (AccountEvent) async -> String?
