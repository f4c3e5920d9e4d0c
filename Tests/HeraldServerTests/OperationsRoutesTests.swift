import Foundation
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `/metrics` (Prometheus text, no token), `/readyz` with the dispatcher, and
/// `POST /api/v1/deliveries/{id}/replay`.
@Suite struct OperationsRoutesTests {
    @Test func metricsNeedNoTokenAndArePrometheusText() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(String(buffer: response.body) == TestOperations.exposition)
            }
            try await client.execute(uri: "/metrics?name=x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func readyzIsUnavailableWhileTheDispatcherIsNotRunning() async throws {
        let fixture = try ServerFixture()
        let operations = fixture.operations
        operations.setDispatcherRunning(false)
        try await fixture.test { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(errorText(response) == "dispatcher not running")
            }
            operations.setDispatcherRunning(true)
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func readyzIsUnavailableWhileTheStoreCannotBeWritten() async throws {
        let fixture = try ServerFixture()
        let operations = fixture.operations
        operations.setStoreWriteFailure("disk full: the store cannot be written (database or disk is full)")
        try await fixture.test { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(errorText(response) == "store not writable: disk full: the store cannot be written "
                    + "(database or disk is full)")
            }
            operations.setStoreWriteFailure(nil)
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// The fixture's one delivery, made dead by a 400.
    private func deadDelivery(_ fixture: ServerFixture) throws -> Int64 {
        let id = try #require(try fixture.store.leaseDueDeliveries(now: fixture.now, limit: 1, leaseSeconds: 30)
            .first?.delivery.id)
        let attempt = AttemptRecord(
            deliveryID: id, startedAt: fixture.now, latencyMilliseconds: 8, httpStatus: 400, curlCode: 0,
            error: "HTTP 400", responseExcerpt: nil
        )
        try fixture.store.record(attempt: attempt, outcome: .dead(reason: "HTTP 400"))
        return id
    }

    @Test func aDeadDeliveryIsReplayedAsANewDeliveryOfTheSameMessageAndTheDispatcherWoken() async throws {
        let fixture = try ServerFixture()
        let dead = try deadDelivery(fixture)
        let messageID = try #require(try fixture.store.deliveries(states: nil, channel: nil, limit: 1).first?.messageID)
        let (operations, now) = (fixture.operations, fixture.now)
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/deliveries/\(dead)/replay", method: .post, headers: authorized,
                body: body(#"{"by": "carol"}"#)
            ) { response in
                #expect(response.status == .accepted)
                let replay = try #require(json(response) as? [String: Any])
                #expect(replay["message_id"] as? String == messageID)
                #expect(replay["state"] as? String == "pending")
                #expect(replay["attempts"] as? Int == 0)
                #expect(replay["replay_of"] as? Int == Int(dead))
                #expect(replay["replayed_by"] as? String == "carol")
                #expect(replay["created_at"] as? String == ISO8601.string(now))
            }
            #expect(operations.wakeCount == 1)
            try await client.execute(uri: "/api/v1/log", method: .get, headers: authorized) { response in
                let events = try #require(logEntries(response))
                #expect(events.map { $0["state"] as? String } == ["dead", "pending"])
                #expect(events.map { $0["id"] as? String } == [messageID, messageID])
                #expect(events.last?["replayed_by"] as? String == "carol")
                #expect(events.first?["replayed_by"] == nil)
            }
            try await client.execute(
                uri: "/api/v1/deliveries/\(dead)/replay", method: .post, headers: authorized
            ) { response in
                #expect(response.status == .conflict)
                #expect(errorText(response) == "its message waits in delivery \(dead + 1), pending already")
            }
        }
        #expect(fixture.operations.wakeCount == 1)
        #expect(try fixture.store.deliveries(states: nil, channel: nil, limit: 10).count == 2)
    }

    @Test func aPendingDeliveryIsAConflict() async throws {
        let fixture = try ServerFixture()
        let pending = try #require(try fixture.store.deliveries(states: [.pending], channel: nil, limit: 1).first?.id)
        try await fixture.test { client in
            try await client.execute(
                uri: "/api/v1/deliveries/\(pending)/replay", method: .post, headers: authorized
            ) { response in
                #expect(response.status == .conflict)
                #expect(errorText(response) == "delivery \(pending) is pending already")
            }
        }
        #expect(fixture.operations.wakeCount == 0)
    }

    @Test(arguments: [
        ("/api/v1/deliveries/99/replay", "", HTTPResponse.Status.notFound, "unknown delivery 99"),
        ("/api/v1/deliveries/abc/replay", "", .badRequest, "delivery id must be a positive integer, not 'abc'"),
        ("/api/v1/deliveries/0/replay", "", .badRequest, "delivery id must be a positive integer, not '0'"),
        ("/api/v1/deliveries/1/replay", #"{"who": "carol"}"#, .badRequest, "unknown field 'who'"),
        ("/api/v1/deliveries/1/replay", #"{"by": 3}"#, .badRequest, "field 'by' must be a non-empty string"),
        ("/api/v1/deliveries/1/replay", "[]", .badRequest, "the body must be a JSON object"),
        ("/api/v1/deliveries/1/replay?force=true", "", .badRequest, "unknown query parameter 'force'"),
    ])
    func badReplaysChangeNothing(
        uri: String, text: String, status: HTTPResponse.Status, expected: String
    ) async throws {
        let fixture = try ServerFixture()
        _ = try deadDelivery(fixture)
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .post, headers: authorized, body: body(text)) { response in
                #expect(response.status == status)
                #expect(errorText(response)?.hasPrefix(expected) == true, "\(errorText(response) ?? "")")
            }
        }
        #expect(try fixture.store.deliveries(states: nil, channel: nil, limit: 10).count == 1)
        #expect(fixture.operations.wakeCount == 0)
    }

    @Test func aReplayNeedsTheToken() async throws {
        let fixture = try ServerFixture()
        let dead = try deadDelivery(fixture)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/deliveries/\(dead)/replay", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try fixture.store.deliveries(states: nil, channel: nil, limit: 10).count == 1)
    }
}
