import Foundation
import HeraldCore
import Testing

/// A Teams reminder to a person with a Teams user: the `<at>` mention in the text and its `msteams.entities`
/// entry, the fact set in words, dates and names, compared with `Goldens/reminder-teams-mention.json`.
@Suite struct TeamsMentionGoldenTests {
    static let readers = MessageReaders(people: [
        "alice": Person(key: "alice", name: "Alice Ng"),
        "sofia": {
            var sofia = Person(key: "sofia", name: "Sofia [Rossi] <at>x</at>")
            sofia.teams = "sofia.rossi@contoso.com"
            return sofia
        }(),
        "hannah": {
            var hannah = Person(key: "hannah", name: "Hannah Ito")
            hannah.teams = "29f4e2a1-5b3c-4d7e-9f00-1a2b3c4d5e6f"
            return hannah
        }(),
    ])

    static let message = OutgoingMessage(
        id: "msg_teams1", createdAt: Date(timeIntervalSince1970: 1_796_029_200), kind: .reminder, rule: "due-soon",
        project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
        milestones: [MilestoneRef(id: "design-signoff", title: "Design sign-off", due: CivilDate(iso: "2026-12-03")!,
                                  status: .atRisk, owner: "hannah")],
        channel: "teams", recipients: ["hannah", "sofia", "alice"], mentions: ["Hannah Ito", "Sofia", "Alice Ng"],
        text: "Design sign-off is due in 3 business days, Thu 3 Dec."
    )

    static func card(_ message: OutgoingMessage) throws -> [String: Any] {
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data(TeamsPayload.body(for: message, readers: readers)))
                as? [String: Any]
        )
        let attachments = try #require(envelope["attachments"] as? [[String: Any]])
        return try #require(attachments.first?["content"] as? [String: Any])
    }

    @Test func aMentionedTeamsUserIsPingedAndTheFactsAreWords() throws {
        let body = TeamsPayload.body(for: Self.message, readers: Self.readers)
        try ExampleDigestGoldenTests.compare(
            try ExampleDigestGoldenTests.pretty(body), toGolden: "reminder-teams-mention.json"
        )
        let card = try Self.card(Self.message)
        let text = try #require((card["body"] as? [[String: Any]])?[1]["text"] as? String)
        let entities = try #require((card["msteams"] as? [String: Any])?["entities"] as? [[String: Any]])
        for entity in entities {
            let mention = try #require(entity["text"] as? String)
            #expect(text.contains(mention), "each entity's text is in the card, as Teams requires")
        }
        #expect(!text.contains("<at>x</at>"), "a name cannot open a mention of its own")
    }

    @Test(arguments: [
        (["alice"], false), (["hannah"], true), ([], false),
    ])
    func entitiesOnlyForTeamsUsers(_ recipients: [String], _ hasEntities: Bool) throws {
        var message = Self.message
        message.recipients = recipients
        message.mentions = recipients.map { Self.readers.name($0) }
        let options = try #require(try Self.card(message)["msteams"] as? [String: Any])
        #expect((options["entities"] != nil) == hasEntities)
        #expect(options["width"] as? String == "Full")
    }
}
