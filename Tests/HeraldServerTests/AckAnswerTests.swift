import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /ack/{token}` with a new due date or done, through a real runtime: the milestone changes as through the
/// API (history with the link's person as actor, the change rules), the escalation is acknowledged or resolved, and a
/// date that cannot be taken changes nothing and says why.
@Suite struct AckAnswerTests {
    /// A link to alice for the fixture's open escalation on `design`.
    static func token(_ fixture: RuntimeFixture) throws -> (id: String, token: String) {
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        let expires = fixture.now.addingTimeInterval(86_400)
        let token = AckToken(escalationID: id, recipient: .person("alice"), expires: expires)
        return (id, token.signed(with: AckPageTests.key))
    }

    /// Posts `body` to the link `token`; the status and the page.
    static func post(_ client: any TestClientProtocol, _ token: String, _ body: String) async throws -> (UInt, String) {
        try await client.execute(
            uri: "/ack/\(token)", method: .post, headers: AckPageTests.form, body: ByteBuffer(string: body)
        ) { (UInt($0.status.code), AckPageTests.text($0)) }
    }

    @Test func aNewDateAcknowledgesAndMovesTheMilestone() async throws {
        let fixture = try await RuntimeFixture()
        let (id, token) = try Self.token(fixture)
        try await fixture.test(serverKey: AckPageTests.key) { client in
            let (status, page) = try await Self.post(client, token, "answer=new_date&due=2026-12-10&note=vendor+late")
            #expect(status == 200)
            #expect(page.contains("<h1>Acknowledged, with a new date</h1>"))
            #expect(page.contains("Design sign-off is now due Thu 10 Dec"))
            #expect(page.contains("<td>Design sign-off, due Thu 10 Dec</td>"), "the table shows the stored date")
        }
        let record = try #require(try fixture.store.escalation(id: id))
        #expect(record.state == .acknowledged)
        #expect(record.acknowledgement?.by == "alice" && record.acknowledgement?.note == "vendor late")
        #expect(try fixture.milestone("design")?.due == CivilDate(iso: "2026-12-10"))
        let moved = try fixture.store.history(projectID: "apollo", milestoneID: "design")
            .first { $0.change.field == "due" && $0.source.hasPrefix("escalation:") }
        #expect(moved?.source == "escalation:\(id)")
        #expect(moved?.actor == "alice")
        #expect(moved?.change == FieldChange(field: "due", oldValue: "2026-12-03", newValue: "2026-12-10"))
    }

    @Test(arguments: [
        ("answer=new_date&due=2026-12-32", "&#39;2026-12-32&#39; is not a date like 2026-12-04"),
        ("answer=new_date&due=", "give the new due date, such as 2026-12-04"),
        ("answer=new_date&due=2026-12-03", "the new date, Thu 3 Dec, has passed: give today or a later date"),
        ("answer=dance", "&#39;dance&#39; is not an answer this page knows"),
    ])
    func anAnswerThatCannotBeTakenIs400AndChangesNothing(_ body: String, _ reason: String) async throws {
        let fixture = try await RuntimeFixture()
        let (id, token) = try Self.token(fixture)
        let before = try fixture.store.history(projectID: "apollo", milestoneID: "design").count
        try await fixture.test(serverKey: AckPageTests.key) { client in
            let (status, page) = try await Self.post(client, token, body)
            #expect(status == 400)
            #expect(page.contains("<h1>Nothing changed</h1>"))
            #expect(page.contains("Nothing changed: \(reason)."), "\(page)")
        }
        #expect(try fixture.store.escalation(id: id)?.state == .open)
        #expect(try fixture.milestone("design")?.due == CivilDate(iso: "2026-12-03"))
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design").count == before)
    }

    @Test func doneMarksTheMilestoneDoneAndResolvesTheEscalation() async throws {
        let fixture = try await RuntimeFixture()
        let (id, token) = try Self.token(fixture)
        try await fixture.test(serverKey: AckPageTests.key) { client in
            let (status, page) = try await Self.post(client, token, "answer=done")
            #expect(status == 200)
            #expect(page.contains("<h1>Marked done</h1>"))
            let (again, closed) = try await Self.post(client, token, "answer=done")
            #expect(again == 200)
            #expect(closed.contains("<h1>Already closed</h1>"))
        }
        #expect(try fixture.milestone("design")?.status == .done)
        let record = try #require(try fixture.store.escalation(id: id))
        #expect(record.state == .resolved)
        #expect(record.acknowledgement == nil)
        let done = try fixture.store.history(projectID: "apollo", milestoneID: "design").last
        #expect(done?.source == "escalation:\(id)" && done?.actor == "alice")
    }
}
