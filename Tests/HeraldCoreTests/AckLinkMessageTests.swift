import Foundation
import Testing
@testable import HeraldCore

/// Escalation notices carry an acknowledgement link per channel when the server has a public URL, and every
/// channel format shows it; without one nothing changes.
@Suite struct AckLinkMessageTests {
    static let key = ServerKey(bytes: Array(0..<32))!

    static func links(lifetime: Interval = .days(7)) -> AckLinks {
        AckLinks(
            key: key, publicURL: "https://herald.example/", lifetime: lifetime, calendar: EngineFixture.calendar
        )
    }

    /// The level 1 (owner) and level 2 (manager and the sponsors audience) notices of an overdue milestone.
    static func notices(links: AckLinks?) throws -> [OutgoingMessage] {
        let policy = EscalationPolicy(name: "missed-deadline", levels: [
            .init(after: nil, notify: [.owner]),
            .init(after: .businessDays(1), notify: [.manager, .audience("sponsors")]),
        ])
        var run = try EscalationTests.run(policy: policy, due: "2026-12-03")
        run = EngineRun(configuration: run.engine.configuration, ackLinks: links)
        return run.tick(EngineFixture.at("2026-12-04", 10)) + run.tick(EngineFixture.at("2026-12-07", 10))
    }

    @Test func eachNoticeLinksToItsRecipientAndKeepsItsID() throws {
        let linked = try Self.notices(links: Self.links())
        let plain = try Self.notices(links: nil)
        #expect(linked.map(\.id) == plain.map(\.id), "the link is not part of the message id")
        #expect(linked.allSatisfy { $0.text.hasSuffix(" Acknowledge it, give a new date or mark it done to stop further notices.") })
        #expect(plain.allSatisfy { $0.text.hasSuffix(" who runs Herald for this project that it is in hand.") })
        #expect(plain.allSatisfy { $0.escalation?.ackURL == nil })
        #expect(linked.map(\.channel) == ["eng", "eng", "board"])
        #expect(linked.map(\.recipients) == [["alice"], ["bob"], ["carol", "bob"]])
        let monday = EngineFixture.at("2026-12-07", 10)
        let decidedAt = [EngineFixture.at("2026-12-04", 10), monday, monday]
        let expected: [AckRecipient] = [.person("alice"), .person("bob"), .channel("board")]
        for (index, message) in linked.enumerated() {
            let url = try #require(message.escalation?.ackURL)
            #expect(url.hasPrefix("https://herald.example/ack/"))
            let token = String(url.dropFirst("https://herald.example/ack/".count))
            let expiry = decidedAt[index].addingTimeInterval(7 * 86_400)
            #expect(AckToken.verify(token, key: Self.key, now: expiry.addingTimeInterval(-1)) == .valid(AckToken(
                escalationID: message.escalation!.id, recipient: expected[index], expires: expiry
            )))
        }
        #expect(try Self.notices(links: Self.links()) == linked, "deterministic for a fixed key and clock")
    }

    @Test func aBusinessDayLifetimeCountsBusinessTime() throws {
        let message = try #require(try Self.notices(links: Self.links(lifetime: .businessDays(1))).first)
        let token = String(try #require(message.escalation?.ackURL).split(separator: "/").last!)
        // Decided Fri 4 Dec 10:00: one business day later is Mon 7 Dec 10:00.
        let monday = EngineFixture.at("2026-12-07", 10)
        #expect(AckToken.verify(token, key: Self.key, now: monday.addingTimeInterval(-1)) != .invalid)
        guard case .expired = AckToken.verify(token, key: Self.key, now: monday) else {
            Issue.record("the link still works a business day later")
            return
        }
    }

    static let linked: OutgoingMessage = {
        var message = FormatTests.message
        message.kind = .escalation
        message.escalation = EscalationRef(
            id: "esc_1", policy: "missed-deadline", level: 1, levels: 2, ackURL: "https://herald.example/ack/T.S"
        )
        return message
    }()

    func json(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func slackShowsAButton() throws {
        let blocks = try #require(try json(SlackPayload.body(for: Self.linked))["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "actions", "context"])
        let button = try #require((blocks[1]["elements"] as? [[String: Any]])?.first)
        #expect(button["type"] as? String == "button")
        #expect(button["url"] as? String == "https://herald.example/ack/T.S")
        #expect((button["text"] as? [String: String])?["text"] == "Acknowledge")
        let plain = try #require(try json(SlackPayload.body(for: FormatTests.message))["blocks"] as? [[String: Any]])
        #expect(plain.map { $0["type"] as? String } == ["section", "context"])
    }

    @Test func teamsShowsAnOpenURLAction() throws {
        let attachments = try #require(try json(TeamsPayload.body(for: Self.linked))["attachments"] as? [[String: Any]])
        let card = try #require(attachments.first?["content"] as? [String: Any])
        #expect((card["actions"] as? [[String: String]]) == [
            ["type": "Action.OpenUrl", "title": "Acknowledge", "url": "https://herald.example/ack/T.S"],
        ])
    }

    @Test func textFormatsEndWithTheLink() throws {
        let mentioned = "<@U024BE7LH> " + Self.linked.text
        #expect(try json(DiscordPayload.body(for: Self.linked))["content"] as? String
            == mentioned + "\nAcknowledge: <https://herald.example/ack/T.S>")
        #expect(try json(GoogleChatPayload.body(for: Self.linked))["text"] as? String
            == mentioned + "\n<https://herald.example/ack/T.S|Acknowledge>")
        #expect(try json(MattermostPayload.body(for: Self.linked))["text"] as? String
            == mentioned + "\n[Acknowledge](https://herald.example/ack/T.S)")
        #expect(EmailBody.plainText(for: Self.linked)
            .contains(Self.linked.text + "\n\nAcknowledge: https://herald.example/ack/T.S\n"))
        #expect(EmailBody.html(for: Self.linked, title: "t")
            .contains("<p><a href=\"https://herald.example/ack/T.S\">Acknowledge</a></p>"))
        let zone = EngineFixture.london
        #expect(ConsoleLine.channelLine(for: Self.linked, in: zone)
            == ConsoleLine.line(for: Self.linked, in: zone) + " · Acknowledge: https://herald.example/ack/T.S")
        let plain = FormatTests.message
        #expect(ConsoleLine.channelLine(for: plain, in: zone) == ConsoleLine.line(for: plain, in: zone))
        let data = try #require(try json(WebhookPayload.body(for: Self.linked))["data"] as? [String: Any])
        #expect((data["escalation"] as? [String: Any])?["ack_url"] as? String == "https://herald.example/ack/T.S")
    }

    @Test func aLongTextIsCutButTheLinkNeverIs() throws {
        var message = Self.linked
        message.text = String(repeating: "overdue ", count: 1_000)
        let content = try #require(try json(DiscordPayload.body(for: message))["content"] as? String)
        #expect(content.utf16.count <= 2_000)
        #expect(content.hasSuffix("…\nAcknowledge: <https://herald.example/ack/T.S>"))
    }
}
