import SesterceModels

/// Which events alert, and through what (the config's `alerts:`). The webhook
/// itself (its URL) is the runtime's: the reducer only asks for a post.
public struct AlertSettings: Equatable, Sendable {
    public var on: Set<AlertClass>
    public var bell: Bool
    public var desktop: Bool
    public var webhook: Bool

    public init(on: Set<AlertClass> = Set(AlertClass.allCases), bell: Bool = true, desktop: Bool = true, webhook: Bool = false) {
        self.on = on
        self.bell = bell
        self.desktop = desktop
        self.webhook = webhook
    }
}
