import Foundation
import Testing
@testable import HeraldCore

/// A bundle on every platform: within each platform's limits with `…and N more` when cut, the mentions once, every
/// item's text inert, the generic webhook's items under their own ids, email's subject and thread.
@Suite struct BundleFormatTests {
    static func json(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func anItemWhoseTextDoesNotNameItsMilestoneGetsItsSubjectAbove() {
        var item = BundleFixture.items[1]
        item.text = "Custom <template> text"
        #expect(BundleWording.emphasised(item, escape: ChatEscaping.slack.escape) { "*\($0)*" }
            == "*Design sign-off · Apollo ERP upgrade*\nCustom &lt;template&gt; text")
        item.text = String(repeating: "long ", count: 1_000)
        #expect(BundleWording.emphasised(item, escape: { $0 }) { $0 }.count < 2_100, "one item cannot fill a message")
    }

    @Test func withoutAHeadlineTheBundleCountsItsMessages() {
        var message = BundleFixture.message()
        message.text = ""
        #expect(BundleWording.headline(message) == "3 messages for you")
    }

    @Test func sixtyItemsOnSlackStayUnderFiftyBlocksAndSayHowManyMore() throws {
        let body = try Self.json(SlackPayload.body(for: BundleFixture.message(items: BundleFixture.many(60))))
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.count <= SlackPayload.maxBlocks)
        let sections = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        let shown = sections.filter { $0.contains("· Apollo ERP upgrade*") }.count
        #expect(shown > 10)
        #expect(sections.contains("…and \(60 - shown) more"))
        #expect(blocks.filter { $0["type"] as? String == "actions" }.count == (shown + 2) / 3,
                "every escalation item shown keeps its Acknowledge button")
    }

    @Test func aBundleThatFitsIsSentWhole() throws {
        let body = try Self.json(SlackPayload.body(for: BundleFixture.message(items: BundleFixture.many(12))))
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.count == 1 + 12 + 4 + 1, "headline, twelve items, four buttons, context")
        #expect(!Self.strings(blocks).contains { $0.hasPrefix("…and") })
    }

    @Test func discordKeepsToTenEmbedsAndSixThousandCharacters() throws {
        let body = try Self.json(DiscordPayload.body(for: BundleFixture.message(items: BundleFixture.many(60))))
        let embeds = try #require(body["embeds"] as? [[String: Any]])
        let total = embeds.reduce(0) { total, embed in
            total + ((embed["title"] as? String)?.utf16.count ?? 0)
                + ((embed["description"] as? String)?.utf16.count ?? 0)
        }
        #expect(embeds.count <= DiscordPayload.maxEmbeds && total <= DiscordPayload.embedsTotal)
        #expect((body["content"] as? String)?.hasSuffix("…and \(60 - embeds.count) more") == true)
    }

    @Test(arguments: ["teams", "googlechat", "mattermost"])
    func aLongBundleFitsThePlatformAndSaysHowManyMore(_ platform: String) throws {
        let body = Self.body(platform, BundleFixture.message(items: BundleFixture.many(400)))
        switch platform {
        case "teams": #expect(body.count <= TeamsPayload.bodyLimit)
        case "googlechat": #expect(body.count <= GoogleChatPayload.textLimit.maximum)
        default: #expect(MattermostPayload.textLimit.admits(try Self.json(body)["text"] as? String ?? ""))
        }
        let text = String(decoding: body, as: UTF8.self)
        let shown = (0..<400).filter { text.contains("Milestone \($0) ·") }.count
        #expect(shown > 5 && shown < 400)
        #expect(text.contains("…and \(400 - shown) more"))
    }

    static func body(_ platform: String, _ message: OutgoingMessage) -> [UInt8] {
        switch platform {
        case "slack": SlackPayload.body(for: message)
        case "teams": TeamsPayload.body(for: message, readers: BundleFixture.readers)
        case "discord": DiscordPayload.body(for: message)
        case "mattermost": MattermostPayload.body(for: message)
        case "googlechat": GoogleChatPayload.body(for: message)
        default: WebhookPayload.body(for: message)
        }
    }

    /// A title and a text that would ping everyone, link elsewhere or forge a mention on each platform.
    static let hostile = "<!channel> @everyone <users/all> <at>Boss</at> [click](https://evil.example) <@U999>"

    @Test(arguments: [
        ("slack", ["<!channel>", "<@U999>"]),
        ("discord", ["@everyone", "<@U999>", "](https://evil"]),
        ("mattermost", ["@everyone", "<users/all>", "](https://evil"]),
        ("teams", ["<at>Boss</at>", "](https://evil"]),
        ("googlechat", ["<users/all>", "<@U999>"]),
    ])
    func hostileItemTitlesAndTextsAreInert(_ platform: String, _ banned: [String]) throws {
        var items = BundleFixture.many(2, title: Self.hostile)
        items[1].text = Self.hostile
        let text = String(decoding: Self.body(platform, BundleFixture.message(items: items)), as: UTF8.self)
        for raw in banned {
            #expect(!text.contains(raw), "\(platform) lets \(raw) through")
        }
    }

    @Test(arguments: ["slack", "discord", "mattermost", "googlechat"])
    func theRecipientIsMentionedOnceNotPerItem(_ platform: String) throws {
        let mention = "<@U03CAROL>"
        let message = BundleFixture.message(mention: mention)
        let body = try Self.json(Self.body(platform, message))
        let shown: String = switch platform {
        case "slack": Self.strings(body["blocks"]).joined()
        case "discord": (body["content"] as? String ?? "") + Self.strings(body["embeds"]).joined()
        case "googlechat": (body["text"] as? String ?? "") + Self.strings(body["cardsV2"]).joined()
        default: body["text"] as? String ?? ""
        }
        #expect(shown.components(separatedBy: mention).count - 1 == 1)
    }

    /// Every string inside a JSON value.
    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings)
        case let object as [String: Any]: object.keys.sorted().flatMap { strings(object[$0]) }
        default: []
        }
    }

    @Test func teamsMentionsTheRecipientOnceWithAnEntityThatPings() throws {
        let body = try Self.json(TeamsPayload.body(for: BundleFixture.message(), readers: BundleFixture.readers))
        let text = Self.strings(body["attachments"]).joined(separator: "\n")
        #expect(text.components(separatedBy: "<at>Carol Diaz</at>").count - 1 == 2,
                "once in the card, once in its entity")
    }

    struct WebhookBody: Decodable {
        var type: String
        var data: Data

        struct Data: Decodable {
            var id: String
            var kind: String
            var items: [Item]
        }

        struct Item: Decodable {
            var id: String
            var type: String
            var rules: [String]
            var project: Project?
            var milestones: [Milestone]
            var text: String
            var escalation: Escalation?
            var changes: [Change]
            var actor: String?
        }

        struct Change: Decodable, Equatable {
            var field: String
            var from: String?
            var to: String?
        }

        struct Project: Decodable {
            var id: String
            var name: String
        }

        struct Milestone: Decodable {
            var id: String
            var title: String
            var due: String
        }

        struct Escalation: Decodable {
            var id: String
            var level: Int
            var ackURL: String?

            enum CodingKeys: String, CodingKey {
                case id, level, ackURL = "ack_url"
            }
        }
    }

    @Test func theWebhookCarriesEveryItemUnderItsOwnID() throws {
        let body = try JSONDecoder().decode(
            WebhookBody.self, from: Data(WebhookPayload.body(for: BundleFixture.message(channel: "ops")))
        )
        #expect(body.type == "bundle" && body.data.kind == "bundle" && body.data.id == "msg_bundle_carol_0900")
        #expect(body.data.items.map(\.id) == BundleFixture.items.map(\.id))
        #expect(body.data.items.map(\.type) == ["escalation", "reminder", "announcement"])
        #expect(body.data.items[1].rules == ["due-soon", "critical-slip"], "one item naming both rules")
        #expect(body.data.items.map { $0.project?.id } == ["apollo", "apollo", "dcm"])
        #expect(body.data.items[0].milestones.map(\.id) == ["data-migration-plan"])
        #expect(body.data.items[0].escalation?.ackURL == "https://herald.example.com/ack/AbC123")
        #expect(body.data.items[2].escalation == nil)
        #expect(body.data.items.map(\.text) == BundleFixture.items.map(\.text))
        #expect(body.data.items[2].changes == [WebhookBody.Change(field: "due", from: "2027-01-15", to: "2027-01-29")])
        #expect(body.data.items.map(\.actor) == [nil, nil, "mike"], "an announcement says who made its change")
    }

    @Test func anotherMessageHasNoItemsInTheWebhook() throws {
        var message = BundleFixture.message()
        message.kind = .reminder
        message.items = nil
        let data = try #require(try Self.json(WebhookPayload.body(for: message))["data"] as? [String: Any])
        #expect(data["items"] == nil)
    }

    @Test func theEmailIsNamedByTheHeadlineAndThreadsOnlyUnderOneMilestone() throws {
        let message = BundleFixture.message(channel: "email")
        #expect(EmailMessage.subject(for: message) == "[Herald] 3 milestones need you today")
        #expect(EmailMessage.threadID(for: message, domain: "example.com") == nil, "three milestones: no thread")
        let one = BundleFixture.message(items: [BundleFixture.items[1], {
            var again = BundleFixture.items[0]
            again.milestones = [BundleFixture.design]
            return again
        }()])
        #expect(EmailMessage.threadID(for: one, domain: "example.com") == "<apollo.design-signoff@herald.example.com>")
        let text = EmailBody.plainText(for: message, readers: BundleFixture.readers)
        #expect(text.components(separatedBy: "You sponsor Apollo ERP upgrade.").count - 1 == 2)
        #expect(text.contains("You sponsor Data centre move."))
    }
}
