import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The gauges the daemon reads on a scrape: deliveries waiting, the longest wait, open escalations.
@Suite struct StoreGaugeTests {
    @Test func anEmptyStoreHasNothingWaiting() throws {
        #expect(try HeraldStore.inMemory().queueGauges(now: t0)
            == QueueGauges(waitingDeliveries: 0, oldestDueSince: nil, openEscalations: 0))
    }

    @Test func theLongestWaitCountsFromWhenADeliveryFellDueOrWasFirstTried() throws {
        let store = try HeraldStore.inMemory()
        var held = message("msg_held")
        held.heldUntil = t0 + 3_600
        try store.commit(ruleStates: [], messages: [message("msg_1"), held], at: t0)
        #expect(try store.queueGauges(now: t0 + 10)
            == QueueGauges(waitingDeliveries: 2, oldestDueSince: t0, openEscalations: 0))

        let id = try store.leaseDueDeliveries(now: t0 + 20, limit: 1, leaseSeconds: 30)[0].delivery.id
        try store.record(
            attempt: AttemptRecord(
                deliveryID: id, startedAt: t0 + 20, latencyMilliseconds: 5, httpStatus: 503, curlCode: 0,
                error: "HTTP 503", responseExcerpt: nil
            ),
            outcome: .retry(at: t0 + 600, reason: "HTTP 503")
        )
        try store.commit(ruleStates: [], messages: [message("msg_2")], at: t0 + 30)
        #expect(try store.queueGauges(now: t0 + 40)
            == QueueGauges(waitingDeliveries: 3, oldestDueSince: t0 + 20, openEscalations: 0),
            "the retrying one since its first attempt; the held one is not due yet")
        #expect(try store.queueGauges(now: t0 + 4_000).oldestDueSince == t0 + 20)
    }

    @Test func openEscalationsAreCounted() throws {
        let store = try HeraldStore.inMemory()
        let records = ["design", "build"].map { id in
            EscalationRecord(
                id: "esc_\(id)", key: RuleStateKey(rule: "overdue", projectID: "apollo", milestoneID: id),
                policy: "missed-deadline", due: date("2026-12-04"), openedAt: t0
            )
        }
        try store.commit(
            ruleStates: [], messages: [], escalations: records.map { EscalationUpdate(record: $0, expectedState: nil) },
            at: t0
        )
        #expect(try store.queueGauges(now: t0).openEscalations == 2)
        _ = try store.acknowledge(escalationID: "esc_design", by: "bob", note: nil, at: t0 + 1)
        #expect(try store.queueGauges(now: t0 + 1).openEscalations == 1)
    }
}
