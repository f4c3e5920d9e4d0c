import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreChannelTests {
    private func attempt(_ id: Int64, status: Int) -> AttemptRecord {
        AttemptRecord(
            deliveryID: id, startedAt: t0.addingTimeInterval(5), latencyMilliseconds: 10, httpStatus: status,
            curlCode: nil, error: "HTTP \(status)", responseExcerpt: nil
        )
    }

    private func states(_ store: HeraldStore) throws -> [String: DeliveryState] {
        Dictionary(uniqueKeysWithValues: try store.deliveries(states: nil, channel: nil, limit: 100)
            .map { ($0.messageID, $0.state) })
    }

    @Test func aGoneEndpointHoldsEveryWaitingDeliveryOfItsChannelUntilEnabled() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(
            ruleStates: [], messages: [message("msg_1"), message("msg_2"), message("msg_3", channel: "ops")], at: t0
        )
        let leased = try store.leaseDueDeliveries(now: t0, limit: 1, leaseSeconds: 30)
        let disabled = try store.record([(attempt(leased[0].delivery.id, status: 410), .held(reason: "HTTP 410 Gone"))])
        #expect(disabled == [
            ChannelStatus(channel: "eng", disabledReason: "HTTP 410 Gone", disabledAt: t0 + 5, heldCount: 2),
        ])
        #expect(try states(store) == ["msg_1": .held, "msg_2": .held, "msg_3": .pending])

        // New messages for the disabled channel are stored held; other channels are untouched.
        try store.commit(ruleStates: [], messages: [message("msg_4"), message("msg_5", channel: "ops")], at: t0 + 10)
        #expect(try states(store)["msg_4"] == .held)
        #expect(try states(store)["msg_5"] == .pending)
        #expect(try store.channelStatuses().map(\.heldCount) == [3])

        #expect(try store.enable(channel: "eng", now: t0 + 20) == 3)
        #expect(try store.channelStatuses().isEmpty)
        let released = try store.leaseDueDeliveries(now: t0 + 20, limit: 10, leaseSeconds: 30)
        #expect(Set(released.map(\.message.id)) == ["msg_1", "msg_2", "msg_3", "msg_4", "msg_5"])
    }

    @Test func aRetryForAChannelDisabledMeanwhileIsHeld() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1"), message("msg_2")], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 2, leaseSeconds: 30).map(\.delivery.id)
        try store.record([
            (attempt(leased[0], status: 410), .held(reason: "gone")),
            (attempt(leased[1], status: 503), .retry(at: t0 + 60, reason: "busy")),
        ])
        #expect(try states(store) == ["msg_1": .held, "msg_2": .held])
    }

    @Test func replayMakesANewPendingDeliveryOfTheSameMessage() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1"), message("msg_2", channel: "ops")], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 2, leaseSeconds: 30).map(\.delivery.id)
        try store.record([
            (attempt(leased[0], status: 404), .dead(reason: "HTTP 404")),
            (attempt(leased[1], status: 200), .delivered),
        ])
        #expect(try store.replay(since: t0 + 1, channel: nil, by: nil, now: t0 + 30).isEmpty)
        #expect(try store.replay(since: nil, channel: "ops", by: nil, now: t0 + 30).isEmpty)
        let replayed = try store.replay(since: nil, channel: nil, by: nil, now: t0 + 30)
        #expect(replayed.count == 1, "only dead deliveries are replayed by filter")
        guard case .queued(let explicit) = try store.replay(deliveryID: leased[1], by: nil, now: t0 + 30) else {
            Issue.record("a delivered delivery is replayed on purpose")
            return
        }
        let all = try store.deliveries(states: [.pending], channel: nil, limit: 10)
        #expect(Set(all.map(\.id)) == Set(replayed + [explicit.id]))
        #expect(Set(all.map(\.messageID)) == ["msg_1", "msg_2"])
        #expect(all.allSatisfy { $0.attempts == 0 })
        #expect(throws: HeraldStoreError.unknownDelivery(999)) { try store.replay(deliveryID: 999, by: nil, now: t0) }
    }

    @Test func aReplayIntoADisabledChannelIsHeld() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1"), message("msg_2")], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 2, leaseSeconds: 30).map(\.delivery.id)
        try store.record([
            (attempt(leased[0], status: 404), .dead(reason: "HTTP 404")),
            (attempt(leased[1], status: 410), .held(reason: "gone")),
        ])
        guard case .queued(let replay) = try store.replay(deliveryID: leased[0], by: nil, now: t0 + 30) else {
            Issue.record("a dead delivery is replayed")
            return
        }
        #expect(replay.state == .held)
        let held = try store.deliveries(states: [.held], channel: "eng", limit: 10)
        #expect(Set(held.map(\.id)) == [leased[1], replay.id])
    }

    @Test func postponedDeliveriesAreNotLeasedUntilTheirTime() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1"), message("msg_2", channel: "ops")], at: t0)
        let leased = try store.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 30, excluding: ["ops"])
        #expect(leased.map(\.message.id) == ["msg_1"])
        #expect(try store.nextAttemptTime(excluding: ["ops"]) == nil)
        try store.postpone([(id: leased[0].delivery.id, until: t0 + 1)])
        #expect(try store.leaseDueDeliveries(now: t0 + 0.5, limit: 10, leaseSeconds: 30, excluding: ["ops"]).isEmpty)
        let later = try store.leaseDueDeliveries(now: t0 + 1.5, limit: 10, leaseSeconds: 30, excluding: ["ops"])
        #expect(later.map(\.message.id) == ["msg_1"])
        #expect(later[0].delivery.attempts == 0, "waiting is not an attempt")
    }
}
