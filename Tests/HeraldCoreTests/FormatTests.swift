import Foundation
import Testing
@testable import HeraldCore

@Suite struct FormatTests {
    static let message = OutgoingMessage(
        id: "msg_test", createdAt: Date(timeIntervalSince1970: 1_796_029_200), kind: .reminder, rule: "due-soon",
        project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
        milestones: [MilestoneRef(id: "design-signoff", title: "Design sign-off", due: CivilDate(iso: "2026-12-04")!,
                                  status: .inProgress, owner: "alice")],
        channel: "eng", recipients: ["alice"], mentions: ["<@U024BE7LH>"],
        text: "Design sign-off (Apollo ERP upgrade) is due in 3 business days, Fri 4 Dec."
    )

    @Test func webhookBodyFollowsTheSpec() throws {
        let body = WebhookPayload.body(for: Self.message)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(json["type"] as? String == "reminder")
        #expect(json["timestamp"] as? String == "2026-11-30T09:00:00Z")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["id"] as? String == "msg_test")
        #expect(data["kind"] as? String == "reminder")
        #expect(data["rule"] as? String == "due-soon")
        #expect(data["recipients"] as? [String] == ["alice"])
        #expect(data["escalation"] is NSNull)
        #expect((data["project"] as? [String: String]) == ["id": "apollo", "name": "Apollo ERP upgrade"])
        let milestones = try #require(data["milestones"] as? [[String: Any]])
        #expect(milestones.count == 1)
        #expect(milestones.first?.compactMapValues { $0 as? String } == [
            "id": "design-signoff", "title": "Design sign-off", "due": "2026-12-04", "status": "in_progress",
            "owner": "alice",
        ])
        for unknown in ["baseline", "blocks", "critical"] { #expect(milestones.first?[unknown] is NSNull) }
        #expect(milestones.first?["depends_on"] as? [String] == [])
        #expect(data["changes"] as? [Any] != nil && data["actor"] is NSNull)
        #expect(data["text"] as? String == Self.message.text)
        #expect(WebhookPayload.body(for: Self.message) == body, "the body is deterministic")
    }

    @Test func slackBodyHasBlocksAndAFallbackWithMentions() throws {
        var message = Self.message
        message.text = "R&D <review> done"
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(SlackPayload.body(for: message))) as? [String: Any]
        )
        #expect(json["text"] as? String == "<@U024BE7LH> R&amp;D &lt;review&gt; done")
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "context"])
        let section = try #require(blocks[0]["text"] as? [String: String])
        #expect(section == ["type": "mrkdwn", "text": "<@U024BE7LH> R&amp;D &lt;review&gt; done"])
    }

    @Test func consoleLineIsChatStyleInLocalTime() {
        let line = ConsoleLine.line(for: Self.message, in: TimeZone(identifier: "America/New_York")!)
        #expect(line == "2026-11-30 04:00 #eng → <@U024BE7LH> · reminder due-soon · " + Self.message.text)
    }

    @Test func messageIDsAreStableAndDistinct() {
        let a = MessageID.make(["due-soon", "apollo", "design", "eng", "1"])
        #expect(a == MessageID.make(["due-soon", "apollo", "design", "eng", "1"]))
        #expect(a != MessageID.make(["due-soon", "apollo", "design", "eng", "2"]))
        #expect(a != MessageID.make(["due-soon", "apollo", "designe", "ng", "1"]), "parts are delimited")
    }
}
