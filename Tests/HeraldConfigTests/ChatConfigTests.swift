import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Testing

/// `server.chat` (the slash commands' secrets) and `people.X.chat_id`.
@Suite struct ChatConfigTests {
    private static func main(server: String, alice: String = "", bob: String = "") -> String {
        ConfigFixture.main
            .replacingOccurrences(of: "projects_dir: projects\n", with: "projects_dir: projects\n\(server)\n")
            .replacingOccurrences(of: "mention: \"<@U1>\" }", with: "mention: \"<@U1>\"\(alice) }")
            .replacingOccurrences(of: "channel: eng }", with: "channel: eng\(bob) }")
    }

    @Test func chatSecretsAndIdsAreRead() throws {
        let server = """
            server:
              listen: 127.0.0.1:9470
              chat:
                slack: { signing_secret: "${SLACK_SIGNING}" }
                mattermost: { token_file: mattermost.token }
            """
        let (result, directory) = try ConfigFixture.load(
            main: Self.main(server: server, alice: ", chat_id: [U024BE7LH, mm-alice]", bob: ", chat_id: U0BOB"),
            environment: ConfigFixture.environment.merging(["SLACK_SIGNING": "8f742231"]) { $1 },
            files: ["mattermost.token": "mm-token\n"]
        )
        defer { directory.remove() }
        let configuration = try result.get()
        #expect(configuration.server?.chat.slackSigningSecret == Secret("8f742231"))
        #expect(configuration.server?.chat.mattermostToken == Secret("mm-token"))
        #expect(configuration.people["alice"]?.chatIDs == ["U024BE7LH", "mm-alice"])
        #expect(configuration.people["bob"]?.chatIDs == ["U0BOB"])
        #expect(configuration.people["carol"]?.chatIDs == [])
    }

    @Test(arguments: [
        (
            "server:\n  chat: { slack: {} }", "", "",
            "herald.yaml:5:18: error: 'slack' is missing 'signing_secret' (or 'signing_secret_file')"
        ),
        ("server:\n  chat: { teams: {} }", "", "", "herald.yaml:5:11: error: unknown key 'teams' in 'chat'"),
        (
            "server:\n  chat: { mattermost: { token: a, tokn: b } }", "", "",
            "herald.yaml:5:35: error: unknown key 'tokn' in 'mattermost'; did you mean 'token'?"
        ),
        (
            "", ", chat_id: U1", ", chat_id: [U2, U1]",
            "herald.yaml:8:53: error: chat_id 'U1' is already alice's; one id names one person"
        ),
    ])
    func chatMistakesAreReportedWithTheirPlace(server: String, alice: String, bob: String, expected: String) throws {
        let (result, directory) = try ConfigFixture.load(main: Self.main(server: server, alice: alice, bob: bob))
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected diagnostics, the config loaded")
            return
        }
        #expect(error.diagnostics.map(\.description) == [expected])
    }
}
