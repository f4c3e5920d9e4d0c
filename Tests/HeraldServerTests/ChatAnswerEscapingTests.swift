import Foundation
import HeraldCore
import HeraldStore
import Testing
@testable import HeraldServer

/// A slash command's answer posted in the channel quotes a milestone's title: inert on the platform that posts it,
/// so the answer pings nobody and shows no disguised link.
@Suite struct ChatAnswerEscapingTests {
    static let hostile = "<!channel> @channel <users/all> [x](http://evil) <http://evil|Acknowledge>"

    @Test(arguments: ["slack", "mattermost"])
    func anAnswerInTheChannelCarriesTheTitleInert(_ platform: String) async throws {
        let fixture = try await RuntimeFixture()
        var project = try #require(fixture.configuration.projects.first)
        project.milestones[0].title = Self.hostile
        _ = try fixture.store.apply(projects: [project], source: { _ in "file:apollo.yaml" }, at: fixture.now)
        try await fixture.test { client in
            let reply = platform == "slack"
                ? try await ChatCommandTests.slack(client, fixture: fixture, user: "U-ALICE", "done apollo/design")
                : try await ChatCommandTests.mattermost(client, user: "mm-bob", "done apollo/design")
            #expect(reply.type == "in_channel")
            #expect(reply.text.contains("marked apollo/design"))
            // What would ping or link on each platform (Slack shows `@channel` and `[x](…)` as written).
            let live = platform == "slack" ? ["<!channel>", "<http://evil|", "<users/all>"] : ["@channel", "](http"]
            for live in live {
                #expect(!reply.text.contains(live), "\(live) is posted as written")
            }
            if platform == "slack" {
                #expect(reply.text.contains("&lt;!channel&gt; @channel &lt;users/all&gt;"))
            }
        }
        let logged = try #require(try ChatCommandTests.chats(fixture).first)
        #expect(logged.answer.contains(Self.hostile), "the log keeps what was said, as it was said")
    }
}
