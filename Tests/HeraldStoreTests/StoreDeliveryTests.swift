import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreDeliveryTests {
    /// A store with msg_1 due at t0, msg_2 at t0 + 10, msg_3 at t0 + 100.
    private func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1")], at: t0)
        try store.commit(ruleStates: [], messages: [message("msg_2")], at: t0.addingTimeInterval(10))
        try store.commit(ruleStates: [], messages: [message("msg_3")], at: t0.addingTimeInterval(100))
        return store
    }

    private func attempt(_ id: Int64, status: Int?, error: String? = nil) -> AttemptRecord {
        AttemptRecord(
            deliveryID: id, startedAt: t0.addingTimeInterval(20), latencyMilliseconds: 250, httpStatus: status,
            curlCode: 0, error: error, responseExcerpt: status.map { "status \($0)" }
        )
    }

    @Test func leaseTakesDueUnleasedDeliveriesInOrder() throws {
        let store = try store()
        let now = t0.addingTimeInterval(20)
        #expect(try store.nextAttemptTime() == t0)

        let first = try store.leaseDueDeliveries(now: now, limit: 1, leaseSeconds: 30)
        #expect(first.map(\.message.id) == ["msg_1"])
        #expect(try store.nextAttemptTime() == t0.addingTimeInterval(10))

        let rest = try store.leaseDueDeliveries(now: now, limit: 10, leaseSeconds: 30)
        #expect(rest.map(\.message.id) == ["msg_2"], "leased and future deliveries are excluded")
        #expect(try store.leaseDueDeliveries(now: now, limit: 10, leaseSeconds: 30).isEmpty)
        #expect(try store.nextAttemptTime() == t0.addingTimeInterval(100))

        let afterLease = try store.leaseDueDeliveries(now: now.addingTimeInterval(31), limit: 10, leaseSeconds: 30)
        #expect(afterLease.map(\.message.id) == ["msg_1", "msg_2"], "an expired lease can be taken again")
    }

    @Test func recordDelivered() throws {
        let store = try store()
        let leased = try store.leaseDueDeliveries(now: t0.addingTimeInterval(20), limit: 1, leaseSeconds: 30)
        let id = try #require(leased.first?.delivery.id)
        try store.record(attempt: attempt(id, status: 200), outcome: .delivered)

        let delivery = try #require(try store.deliveries(states: [.delivered], channel: nil, limit: 10).first)
        #expect(delivery.id == id)
        #expect(delivery.attempts == 1)
        #expect(delivery.deliveredAt == t0.addingTimeInterval(20.25))
        #expect(delivery.latencyMilliseconds == 250)
        #expect(try store.attempts(deliveryID: id) == [attempt(id, status: 200)])
        #expect(try store.reclaimLeases() == 0, "recording clears the lease")
    }

    @Test func recordRetryThenDead() throws {
        let store = try store()
        let id = try #require(try store.leaseDueDeliveries(now: t0, limit: 1, leaseSeconds: 30).first?.delivery.id)
        let retryAt = t0.addingTimeInterval(60)
        try store.record(
            attempt: attempt(id, status: 503, error: "HTTP 503"), outcome: .retry(at: retryAt, reason: "HTTP 503")
        )

        var delivery = try #require(try store.deliveries(states: [.retrying], channel: nil, limit: 10).first)
        #expect(delivery.attempts == 1)
        #expect(delivery.nextAttemptAt == retryAt)
        #expect(delivery.lastError == "HTTP 503")
        #expect(try store.leaseDueDeliveries(now: t0.addingTimeInterval(59), limit: 10, leaseSeconds: 30)
            .map(\.message.id) == ["msg_2"])
        #expect(try store.leaseDueDeliveries(now: retryAt, limit: 10, leaseSeconds: 30).map(\.delivery.id) == [id])

        try store.record([(attempt(id, status: 410, error: "HTTP 410"), .dead(reason: "HTTP 410 Gone"))])
        delivery = try #require(try store.deliveries(states: [.dead], channel: nil, limit: 10).first)
        #expect(delivery.id == id)
        #expect(delivery.attempts == 2)
        #expect(delivery.lastError == "HTTP 410 Gone")
        #expect(delivery.deliveredAt == nil)
        #expect(try store.attempts(deliveryID: id).map(\.httpStatus) == [503, 410])
    }

    @Test func recordBatchIsAtomic() throws {
        let store = try store()
        let ids = try store.leaseDueDeliveries(now: t0.addingTimeInterval(10), limit: 2, leaseSeconds: 30)
            .map(\.delivery.id)
        #expect(throws: HeraldStoreError.unknownDelivery(999)) {
            try store.record([(attempt(ids[0], status: 200), .delivered), (attempt(999, status: 200), .delivered)])
        }
        #expect(try store.attempts(deliveryID: ids[0]).isEmpty)

        try store.record(ids.map { (attempt($0, status: 200), .delivered) })
        #expect(try store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 2)
    }

    @Test func reclaimLeasesAfterACrash() throws {
        let store = try store()
        let now = t0.addingTimeInterval(20)
        #expect(try store.leaseDueDeliveries(now: now, limit: 10, leaseSeconds: 300).count == 2)
        #expect(try store.leaseDueDeliveries(now: now, limit: 10, leaseSeconds: 300).isEmpty)

        #expect(try store.reclaimLeases() == 2)
        let again = try store.leaseDueDeliveries(now: now, limit: 10, leaseSeconds: 300)
        #expect(again.map(\.message.id) == ["msg_1", "msg_2"])
    }
}
