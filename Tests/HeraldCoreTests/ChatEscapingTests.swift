import Foundation
import Testing
@testable import HeraldCore

/// User text reaches every platform inert: titles, notes and project names neither ping (`@channel`, `@all`,
/// `<!channel>`, `<users/all>`, `<@id>`) nor carry disguised links (`[x](http://evil)`, `<http://evil|Acknowledge>`);
/// only Herald's own mentions, before the text, ping.
@Suite struct ChatEscapingTests {
    /// One platform's rendering of a message as the strings a reader sees.
    struct Platform: CustomTestStringConvertible, Sendable {
        var name: String
        var render: @Sendable (OutgoingMessage) -> [String]
        var testDescription: String { name }
    }

    /// Every string in a JSON body.
    static func strings(_ body: [UInt8]) -> [String] {
        func collect(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let array as [Any]: array.flatMap(collect)
            case let object as [String: Any]: object.values.flatMap(collect)
            default: []
            }
        }
        return collect((try? JSONSerialization.jsonObject(with: Data(body))) ?? [])
    }

    static let slack = Platform(name: "slack") { strings(SlackPayload.body(for: $0)) }
    static let mattermost = Platform(name: "mattermost") { strings(MattermostPayload.body(for: $0)) }
    static let discord = Platform(name: "discord") { strings(DiscordPayload.body(for: $0)) }
    static let teams = Platform(name: "teams") { strings(TeamsPayload.body(for: $0)) }
    static let googleChat = Platform(name: "googlechat") { strings(GoogleChatPayload.body(for: $0)) }
    static let email = Platform(name: "email html") { [EmailBody.html(for: $0, title: "Herald")] }

    /// Each platform with the user text that would ping or disguise a link there if it went out as written.
    static let cases: [(Platform, String)] = [
        (slack, "<!channel>"), (slack, "<!here>"), (slack, "<@U999>"), (slack, "<http://evil|Acknowledge>"),
        (mattermost, "@channel"), (mattermost, "@all"), (mattermost, "@here"), (mattermost, "@bob"),
        (mattermost, "[x](http://evil)"), (mattermost, "![x](http://evil/pixel.png)"),
        (discord, "@everyone"), (discord, "@here"), (discord, "<@123456>"), (discord, "<@&42>"),
        (discord, "[x](http://evil)"),
        (teams, "[Acknowledge](http://evil)"), (teams, "[x](http://evil)"),
        (googleChat, "<users/all>"), (googleChat, "<users/123>"), (googleChat, "<http://evil|Acknowledge>"),
        (email, "<a href=\"http://evil\">"), (email, "<b>"),
    ]

    /// A message whose text, milestone title and project name all carry `hostile`.
    static func message(_ hostile: String) -> OutgoingMessage {
        var message = FormatTests.message
        message.text = "Design sign-off \(hostile) is due in 3 business days."
        message.milestones[0].title = "Design \(hostile)"
        message.project?.name = "Apollo \(hostile)"
        return message
    }

    /// A digest whose headline, project and section rows carry `hostile`.
    static func digest(_ hostile: String) -> OutgoingMessage {
        var report = DigestRenderFixture.report
        report.headline.reason = "Design \(hostile) slipped"
        report.projects[0].project.name = "Apollo \(hostile)"
        report.overdue[0].milestone.title = "Migration \(hostile)"
        report.slipped[0].note = "moved by \(hostile)"
        return DigestRenderFixture.message(report, mentions: ["<@U024BE7LH>"])
    }

    @Test(arguments: cases)
    func userTextIsInert(_ platform: Platform, _ hostile: String) {
        for message in [Self.message(hostile), Self.digest(hostile)] {
            let shown = platform.render(message)
            #expect(!shown.contains { $0.contains(hostile) }, "\(hostile) went out as written")
            if platform.name != "email html" {
                #expect(shown.contains { $0.hasPrefix("<@U024BE7LH> ") }, "Herald's own mention is left to ping")
            }
        }
    }

    @Test func discordLetsOnlyHeraldsMentionsPing() throws {
        var message = Self.message("<@123456> @everyone")
        message.mentions = ["<@111>", "<@!222>", "<@&333>"]
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(DiscordPayload.body(for: message))) as? [String: Any]
        )
        let allowed = try #require(json["allowed_mentions"] as? [String: [String]])
        #expect(allowed == ["parse": [], "users": ["111", "222"], "roles": ["333"]])
    }

    @Test func escapedTextReadsTheSame() {
        let text = "Ask @alice about [the plan](https://x) <soon>"
        for escaping in [ChatEscaping.mattermost, .discord, .teams, .googleChat] {
            let escaped = escaping.escape(text)
            #expect(escaped.filter { $0 != ChatEscaping.breaker } == text, "only invisible breaks are added")
        }
        #expect(ChatEscaping.slack.escape(text) == "Ask @alice about [the plan](https://x) &lt;soon&gt;")
    }
}
