import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `PATCH /api/v1/projects/{p}/milestones/{m}` through a real runtime: validation, history, change rules.
@Suite struct MilestonePatchTests {
    private static let design = "/api/v1/projects/apollo/milestones/design"

    @Test func aMissingOrWrongTokenIs401AndChangesNothing() async throws {
        let fixture = try await RuntimeFixture()
        let before = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        try await fixture.test { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer nope"]] {
                try await client.execute(
                    uri: Self.design, method: .patch, headers: headers, body: body(#"{"status": "done"}"#)
                ) { #expect($0.status == .unauthorized) }
            }
        }
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design") == before)
    }

    @Test(arguments: [
        (#"{"colour": "red"}"#, "unknown field 'colour'"),
        (#"{"status": 3}"#, "field 'status' must be a non-empty string"),
        (
            #"{"status": "finished"}"#,
            "field 'status': unknown status 'finished' (planned, in_progress, at_risk, blocked, on_hold, done, cancelled)"
        ),
        (#"{"due": "11/12/2026"}"#, "field 'due' must be a date like 2026-12-11 or a date-time with offset like "
            + "2026-12-11T17:00:00+01:00, not '11/12/2026'"),
        (#"{"due": "2026-02-30"}"#, "field 'due' must be a date like 2026-12-11 or a date-time with offset like "
            + "2026-12-11T17:00:00+01:00, not '2026-02-30'"),
        (#"{"status": "done", "owner": "zed"}"#, "field 'owner': unknown person 'zed'"),
        (#"{"note": ""}"#, "field 'note' must be a non-empty string"),
        ("{}", "give at least one of 'status', 'due', 'owner', 'note'"),
        ("[1]", "the body must be a JSON object"),
    ])
    func badInputIs400NamingTheFieldAndChangesNothing(_ text: String, _ error: String) async throws {
        let fixture = try await RuntimeFixture()
        let before = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        let messages = try fixture.store.timeline(LogFilter()).count
        try await fixture.test { client in
            try await client.execute(uri: Self.design, method: .patch, headers: authorized, body: body(text)) {
                #expect($0.status == .badRequest)
                #expect(errorText($0) == error)
            }
        }
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design") == before)
        #expect(try fixture.store.timeline(LogFilter()).count == messages)
    }

    @Test func anUnknownProjectOrMilestoneIs404() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/projects/zeus/milestones/design", method: .patch, headers: authorized,
                body: body(#"{"status": "done"}"#)
            ) {
                #expect($0.status == .notFound)
                #expect(errorText($0) == "unknown project 'zeus'")
            }
            try await client.execute(
                uri: "/api/v1/projects/apollo/milestones/qa", method: .patch, headers: authorized,
                body: body(#"{"status": "done"}"#)
            ) {
                #expect($0.status == .notFound)
                #expect(errorText($0) == "unknown milestone 'qa' in project 'apollo'")
            }
        }
    }

    @Test func doneIsRecordedWithItsNoteFiresTheChangeRuleAndClosesTheEscalation() async throws {
        let fixture = try await RuntimeFixture()
        #expect(try fixture.store.escalations(states: [.open]).count == 1)
        try await fixture.test { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized,
                body: body(#"{"status": "done", "note": "signed off by the board"}"#)
            ) { response in
                #expect(response.status == .ok)
                let item = try #require(json(response) as? [String: Any])
                #expect(item["id"] as? String == "design")
                #expect(item["status"] as? String == "done")
                #expect(item["days_since_update"] as? Int == 0)
            }
        }
        let history = try fixture.store.history(projectID: "apollo", milestoneID: "design")
            .filter { $0.source == "api" }
        #expect(history.map(\.change) == [
            FieldChange(field: "status", oldValue: "in_progress", newValue: "done"),
            FieldChange(field: "note", oldValue: nil, newValue: "signed off by the board"),
        ])
        #expect(history.allSatisfy { $0.at == fixture.now })
        let announcements = try fixture.store.timeline(LogFilter()).compactMap { event -> OutgoingMessage? in
            guard case .message(let entry) = event, entry.message.rule == "completed" else { return nil }
            return entry.message
        }
        #expect(announcements.map(\.kind) == [.announcement])
        #expect(announcements.first?.recipients == ["bob"])
        #expect(announcements.first?.text.hasSuffix(
            "in progress → done. Changed through the API. Note: signed off by the board"
        ) == true)
        #expect(try fixture.store.escalations(states: [.open]).isEmpty, "the completion closes the escalation at once")
    }

    @Test func dueAndOwnerChangeAndTheAnswerShowsTheNewComputedFields() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized,
                body: body(#"{"due": "2026-12-11", "owner": "bob"}"#)
            ) { response in
                #expect(response.status == .ok)
                let item = try #require(json(response) as? [String: Any])
                #expect(item["due"] as? String == "2026-12-11")
                #expect(item["owner"] as? String == "bob")
                #expect(item["days_until_due"] as? Int == 7)
                #expect(item["business_days_until_due"] as? Int == 5)
                #expect(item["days_overdue"] as? Int == 0)
                #expect(item["times_moved"] as? Int == 1)
            }
        }
        #expect(try fixture.milestone("design")?.due == CivilDate(iso: "2026-12-11"))
        let changes = try fixture.store.history(projectID: "apollo", milestoneID: "design")
            .filter { $0.source == "api" }.map(\.change)
        #expect(changes == [
            FieldChange(field: "owner", oldValue: "alice", newValue: "bob"),
            FieldChange(field: "due", oldValue: "2026-12-03", newValue: "2026-12-11"),
        ])
    }

    @Test func aDateTimeDueSetsTheExactDeadlineAndAPlainDateClearsIt() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized,
                body: body(#"{"due": "2026-12-11T00:30:00+01:00"}"#)
            ) { response in
                #expect(response.status == .ok)
                let item = try #require(json(response) as? [String: Any])
                #expect(item["due"] as? String == "2026-12-10", "23:30 on the 10th in London")
                #expect(item["due_at"] as? String == "2026-12-10T23:30:00Z")
            }
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized, body: body(#"{"due": "2026-12-10"}"#)
            ) { response in
                let item = try #require(json(response) as? [String: Any])
                #expect(item["due"] as? String == "2026-12-10")
                #expect(item["due_at"] == nil)
            }
        }
        let stored = try #require(try fixture.milestone("design"))
        #expect(stored.due == CivilDate(iso: "2026-12-10") && stored.dueInstant == nil)
    }

    @Test func withoutTheDaemonsRuntimeAChangeIs503() async throws {
        try await ServerFixture().test { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized, body: body(#"{"status": "done"}"#)
            ) {
                #expect($0.status == .serviceUnavailable)
                #expect(errorText($0) == "changes need the running daemon")
            }
        }
    }
}
