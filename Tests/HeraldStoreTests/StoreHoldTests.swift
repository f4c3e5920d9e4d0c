import Foundation
import HeraldCore
import HeraldStore
import Testing

/// Messages held for quiet hours wait in the outbox until their hold ends and a tick releases them.
@Suite struct StoreHoldTests {
    private func held(_ id: String, until: Date) -> OutgoingMessage {
        var held = message(id)
        held.heldUntil = until
        held.holdReason = "quiet hours for alice (19:00-08:00 America/New_York) until Mon 30 Nov 09:00"
        return held
    }

    @Test func aHeldMessageIsDueWhenItsHoldEnds() throws {
        let store = try HeraldStore.inMemory()
        let quiet = held("msg_held", until: t0 + 3600)
        try store.commit(ruleStates: [], messages: [quiet, message("msg_now")], at: t0)
        let waiting = try #require(try store.deliveries(states: [.pending], channel: nil, limit: 10)
            .first { $0.messageID == "msg_held" })
        #expect(waiting.nextAttemptAt == t0 + 3600)
        #expect(waiting.createdAt == t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 7200)
        #expect(leased.map(\.message.id) == ["msg_now"], "the held message is not due yet")
        #expect(try store.nextAttemptTime() == nil, "the dispatcher waits for the release, not the hold")
        #expect(try store.nextReleaseTime(after: t0) == t0 + 3600, "the tick wakes when the hold ends")
        #expect(try store.leaseDueDeliveries(now: t0 + 3600, limit: 10, leaseSeconds: 30).isEmpty,
                "not leasable until a tick has released it")
        try store.releaseAll(at: t0 + 3600)
        let released = try store.leaseDueDeliveries(now: t0 + 3600, limit: 10, leaseSeconds: 30)
        #expect(released.map(\.message) == [quiet], "stored with its hold, as committed")
    }

    @Test func enablingAChannelKeepsAHoldThatEndsLater() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1")], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 1, leaseSeconds: 30)
        let gone = AttemptRecord(
            deliveryID: leased[0].delivery.id, startedAt: t0, latencyMilliseconds: 10, httpStatus: 410, curlCode: nil,
            error: "HTTP 410", responseExcerpt: nil
        )
        try store.record(attempt: gone, outcome: .held(reason: "HTTP 410 Gone"))
        try store.commit(ruleStates: [], messages: [held("msg_2", until: t0 + 3600)], at: t0 + 10)
        #expect(try store.deliveries(states: [.held], channel: nil, limit: 10).count == 2)

        #expect(try store.enable(channel: "eng", now: t0 + 20) == 2)
        let due = Dictionary(uniqueKeysWithValues: try store.deliveries(states: [.pending], channel: nil, limit: 10)
            .map { ($0.messageID, $0.nextAttemptAt) })
        #expect(due == ["msg_1": t0 + 20, "msg_2": t0 + 3600])
    }
}
