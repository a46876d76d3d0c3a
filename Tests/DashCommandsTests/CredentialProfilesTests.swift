import DashCommands
import Foundation
import Testing

/// What `:ctx` reads of the credentials file: the profiles that hold a key,
/// and a profile's own API URL.
@Suite("Credential profiles")
struct CredentialProfilesTests {
    @Test("The profiles listed are those with a key, A to Z; none without a file")
    func profiles() throws {
        let home = try TemporaryHome()
        #expect(Credentials.profiles(environment: home.environment).isEmpty)
        try home.write(".sesterce/credentials", """
            [work]
            sesterce_api_key = key-w
            [empty]
            sesterce_api_key =
            [notes]
            endpoint_key = e
            [default]
            sesterce_api_key = key-d
            """)
        #expect(Credentials.profiles(environment: home.environment) == ["default", "work"])
    }

    @Test("A profile's key comes with its sesterce_api_url and its name; a key from the environment with neither")
    func profileURL() throws {
        let home = try TemporaryHome()
        try home.write(".sesterce/credentials", """
            [staging]
            sesterce_api_key = key-s
            sesterce_api_url = http://127.0.0.1:9002
            [prod]
            sesterce_api_key = key-p
            """)
        let staging = try Credentials.resolve(keyFile: nil, profile: "staging", environment: home.environment)
        #expect(staging.profile == "staging")
        #expect(staging.url == "http://127.0.0.1:9002")
        let prod = try Credentials.resolve(keyFile: nil, profile: "prod", environment: home.environment)
        #expect(prod.profile == "prod" && prod.url == nil)
        var environment = home.environment
        environment["SESTERCE_API_KEY"] = "key-e"
        let fromEnvironment = try Credentials.resolve(keyFile: nil, profile: "staging", environment: environment)
        #expect(fromEnvironment.profile == nil && fromEnvironment.url == nil)
    }
}
