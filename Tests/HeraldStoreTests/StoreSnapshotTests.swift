import Foundation
import HeraldCore
import HeraldStore
import Testing

/// What `herald plan` needs from the store: a copy it may write, the next repeat time, and the waiting deliveries.
@Suite struct StoreSnapshotTests {
    @Test func copiesAClosedStoreWithoutWritingItAndTheCopyAnswersTheSame() throws {
        let original = try temporaryDirectory()
        let destination = try temporaryDirectory() + "/copy"
        defer {
            try? FileManager.default.removeItem(atPath: original)
            try? FileManager.default.removeItem(atPath: (destination as NSString).deletingLastPathComponent)
        }
        do {
            let store = try HeraldStore(directory: original)
            try store.commit(
                ruleStates: [ruleState("due-soon", "design")],
                messages: [message("msg_1"), message("msg_2", at: t0.addingTimeInterval(-60), channel: "mail")],
                at: t0
            )
            let mail = try #require(try store.deliveries(states: nil, channel: "mail", limit: 1).first)
            try store.record(
                attempt: AttemptRecord(deliveryID: mail.id, startedAt: t0, latencyMilliseconds: 3, httpStatus: 410,
                                       curlCode: 0, error: "HTTP 410 Gone", responseExcerpt: nil),
                outcome: .held(reason: "HTTP 410 Gone")
            )
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: original).sorted()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original + "/herald.sqlite"))

        #expect(try HeraldStore.copy(directory: original, to: destination))
        // A read-only connection may leave SQLite's WAL index beside a closed store; nothing else changes.
        let added = Set(try FileManager.default.contentsOfDirectory(atPath: original)).subtracting(files)
        #expect(added.isSubset(of: ["herald.sqlite-shm", "herald.sqlite-wal"]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: original + "/herald.sqlite")) == bytes)

        let copy = try HeraldStore(directory: destination)
        #expect(try copy.ruleStates().values.map(\.key.rule) == ["due-soon"])
        let waiting = try copy.waitingDeliveries()
        #expect(waiting.map(\.message.id) == ["msg_1", "msg_2"], "in the order they fall due")
        #expect(waiting.map(\.delivery.state) == [.pending, .held])
        #expect(waiting.first?.message == message("msg_1"))
    }

    @Test func copyingWhereThereIsNoStoreCopiesNothing() throws {
        let empty = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try HeraldStore.copy(directory: empty + "/none", to: empty + "/copy") == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test func theNextRuleEligibleTimeIsTheEarliestStrictlyAfter() throws {
        let store = try HeraldStore.inMemory()
        var later = ruleState("overdue", "build")
        later.nextEligibleAt = t0.addingTimeInterval(3 * 86_400)
        var once = ruleState("critical-slip", "design")
        once.nextEligibleAt = nil
        try store.commit(ruleStates: [ruleState("due-soon", "design"), later, once], messages: [], at: t0)
        let (day, threeDays) = (t0.addingTimeInterval(86_400), t0.addingTimeInterval(3 * 86_400))
        #expect(try store.nextRuleEligibleTime(after: t0) == day)
        #expect(try store.nextRuleEligibleTime(after: day) == threeDays)
        #expect(try store.nextRuleEligibleTime(after: threeDays) == nil)
    }
}
