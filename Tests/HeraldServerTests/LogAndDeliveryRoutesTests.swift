import Foundation
import HummingbirdTesting
import Testing

/// `GET /api/v1/log` and `GET /api/v1/deliveries`: the CLI's JSON, with its filters; a bad filter is a 400 naming
/// it.
@Suite struct LogAndDeliveryRoutesTests {
    @Test(arguments: [
        ("/api/v1/log", 1),
        ("/api/v1/log?project=apollo&milestone=design&channel=eng&since=7d&limit=5", 1),
        ("/api/v1/log?channel=ops", 0),
        ("/api/v1/log?since=2026-12-05", 0),
        ("/api/v1/log?project=zeus", 0),
        ("/api/v1/log?person=alice", 1),
    ])
    func theLogFilters(uri: String, count: Int) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let events = try #require(logEntries(response)).filter { $0["event"] as? String == "message" }
                #expect(events.count == count)
                if count == 1 {
                    #expect(events.first?["event"] as? String == "message")
                    #expect(events.first?["channel"] as? String == "eng")
                    #expect(events.first?["state"] as? String == "pending")
                    #expect(events.first?["recipient_names"] as? [String] == ["Alice"])
                }
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/log?since=yesterday", "query parameter 'since' must be like"),
        ("/api/v1/log?limit=0", "query parameter 'limit' must be a positive integer, not '0'"),
        ("/api/v1/log?limit=ten", "query parameter 'limit' must be a positive integer, not 'ten'"),
        ("/api/v1/log?limit=1001", "query parameter 'limit' must be at most 1000"),
        ("/api/v1/log?cursor=bm9wZQ", "query parameter 'cursor' is not a next_cursor this server gave"),
        ("/api/v1/log?project=", "query parameter 'project' is empty"),
        ("/api/v1/log?project=a&project=b", "query parameter 'project' given twice"),
        ("/api/v1/log?rule=overdue", "unknown query parameter 'rule'"),
        ("/api/v1/log?person=zed", "query parameter 'person': unknown person 'zed'"),
        ("/api/v1/deliveries?state=lost", "query parameter 'state': unknown state 'lost'"),
        ("/api/v1/deliveries?state=pending,", "query parameter 'state': unknown state ''"),
        ("/api/v1/deliveries?limit=-1", "query parameter 'limit' must be a positive integer, not '-1'"),
        ("/api/v1/escalations?all=yes", "query parameter 'all' must be true or false, not 'yes'"),
    ])
    func badFiltersAre400(uri: String, expected: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .badRequest)
                #expect(errorText(response)?.hasPrefix(expected) == true)
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/deliveries", 1),
        ("/api/v1/deliveries?state=pending,retrying&channel=eng&limit=1", 1),
        ("/api/v1/deliveries?state=delivered", 0),
        ("/api/v1/deliveries?channel=ops", 0),
    ])
    func deliveriesFilter(uri: String, count: Int) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let deliveries = try #require(json(response) as? [[String: Any]])
                #expect(deliveries.count == count)
                #expect(deliveries.allSatisfy { $0["channel"] as? String == "eng" })
            }
        }
    }
}

/// An acknowledgement is an event of the log: who, when, with what note, the acknowledger by name.
@Suite struct LogAcknowledgementRouteTests {
    @Test func anAcknowledgementIsAnAckEntry() async throws {
        let fixture = try ServerFixture()
        let escalation = try #require(try fixture.store.escalations().first)
        _ = try fixture.store.acknowledge(
            escalationID: escalation.id, by: "alice", note: "on it", at: ServerFixture.at("2026-12-04", 10)
        )
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/log?person=alice", method: .get, headers: authorized) { response in
                let entries = try #require(logEntries(response))
                let ack = try #require(entries.last)
                #expect(entries.map { $0["event"] as? String }.filter { $0 != "change" } == ["message", "ack"])
                #expect(ack["by"] as? String == "alice" && ack["by_name"] as? String == "Alice")
                #expect(ack["note"] as? String == "on it" && ack["escalation"] as? String == escalation.id)
                #expect(ack["milestones"] as? [String] == ["design"])
            }
        }
    }
}

/// A milestone's changes are entries of the log among the messages, paged with them, and `person` keeps the
/// changes of what that person owns.
@Suite struct LogChangeRouteTests {
    /// The fixture, with design marked at risk through the API by mike on Fri 4 Dec 10:00, after the 09:00 notice.
    private func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        var design = try #require(try fixture.store.trackedMilestones().first?.milestone)
        design.status = .atRisk
        try fixture.store.apply(milestone: design, source: "api", at: ServerFixture.at("2026-12-04", 10), actor: "mike")
        return fixture
    }

    @Test func aChangeIsAChangeEntryPagedWithTheMessages() async throws {
        try await fixture().test { client in
            let first = "/api/v1/log?since=2026-12-04&limit=1"
            let cursor = try await client.execute(uri: first, method: .get, headers: authorized) { response in
                let entries = try #require(logEntries(response))
                let change = try #require(entries.first)
                #expect(entries.count == 1)
                #expect(change["event"] as? String == "change")
                #expect(change["milestones"] as? [String] == ["design"])
                #expect(change["field"] as? String == "status" && change["source"] as? String == "api")
                #expect(change["from"] as? String == "in_progress" && change["to"] as? String == "at_risk")
                #expect(change["actor"] as? String == "mike" && change["actor_name"] as? String == "mike")
                return try #require((json(response) as? [String: Any])?["next_cursor"] as? String)
            }
            let before = "/api/v1/log?since=2026-12-04&limit=1&cursor=\(cursor)"
            try await client.execute(uri: before, method: .get, headers: authorized) { response in
                let entries = try #require(logEntries(response))
                #expect(entries.map { $0["event"] as? String } == ["message"])
                #expect((json(response) as? [String: Any])?["next_cursor"] is NSNull)
            }
        }
    }

    @Test func thePersonFilterKeepsTheChangesOfTheirMilestones() async throws {
        try await fixture().test { client in
            try await client.execute(uri: "/api/v1/log?person=alice", method: .get, headers: authorized) { response in
                let entries = try #require(logEntries(response))
                let changes = entries.filter { $0["event"] as? String == "change" }
                #expect(changes.map { $0["field"] as? String } == ["status"])
                #expect(entries.last?["event"] as? String == "change", "the 10:00 change follows the 09:00 notice")
            }
            try await client.execute(uri: "/api/v1/log?channel=eng", method: .get, headers: authorized) { response in
                let entries = try #require(logEntries(response))
                #expect(entries.allSatisfy { $0["event"] as? String == "message" })
            }
        }
    }
}
