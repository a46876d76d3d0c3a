import DashCommands
import DashboardCore
import DashboardRuntime
import Foundation
import Ledger
import SesterceAPI
import Synchronization

/// `:ctx` in the app: the profiles the dashboard may switch between, and how
/// it opens one: as a launch with `--profile NAME` would, with the same
/// flags and environment, except that what would go to standard error (which
/// the screen covers) goes to the footer.
struct ProfileSwitching: Sendable {
    /// The flags as given (with the config's profile applied).
    var options: ConnectionOptions
    var environment: [String: String]
    var endpointKeyFile: String?
    /// `--no-ledger` not given.
    var keepsLedger: Bool
    var retentionDays: Int?
    var requestLog: (@Sendable (RequestRecord) -> Void)?

    /// The profiles at launch: none to switch to with `--demo`, nor when the
    /// key came from `--api-key-file` or `SESTERCE_API_KEY`, which win over
    /// any profile (the same order as at launch).
    static func choice(demo: Bool, connection: Connection, environment: [String: String]) -> ProfileChoice {
        if demo { return ProfileChoice(fixed: "--demo runs one account, the built-in simulator") }
        let names = Credentials.profiles(environment: environment)
        guard let current = connection.profile else {
            return ProfileChoice(names: names, fixed: "the API key comes from \(connection.keySource), which wins over any profile")
        }
        return ProfileChoice(names: names, current: current)
    }

    /// Opens `profile`'s account: its key (and its own `sesterce_api_url`,
    /// unless `--api-url` or the environment gives one), its ledger, its
    /// endpoint secret. A failure says why, never with the key.
    func open(_ profile: String) -> Result<AccountConnection, AccountOpenFailure> {
        let notices = Mutex<[String]>([])
        let collect: WarningSink = { message in notices.withLock { $0.append(message) } }
        var options = self.options
        options.profile = profile
        let url: URL, credentials: Credentials
        do {
            (url, credentials) = try options.resolve(environment: environment, warn: collect)
        } catch {
            return .failure(AccountOpenFailure(reason: "\(error)"))
        }
        let account = AccountKey(host: Connection.host(of: url), apiKey: credentials.key)
        let ledger = keepsLedger
            ? LedgerOpening.open(account: account, retentionDays: retentionDays, environment: environment, warn: { _ in })
            : LedgerOpening(ledger: nil, notice: nil)
        let endpoint = (try? EndpointCredentials.resolve(
            keyFile: endpointKeyFile, profile: profile, environment: environment, warn: collect)) ?? nil
        let context = AccountContext(
            profile: profile, host: Connection.host(of: url), profiles: Credentials.profiles(environment: environment),
            ledger: ledger.ledger != nil, endpointSecret: endpoint?.secret,
            notices: notices.withLock { $0 } + (ledger.notice.map { [$0] } ?? []))
        return .success(AccountConnection(
            client: SesterceClient(baseURL: url, apiKey: credentials.key, requestLog: requestLog),
            ledger: ledger.ledger, context: context))
    }

    var opener: AccountOpener {
        { [self] profile in open(profile) }
    }
}
