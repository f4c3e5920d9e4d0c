import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v1/projects/{p}/milestones/{m}/history` and the `by` of `PATCH`, through a real runtime.
@Suite struct MilestoneHistoryRouteTests {
    private static let design = "/api/v1/projects/apollo/milestones/design"

    @Test func aPatchByMikeShowsInTheHistoryAfterTheFilesChanges() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: Self.design, method: .patch, headers: authorized,
                body: body(#"{"due": "2026-12-11", "note": "waiting for the board", "by": "mike"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.design + "/history", method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let entries = try #require(json(response) as? [[String: Any]])
                let file = entries.filter { $0["source"] as? String == "file:apollo.yaml" }
                #expect(
                    file.map { $0["field"] as? String } == ["title", "owner", "due", "baseline", "status", "critical"]
                )
                #expect(file.allSatisfy { $0["actor"] is NSNull && $0["from"] is NSNull })
                let api = entries.filter { $0["source"] as? String == "api" }
                #expect(api.map { $0["field"] as? String } == ["due", "note"])
                #expect(api.map { $0["actor"] as? String } == ["mike", "mike"])
                #expect(api.first?["from"] as? String == "2026-12-03")
                #expect(api.first?["to"] as? String == "2026-12-11")
                #expect(api.first?["at"] as? String == "2026-12-04T09:00:00Z")
                #expect(entries.count == file.count + api.count)
            }
        }
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design").last?.actor == "mike")
    }

    @Test func anAcknowledgementIsAnEventOfTheHistory() async throws {
        let fixture = try await RuntimeFixture()
        let id = try #require(try fixture.store.escalations(states: [.open]).first?.id)
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/escalations/\(id)/ack", method: .post, headers: authorized,
                body: body(#"{"by": "alice", "note": "on it"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.design + "/history", method: .get, headers: authorized) { response in
                let last = try #require((json(response) as? [[String: Any]])?.last)
                #expect(last["field"] as? String == "acknowledged")
                #expect(last["source"] as? String == "escalation:\(id)")
                #expect(last["actor"] as? String == "alice")
                #expect(last["note"] as? String == "on it")
                #expect(last["milestone"] as? String == "design")
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/projects/zeus/milestones/design/history", "unknown project 'zeus'"),
        ("/api/v1/projects/apollo/milestones/qa/history", "unknown milestone 'qa' in project 'apollo'"),
    ])
    func anUnknownProjectOrMilestoneIs404(_ uri: String, _ error: String) async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .notFound)
                #expect(errorText(response) == error)
            }
        }
    }

    @Test func theHistoryNeedsTheToken() async throws {
        let fixture = try await RuntimeFixture()
        try await fixture.test { client in
            try await client.execute(uri: Self.design + "/history", method: .get) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test(arguments: [
        (#"{"status": "done", "by": ""}"#, "field 'by' must be a non-empty string"),
        (#"{"status": "done", "by": 7}"#, "field 'by' must be a non-empty string"),
        (#"{"status": "done", "by": "mike\u001b[31m"}"#, "field 'by' holds a control character (U+1B)"),
        (
            #"{"status": "done", "by": ""# + String(repeating: "m", count: 2001) + #""}"#,
            "field 'by' is longer than 2000 characters"
        ),
        (#"{"by": "mike"}"#, "give at least one of 'status', 'due', 'owner', 'note'"),
    ])
    func aBadByIs400AndChangesNothing(_ text: String, _ error: String) async throws {
        let fixture = try await RuntimeFixture()
        let before = try fixture.store.history(projectID: "apollo", milestoneID: "design")
        try await fixture.test { client in
            try await client.execute(uri: Self.design, method: .patch, headers: authorized, body: body(text)) {
                #expect($0.status == .badRequest)
                #expect(errorText($0) == error)
            }
        }
        #expect(try fixture.store.history(projectID: "apollo", milestoneID: "design") == before)
    }
}
