import Foundation
import HeraldCore
import HeraldStore
import HummingbirdTesting
import Testing

/// `GET /api/v1/escalations` and `POST /api/v1/escalations/{id}/ack`: acknowledging stops the ladder in the store;
/// bad input and unknown ids change nothing.
@Suite struct EscalationRoutesTests {
    @Test func openEscalationsAreListed() async throws {
        let fixture = try ServerFixture()
        let id = try #require(try fixture.store.escalations().first?.id)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/escalations", method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let items = try #require(json(response) as? [[String: Any]])
                #expect(items.map { $0["id"] as? String } == [id])
                #expect(items.first?["state"] as? String == "open")
                #expect(items.first?["milestone"] as? String == "design")
            }
        }
    }

    @Test func ackAcknowledgesOnceAndThenConflicts() async throws {
        let fixture = try ServerFixture()
        let id = try #require(try fixture.store.escalations().first?.id)
        try await fixture.test { client in
            let uri = "/api/v1/escalations/\(id)/ack"
            let ack = body(#"{"by": "alice", "note": "on it"}"#)
            try await client.execute(uri: uri, method: .post, headers: authorized, body: ack) { response in
                #expect(response.status == .ok)
                let item = try #require(json(response) as? [String: Any])
                #expect(item["state"] as? String == "acknowledged")
                #expect(item["acknowledged_by"] as? String == "alice")
            }
            try await client.execute(uri: uri, method: .post, headers: authorized, body: ack) { response in
                #expect(response.status == .conflict)
                #expect(errorText(response) == "escalation '\(id)' is already acknowledged")
            }
        }
        let stored = try #require(try fixture.store.escalation(id: id))
        #expect(stored.state == .acknowledged)
        #expect(stored.acknowledgement == Acknowledgement(by: "alice", at: fixture.now, note: "on it"))
    }

    @Test func anUnknownEscalationIs404() async throws {
        try await ServerFixture().test { client in
            try await client.execute(
                uri: "/api/v1/escalations/esc_nope/ack", method: .post, headers: authorized, body: body(#"{"by": "a"}"#)
            ) { response in
                #expect(response.status == .notFound)
                #expect(errorText(response) == "unknown escalation 'esc_nope'")
            }
        }
    }

    @Test(arguments: [
        ("", "the body must be a JSON object"),
        ("[]", "the body must be a JSON object"),
        ("{\"by\": ", "the body must be a JSON object"),
        ("{}", "field 'by' is required"),
        (#"{"by": "alice", "when": "now"}"#, "unknown field 'when'"),
        (#"{"by": 7}"#, "field 'by' must be a non-empty string"),
        (#"{"by": ""}"#, "field 'by' must be a non-empty string"),
        (#"{"by": "alice", "note": false}"#, "field 'note' must be a non-empty string"),
    ])
    func badBodiesAre400AndChangeNothing(text: String, expected: String) async throws {
        let fixture = try ServerFixture()
        let id = try #require(try fixture.store.escalations().first?.id)
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/escalations/\(id)/ack", method: .post, headers: authorized, body: body(text)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(errorText(response) == expected)
            }
        }
        #expect(try fixture.store.escalation(id: id)?.state == .open)
    }

    @Test func anOversizedBodyIs413() async throws {
        let fixture = try ServerFixture()
        let id = try #require(try fixture.store.escalations().first?.id)
        let note = String(repeating: "x", count: 70_000)
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/escalations/\(id)/ack", method: .post, headers: authorized,
                body: body(#"{"by": "alice", "note": "\#(note)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorText(response) == "the body is larger than 65536 bytes")
            }
        }
        #expect(try fixture.store.escalation(id: id)?.state == .open)
    }
}
