import Foundation
import Testing
@testable import HeraldCore

/// The chat platforms' bodies: their shape, and their limits for long messages.
@Suite struct ChatFormatTests {
    static let message = FormatTests.message

    func json(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func teamsBodyIsAnAdaptiveCardInAMessage() throws {
        let envelope = try json(TeamsPayload.body(for: Self.message))
        #expect(envelope["type"] as? String == "message")
        let attachments = try #require(envelope["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(card["$schema"] as? String == "http://adaptivecards.io/schemas/adaptive-card.json")
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String == "1.4")
        #expect((card["msteams"] as? [String: String]) == ["width": "Full"])
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.map { $0["type"] as? String } == ["TextBlock", "TextBlock", "FactSet"])
        #expect(body[0]["text"] as? String == "Reminder · Apollo ERP upgrade")
        #expect(body[1]["text"] as? String == "<@U024BE7LH> " + Self.message.text)
        #expect(body[1]["wrap"] as? Bool == true)
        let facts = try #require(body[2]["facts"] as? [[String: String]])
        #expect(facts == [
            ["title": "Milestone", "value": "Design sign-off"], ["title": "Due", "value": "Fri 4 Dec"],
            ["title": "Status", "value": "in progress"], ["title": "Owner", "value": "alice"],
        ])
    }

    @Test func discordBodyHasContentEmbedsAndSafeMentions() throws {
        let json = try json(DiscordPayload.body(for: Self.message))
        #expect(json["content"] as? String == "<@U024BE7LH> " + Self.message.text)
        #expect((json["allowed_mentions"] as? [String: [String]]) == ["parse": [], "users": ["U024BE7LH"], "roles": []])
        let embeds = try #require(json["embeds"] as? [[String: Any]])
        #expect(embeds.count == 1)
        #expect(embeds[0]["title"] as? String == "Design sign-off")
        #expect(embeds[0]["description"] as? String == "Apollo ERP upgrade")
        let fields = try #require(embeds[0]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["Due", "Status", "Owner"])
        #expect(fields.map { $0["value"] as? String } == ["Fri 4 Dec", "in progress", "alice"])
    }

    @Test func discordKeepsToTenEmbedsAndSixThousandCharacters() throws {
        var message = Self.message
        let milestone = message.milestones[0]
        message.milestones = (0..<30).map { index in
            var copy = milestone
            copy.title = String(repeating: "t", count: 300) + String(index)
            return copy
        }
        let embeds = try #require(try json(DiscordPayload.body(for: message))["embeds"] as? [[String: Any]])
        #expect(!embeds.isEmpty && embeds.count <= 10)
        #expect(embeds.allSatisfy { ($0["title"] as? String)?.utf16.count ?? 0 <= 256 })
        let total = embeds.reduce(0) { sum, embed in
            let fields = (embed["fields"] as? [[String: Any]] ?? []).flatMap {
                [$0["name"] as? String ?? "", $0["value"] as? String ?? ""]
            }
            let texts = [embed["title"] as? String ?? "", embed["description"] as? String ?? ""] + fields
            return sum + texts.reduce(0) { $0 + $1.utf16.count }
        }
        #expect(total <= 6_000)
    }

    @Test func mattermostBodyIsMentionsAndText() throws {
        #expect(try json(MattermostPayload.body(for: Self.message)) as? [String: String]
            == ["text": "<@U024BE7LH> " + Self.message.text])
    }

    @Test func googleChatBodyIsTextThreadedPerMilestone() throws {
        #expect(try json(GoogleChatPayload.body(for: Self.message)) as? [String: String]
            == ["text": "<@U024BE7LH> " + Self.message.text])
        #expect(GoogleChatPayload.threadKey(for: Self.message) == "apollo/design-signoff")
        var digest = Self.message
        digest.milestones += digest.milestones
        #expect(GoogleChatPayload.threadKey(for: digest) == nil, "a message about several milestones has no thread")
    }

    @Test func slackSplitsLongTextIntoSectionsAndShortensTheFallback() throws {
        var message = Self.message
        message.text = longText(10_000)
        let json = try json(SlackPayload.body(for: message))
        let text = try #require(json["text"] as? String)
        #expect(text.utf16.count <= 4_000 && text.hasSuffix("…"))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let sections = blocks.dropLast().compactMap { ($0["text"] as? [String: String])?["text"] }
        #expect(sections.count >= 4)
        #expect(sections.allSatisfy { $0.utf16.count <= 3_000 })
        #expect(sections.joined() == "<@U024BE7LH> " + SlackPayload.escape(message.text), "nothing is lost")
        #expect(blocks.last?["type"] as? String == "context")
    }

    /// Each platform's body for a message, and the check that it is within that platform's limits.
    struct Platform: CustomTestStringConvertible, Sendable {
        var name: String
        var body: @Sendable (OutgoingMessage) -> [UInt8]
        var fits: @Sendable ([UInt8], [String: Any]) -> Bool

        var testDescription: String { name }
    }

    static let platforms: [Platform] = [
        Platform(name: "slack", body: SlackPayload.body) { _, json in
            let sections = (json["blocks"] as? [[String: Any]] ?? []).compactMap {
                ($0["text"] as? [String: String])?["text"]
            }
            return (json["text"] as? String)?.utf16.count ?? .max <= 4_000
                && sections.allSatisfy { $0.utf16.count <= 3_000 }
        },
        Platform(name: "teams", body: { TeamsPayload.body(for: $0) }) { body, _ in body.count <= 28_000 },
        Platform(name: "discord", body: DiscordPayload.body) { _, json in
            (json["content"] as? String)?.utf16.count ?? .max <= 2_000
        },
        Platform(name: "mattermost", body: MattermostPayload.body) { _, json in
            (json["text"] as? String)?.utf16.count ?? .max <= 16_383
        },
        Platform(name: "googlechat", body: GoogleChatPayload.body) { _, json in
            (json["text"] as? String)?.utf8.count ?? .max <= 32_000
        },
    ]

    @Test(arguments: platforms, [10_000, 40_000])
    func longMessageStaysWithinTheLimitDeterministically(_ platform: Platform, length: Int) throws {
        var message = Self.message
        message.text = longText(length)
        message.project?.name = String(repeating: "Apollo \"quoted\" ", count: 40)
        let body = platform.body(message)
        #expect(platform.body(message) == body, "same message, same bytes")
        #expect(platform.fits(body, try json(body)))
    }
}
