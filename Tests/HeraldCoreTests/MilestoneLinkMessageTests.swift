import Foundation
import Testing
@testable import HeraldCore

/// Messages about one milestone carry a signed link to its page when the server has a public URL, and every
/// channel format shows it (a button where the platform has buttons, a link line elsewhere); without one nothing
/// changes.
@Suite struct MilestoneLinkMessageTests {
    static let key = ServerKey(bytes: Array(0..<32))!

    static let links = MilestoneLinks(
        key: key, publicURL: "https://herald.example/", lifetime: .days(30), calendar: EngineFixture.calendar
    )

    static let at = EngineFixture.at("2026-12-01", 9)

    /// The reminder of `design`, due in 3 business days, decided at ``at``.
    static func reminders(links: MilestoneLinks?) throws -> [OutgoingMessage] {
        let project = EngineFixture.project(milestones: [EngineFixture.milestone()])
        let configuration = EngineFixture.configuration(rules: [try EngineFixture.rule()], projects: [project])
        var run = EngineRun(configuration: configuration, milestoneLinks: links)
        return run.tick(at)
    }

    @Test func aReminderLinksToItsMilestonesPageAndKeepsItsID() throws {
        let linked = try #require(try Self.reminders(links: Self.links).first)
        let plain = try #require(try Self.reminders(links: nil).first)
        #expect(linked.id == plain.id, "the link is not part of the message id")
        #expect(plain.milestoneURL == nil)
        let url = try #require(linked.milestoneURL)
        let prefix = "https://herald.example/milestones/apollo/design?token="
        #expect(url.hasPrefix(prefix))
        let expiry = Self.at.addingTimeInterval(30 * 86_400)
        #expect(MilestoneToken.verify(String(url.dropFirst(prefix.count)), key: Self.key, now: Self.at) == .valid(
            MilestoneToken(key: MilestoneKey(projectID: "apollo", milestoneID: "design"), expires: expiry)
        ))
        #expect(try Self.reminders(links: Self.links).first == linked, "deterministic for a fixed key and clock")
    }

    @Test func anEscalationNoticeLinksToItsMilestonesPage() throws {
        var run = try EscalationTests.run(due: "2026-12-03")
        run = EngineRun(configuration: run.engine.configuration, milestoneLinks: Self.links)
        let notice = try #require(run.tick(EngineFixture.at("2026-12-04", 10)).first { $0.kind == .escalation })
        #expect(notice.milestoneURL?.hasPrefix("https://herald.example/milestones/apollo/design?token=") == true)
    }

    static let milestoneToken = MilestoneToken(
        key: MilestoneKey(projectID: "apollo", milestoneID: "design"), expires: at.addingTimeInterval(60)
    )

    /// What a presented token is at ``at``: valid, forged or garbled, signed by another key, or expired.
    @Test(arguments: [
        (milestoneToken.signed(with: key), LinkVerdict.valid(milestoneToken)),
        ("garbage", .invalid),
        ("", .invalid),
        (milestoneToken.signed(with: ServerKey(bytes: [UInt8](repeating: 9, count: 32))!), .invalid),
        (DigestToken(name: "weekly", at: at, expires: at.addingTimeInterval(60)).signed(with: key), .invalid),
        (
            MilestoneToken(key: milestoneToken.key, expires: at).signed(with: key),
            .expired(MilestoneToken(key: milestoneToken.key, expires: at))
        ),
    ])
    func aTokenIsCheckedBySignatureShapeAndExpiry(text: String, verdict: LinkVerdict<MilestoneToken>) {
        #expect(MilestoneToken.verify(text, key: Self.key, now: Self.at) == verdict)
    }

    static let page = "https://herald.example/milestones/apollo/design-signoff?token=T.S"

    static let linked: OutgoingMessage = {
        var message = FormatTests.message
        message.milestoneURL = page
        return message
    }()

    /// An escalation notice with both links.
    static let escalation: OutgoingMessage = {
        var message = AckLinkMessageTests.linked
        message.milestoneURL = page
        return message
    }()

    func json(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func slackShowsAButtonNextToAcknowledge() throws {
        let blocks = try #require(try json(SlackPayload.body(for: Self.escalation))["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "actions", "context"])
        let buttons = try #require(blocks[1]["elements"] as? [[String: Any]])
        #expect(buttons.map { ($0["text"] as? [String: String])?["text"] } == ["Acknowledge", "Milestone page"])
        #expect(buttons.map { $0["url"] as? String } == ["https://herald.example/ack/T.S", Self.page])
        let reminder = try #require(try json(SlackPayload.body(for: Self.linked))["blocks"] as? [[String: Any]])
        #expect(reminder.map { $0["type"] as? String } == ["section", "actions", "context"])
    }

    @Test func teamsShowsAnOpenURLActionNextToAcknowledge() throws {
        let attachments = try #require(
            try json(TeamsPayload.body(for: Self.escalation))["attachments"] as? [[String: Any]]
        )
        let card = try #require(attachments.first?["content"] as? [String: Any])
        #expect((card["actions"] as? [[String: String]]) == [
            ["type": "Action.OpenUrl", "title": "Acknowledge", "url": "https://herald.example/ack/T.S"],
            ["type": "Action.OpenUrl", "title": "Milestone page", "url": Self.page],
        ])
    }

    @Test func textFormatsEndWithTheLinkLine() throws {
        let mentioned = "<@U024BE7LH> " + Self.linked.text
        #expect(try json(DiscordPayload.body(for: Self.linked))["content"] as? String
            == mentioned + "\nMilestone page: <\(Self.page)>")
        #expect(try json(GoogleChatPayload.body(for: Self.linked))["text"] as? String
            == mentioned + "\n<\(Self.page)|Milestone page>")
        #expect(try json(MattermostPayload.body(for: Self.escalation))["text"] as? String
            == mentioned + "\n[Acknowledge](https://herald.example/ack/T.S)\n[Milestone page](\(Self.page))")
        #expect(EmailBody.plainText(for: Self.linked).contains(Self.linked.text + "\n\nMilestone page: \(Self.page)\n"))
        #expect(EmailBody.html(for: Self.linked, title: "t")
            .contains("<p><a href=\"\(Self.page)\">Milestone page</a></p>"))
        let zone = EngineFixture.london
        #expect(ConsoleLine.channelLine(for: Self.linked, in: zone)
            == ConsoleLine.line(for: Self.linked, in: zone) + " · Milestone page: \(Self.page)")
        let data = try #require(try json(WebhookPayload.body(for: Self.linked))["data"] as? [String: Any])
        #expect(data["milestone_url"] as? String == Self.page)
        let plain = try #require(try json(WebhookPayload.body(for: FormatTests.message))["data"] as? [String: Any])
        #expect(plain["milestone_url"] == nil, "a message without the link keeps its bytes")
    }

    @Test func aTemplateSeesTheLink() {
        #expect(MessageTemplates.context(for: Self.linked)["milestone_url"] as? String == Self.page)
        #expect(MessageTemplates.context(for: FormatTests.message)["milestone_url"] == nil)
    }

    @Test func aLongTextIsCutButTheLinksNeverAre() throws {
        var message = Self.escalation
        message.text = String(repeating: "overdue ", count: 1_000)
        let content = try #require(try json(DiscordPayload.body(for: message))["content"] as? String)
        #expect(content.utf16.count <= 2_000)
        #expect(content.hasSuffix("\nAcknowledge: <https://herald.example/ack/T.S>\nMilestone page: <\(Self.page)>"))
    }
}
