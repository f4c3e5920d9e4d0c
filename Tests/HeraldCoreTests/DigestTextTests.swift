import Foundation
import Testing
@testable import HeraldCore

@Suite struct DigestTextTests {
    private typealias F = DigestFixture
    private static let london = TimeZone(identifier: "Europe/London")!

    @Test func theFixtureWeekInPlainText() {
        let text = MessageText.digest(F.report(), timeZone: Self.london)
        #expect(text == """
            Digest weekly-sponsor, Mon 30 Nov 09:00
            AMBER, steady since Mon 23 Nov 09:00: Migration · Apollo ERP upgrade is 4 business days overdue \
            (due Tue 24 Nov).
            Amber means a milestone is overdue.

            Projects:
            - Apollo ERP upgrade: AMBER, Migration is 4 business days overdue (due Tue 24 Nov)
            - Zeus: GREEN, every open milestone is on track; next: Launch, due Thu 10 Dec

            Completed since Mon 23 Nov 09:00:
            - Requirements · Apollo ERP upgrade, done Wed 25 Nov, 3 business days late

            Due by Mon 14 Dec:
            - Wed 2 Dec: Training · Apollo ERP upgrade, Alice Ng, planned
            - Fri 4 Dec: Design · Apollo ERP upgrade, Alice Ng, in progress; note: vendor review ran late
            - Thu 10 Dec: Launch · Zeus, Bob Roe, planned

            Slipped or moved:
            - Design · Apollo ERP upgrade: baseline Fri 27 Nov, was Fri 27 Nov, now Fri 4 Dec (+5 business days); \
            note: vendor review ran late
            - Uat · Apollo ERP upgrade: baseline Fri 12 Feb 2027, was Fri 19 Feb 2027, now Fri 12 Feb 2027 \
            (-5 business days)

            Overdue:
            - Migration · Apollo ERP upgrade: due Tue 24 Nov, 4 business days overdue, Dan Okafor
            - Vendor · Apollo ERP upgrade: due Fri 27 Nov, 1 business day overdue, Bob Roe

            Open escalations:
            - Migration · Apollo ERP upgrade: level 2 of 3, not acknowledged
            - Design · Apollo ERP upgrade: level 1 of 3, not acknowledged
            - Vendor · Apollo ERP upgrade: level 3 of 3, acknowledged by Bob Roe
            """)
    }

    @Test func emptySectionsAndASingleProjectListAreLeftOut() {
        let report = F.report(
            F.definition(scope: .projects(["zeus"])), previous: nil, late: true
        )
        #expect(MessageText.digest(report, timeZone: Self.london) == """
            Digest weekly-sponsor, Mon 30 Nov 09:00 (late: Herald was not running at the scheduled time)
            GREEN (first digest): every open milestone is on track; next: Launch · Zeus, due Thu 10 Dec.
            Green means no milestone is overdue, slipping past its baseline, blocked or at risk.

            Due by Mon 14 Dec:
            - Thu 10 Dec: Launch · Zeus, Bob Roe, planned
            """)
    }

    @Test func nothingChangedIsOneLine() {
        let first = F.report(history: [], previous: nil)
        let next = F.report(history: [], previous: first, at: EngineFixture.at("2026-12-01", 9))
        #expect(next.unchanged)
        #expect(MessageText.digest(next, timeZone: Self.london) == """
            Digest weekly-sponsor, Tue 1 Dec 09:00
            Nothing changed since Mon 30 Nov 09:00: still AMBER, Migration · Apollo ERP upgrade is 5 business days \
            overdue (due Tue 24 Nov).
            """)
    }

    @Test func timesAreShownInTheZoneGiven() {
        let text = MessageText.digest(F.report(), timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(text.hasPrefix("Digest weekly-sponsor, Mon 30 Nov 04:00\nAMBER, steady since Mon 23 Nov 04:00:"))
    }

    @Test func theWebhookCarriesTheStructureInDataDigest() throws {
        let report = F.report()
        let message = OutgoingMessage(
            id: "msg_digest", createdAt: F.at, kind: .digest, rule: nil, project: nil, milestones: [],
            channel: "audit", recipients: ["carol"], mentions: [],
            text: MessageText.digest(report, timeZone: Self.london), digest: report
        )
        let body = WebhookPayload.body(for: message)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(
            #"{"data":{"actor":null,"changes":[],"digest":{"at":"2026-11-30T09:00:00Z","#
        ))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(json["type"] as? String == "digest")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["kind"] as? String == "digest")
        #expect(data["escalation"] is NSNull)
        #expect(data["project"] is NSNull)
        #expect(data["text"] as? String == message.text)
        let digest = try #require(data["digest"] as? [String: Any])
        #expect(digest["name"] as? String == "weekly-sponsor")
        #expect(digest["since"] as? String == "2026-11-23T09:00:00Z")
        #expect(digest["late"] as? Bool == false)
        #expect(digest["unchanged"] as? Bool == false)
        #expect(digest["window_end"] as? String == "2026-12-14")
        #expect((digest["headline"] as? [String: String]) == [
            "status": "amber", "rule": "amber: a milestone is overdue", "trend": "steady",
            "reason": "Migration · Apollo ERP upgrade is 4 business days overdue (due Tue 24 Nov)",
        ])
        let slipped = try #require(digest["slipped"] as? [[String: Any]])
        #expect(slipped.count == 2)
        #expect(slipped[0]["previous_due"] as? String == "2026-11-27")
        #expect(slipped[0]["business_days"] as? Int == 5)
        #expect(slipped[0]["owner_name"] as? String == "Alice Ng")
        #expect(slipped[0]["note"] as? String == "vendor review ran late")
        #expect((slipped[0]["milestone"] as? [String: String]) == [
            "id": "design", "title": "Design", "due": "2026-12-04", "status": "in_progress", "owner": "alice",
        ])
        let dueSoon = try #require(digest["due_soon"] as? [[String: Any]])
        let dueIDs = dueSoon.compactMap { ($0["milestone"] as? [String: String])?["id"] }
        #expect(dueIDs == ["training", "design", "launch"])
        let escalations = try #require(digest["escalations"] as? [[String: Any]])
        #expect(escalations.last?["acknowledged_by"] as? String == "Bob Roe")
        #expect(escalations.first?["acknowledged_by"] == nil, "absent fields are left out")
        #expect(WebhookPayload.body(for: message) == body, "the body is deterministic")
        // The same report read back from the message's stored JSON renders the same body.
        let stored = try JSONDecoder().decode(OutgoingMessage.self, from: JSONEncoder().encode(message))
        #expect(WebhookPayload.body(for: stored) == body)
    }

    @Test func otherMessagesHaveNoDigestKey() throws {
        let body = WebhookPayload.body(for: FormatTests.message)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect((json["data"] as? [String: Any])?.keys.contains("digest") == false)
    }
}
