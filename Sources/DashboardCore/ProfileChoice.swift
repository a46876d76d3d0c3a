import SesterceModels

/// The credentials profiles `:ctx` switches between, as the app found them
/// (names only: a profile's key never reaches the state).
public struct ProfileChoice: Equatable, Sendable {
    /// Profiles of the credentials file that hold a key, A to Z.
    public var names: [String]
    /// The profile whose key is in use; nil when the key comes from elsewhere.
    public var current: String?
    /// Why this session cannot switch (`--demo`, a key from the environment
    /// or a file, which would win over any profile); nil when it can.
    public var fixed: String?

    public init(names: [String] = [], current: String? = nil, fixed: String? = nil) {
        self.names = names
        self.current = current
        self.fixed = fixed
    }

    /// The profile beside the host in the header: only when there are others
    /// to tell it from.
    var shown: String? {
        names.count > 1 ? current : nil
    }
}

/// An account `:ctx` opened: what the state learns of it. Never its key.
public struct AccountContext: Equatable, Sendable {
    public var profile: String
    /// Host (and port) of its API, for the header.
    public var host: String
    /// The credentials file's profiles as read for this switch.
    public var profiles: [String]
    /// Its ledger is open (it may not be: `--no-ledger`, or it cannot be written).
    public var ledger: Bool
    /// Its endpoint secret, when its profile (or `--endpoint-key-file`,
    /// `SESTERCE_ENDPOINT_KEY`) has one; else the playground asks.
    public var endpointSecret: EndpointSecret?
    /// Said once in the footer: a ledger moved aside, a credentials file others can read.
    public var notices: [String]

    public init(
        profile: String, host: String, profiles: [String], ledger: Bool, endpointSecret: EndpointSecret? = nil,
        notices: [String] = []
    ) {
        self.profile = profile
        self.host = host
        self.profiles = profiles
        self.ledger = ledger
        self.endpointSecret = endpointSecret
        self.notices = notices
    }
}
