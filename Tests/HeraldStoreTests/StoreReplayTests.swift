import Foundation
import HeraldCore
import HeraldStore
import Testing

/// A replay is a new delivery of the same message, due at once with a fresh attempt count; the replayed delivery
/// keeps its history; a message that already waits to go is not replayed again.
@Suite struct StoreReplayTests {
    /// A store whose msg_1 (channel eng) was attempted once at t0 + 5 and ended `outcome`.
    private func store(after outcome: DeliveryOutcome) throws -> (HeraldStore, Int64) {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [], messages: [message("msg_1")], at: t0)
        let id = try store.leaseDueDeliveries(now: t0, limit: 1, leaseSeconds: 30)[0].delivery.id
        try store.record(attempt: attempt(id), outcome: outcome)
        return (store, id)
    }

    private func attempt(_ id: Int64) -> AttemptRecord {
        AttemptRecord(
            deliveryID: id, startedAt: t0 + 5, latencyMilliseconds: 12, httpStatus: 400, curlCode: 0,
            error: "HTTP 400", responseExcerpt: "bad"
        )
    }

    @Test func aReplayNamesWhatItReplaysAndWhoAskedAndKeepsTheOldAttempts() throws {
        let (store, dead) = try store(after: .dead(reason: "HTTP 400"))
        let outcome = try store.replay(deliveryID: dead, by: "bob", now: t0 + 60)
        guard case .queued(let replay) = outcome else {
            Issue.record("expected a queued replay, got \(outcome)")
            return
        }
        #expect(replay.id != dead)
        #expect(replay.messageID == "msg_1")
        #expect(replay.channel == "eng")
        #expect(replay.state == .pending)
        #expect(replay.attempts == 0)
        #expect(replay.nextAttemptAt == t0 + 60)
        #expect(replay.createdAt == t0 + 60)
        #expect(replay.replayOf == dead)
        #expect(replay.replayedBy == "bob")
        #expect(try store.attempts(deliveryID: dead).count == 1)
        #expect(try store.deliveries(states: [.dead], channel: nil, limit: 10).map(\.id) == [dead])
        let leased = try store.leaseDueDeliveries(now: t0 + 60, limit: 10, leaseSeconds: 30)
        #expect(leased.map(\.delivery.id) == [replay.id])
        #expect(leased.map(\.message.id) == ["msg_1"], "the same message, so the same webhook-id")
        let log = try store.log(LogFilter())
        #expect(log.map(\.delivery.id) == [dead, replay.id])
        let zone = TimeZone(identifier: "UTC")!
        #expect(LogReport.line(log[1], in: zone).hasSuffix(
            "· pending · replay of #\(dead) by bob at \(ConsoleLine.localTime(t0 + 60, in: zone))"
        ))
        #expect(LogReport.json([.message(log[1])]).contains("\"replayed_by\" : \"bob\""))
        #expect(!LogReport.line(log[0], in: zone).contains("replay"))
    }

    @Test func aMessageIDReplaysItsLatestDelivery() throws {
        let (store, dead) = try store(after: .dead(reason: "HTTP 400"))
        guard case .queued(let first) = try store.replay(messageID: "msg_1", by: nil, now: t0 + 60) else {
            Issue.record("the message's dead delivery is replayed")
            return
        }
        #expect(first.replayOf == dead)
        let waiting = try store.replay(messageID: "msg_1", by: nil, now: t0 + 61)
        #expect(waiting == .alreadyWaiting(first), "its latest delivery waits: nothing is added")
        #expect(throws: HeraldStoreError.unknownMessage("msg_nope")) {
            try store.replay(messageID: "msg_nope", by: nil, now: t0 + 62)
        }
    }

    @Test func aDeliveredMessageCanBeSentAgainOnPurpose() throws {
        let (store, delivered) = try store(after: .delivered)
        guard case .queued(let replay) = try store.replay(deliveryID: delivered, by: nil, now: t0 + 60) else {
            Issue.record("a delivered delivery is replayed on purpose")
            return
        }
        #expect(replay.replayOf == delivered)
        #expect(replay.replayedBy == nil)
        #expect(try store.deliveries(states: [.delivered], channel: nil, limit: 10).map(\.id) == [delivered])
    }

    @Test func aMessageThatWaitsToGoIsNotReplayed() throws {
        let (store, retrying) = try store(after: .retry(at: t0 + 600, reason: "HTTP 503"))
        let record = try #require(try store.deliveries(states: [.retrying], channel: nil, limit: 1).first)
        #expect(record.id == retrying)
        #expect(try store.replay(deliveryID: retrying, by: nil, now: t0 + 60) == .alreadyWaiting(record))
        try store.commit(ruleStates: [], messages: [message("msg_2")], at: t0 + 60)
        let inFlight = try store.leaseDueDeliveries(now: t0 + 60, limit: 1, leaseSeconds: 30)[0].delivery
        guard case .alreadyWaiting(let waiting) = try store.replay(deliveryID: inFlight.id, by: nil, now: t0 + 61)
        else {
            Issue.record("a delivery in flight is not replayed")
            return
        }
        #expect(waiting.id == inFlight.id)
        #expect(try store.deliveries(states: nil, channel: nil, limit: 10).count == 2, "nothing was added")
    }

    @Test func aDeadDeliveryWhoseReplayWaitsNamesTheReplay() throws {
        let (store, dead) = try store(after: .dead(reason: "HTTP 400"))
        guard case .queued(let replay) = try store.replay(deliveryID: dead, by: nil, now: t0 + 60) else {
            Issue.record("a dead delivery is replayed")
            return
        }
        #expect(try store.replay(deliveryID: dead, by: nil, now: t0 + 61) == .alreadyWaiting(replay))
    }

    @Test func replayingBySinceLeavesAReplayedDeliveryToItsReplay() throws {
        let (store, dead) = try store(after: .dead(reason: "HTTP 400"))
        let first = try store.replay(since: t0, channel: "eng", by: "ops", now: t0 + 60)
        #expect(first.count == 1)
        #expect(try store.replay(since: t0, channel: "eng", by: "ops", now: t0 + 61).isEmpty)
        let leased = try store.leaseDueDeliveries(now: t0 + 62, limit: 1, leaseSeconds: 30)[0].delivery.id
        #expect(leased == first[0])
        try store.record(attempt: attempt(leased), outcome: .dead(reason: "HTTP 400"))
        let second = try store.replay(since: t0, channel: nil, by: nil, now: t0 + 70)
        #expect(second.count == 1, "only the latest dead delivery of the message")
        let records = try store.deliveries(states: nil, channel: nil, limit: 10)
        #expect(records.first { $0.id == second[0] }?.replayOf == first[0])
        #expect(records.first { $0.id == first[0] }?.replayOf == dead)
    }
}
