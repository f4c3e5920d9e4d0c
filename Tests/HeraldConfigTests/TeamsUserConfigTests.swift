import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// `people.X.teams`: the Teams user a card's mention pings, a user principal name or an Entra object id.
@Suite(.serialized) struct TeamsUserConfigTests {
    static let bob = "bob: { name: Bob Roe, channel: eng }"

    @Test(arguments: ["bob@contoso.com", "Bob.Roe@eu.contoso.co.uk", "29f4e2a1-5b3c-4d7e-9f00-1a2b3c4d5e6f"])
    func aPersonHasATeamsUser(_ user: String) throws {
        let main = ConfigFixture.main.replacingFirst(
            Self.bob, with: "bob: { name: Bob Roe, channel: eng, teams: \(user) }"
        )
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let people = try result.get().people
        #expect(people["bob"]?.teams == user)
        #expect(people["alice"]?.teams == nil)
    }

    static let cases: [BrokenConfig] = ["bob", "bob@contoso", "bob roe@contoso.com", "29f4e2a1-5b3c-4d7e-9f00-1a2b3c4d"]
        .map { user in
            BrokenConfig(
                name: "teams user '\(user)'",
                mainEdit: (bob, "bob: { name: Bob Roe, channel: eng, teams: \"\(user)\" }"),
                expected: ["herald.yaml:7:46: error: 'teams' must be a user principal name (alice@contoso.com) or an "
                           + "Entra object id (00000000-0000-0000-0000-000000000000), not '\(user)'"]
            )
        }

    @Test(arguments: cases) func aBrokenTeamsUserIsReportedExactly(_ broken: BrokenConfig) throws {
        try ConfigDiagnosticsTests().brokenConfigIsReportedExactly(broken)
    }
}
