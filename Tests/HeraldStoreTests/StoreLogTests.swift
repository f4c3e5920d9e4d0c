import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreLogTests {
    private func store() throws -> HeraldStore {
        let store = try HeraldStore.inMemory()
        try store.commit(
            ruleStates: [],
            messages: [
                message("msg_b", at: t0, milestones: ["design"]),
                message("msg_a", at: t0, milestones: ["build", "design"], channel: "mail"),
                message("msg_c", at: t0.addingTimeInterval(60), project: "zeus", milestones: ["design"]),
                message("msg_d", at: t0.addingTimeInterval(120), project: nil, milestones: [], channel: "audit"),
            ],
            at: t0
        )
        return store
    }

    private func ids(_ store: HeraldStore, _ filter: LogFilter) throws -> [String] {
        try store.log(filter).map(\.message.id)
    }

    @Test func everythingOldestFirst() throws {
        let store = try store()
        let entries = try store.log(LogFilter())
        #expect(entries.map(\.message.id) == ["msg_a", "msg_b", "msg_c", "msg_d"])
        #expect(entries.allSatisfy { $0.delivery.messageID == $0.message.id && $0.delivery.state == .pending })
        #expect(entries[0].message == message("msg_a", at: t0, milestones: ["build", "design"], channel: "mail"))
    }

    @Test func filters() throws {
        let store = try store()
        #expect(try ids(store, LogFilter(projectID: "apollo")) == ["msg_a", "msg_b"])
        #expect(try ids(store, LogFilter(milestoneID: "design")) == ["msg_b", "msg_c"])
        #expect(try ids(store, LogFilter(projectID: "apollo", milestoneID: "design")) == ["msg_b"])
        #expect(try ids(store, LogFilter(projectID: "apollo", milestoneID: "build")) == ["msg_a"])
        #expect(try ids(store, LogFilter(since: t0.addingTimeInterval(60))) == ["msg_c", "msg_d"])
        #expect(try ids(store, LogFilter(channel: "mail")) == ["msg_a"])
        #expect(try ids(store, LogFilter(channel: "eng", limit: 2)) == ["msg_b", "msg_c"])
    }

    @Test func showsDeliveryOutcome() throws {
        let store = try store()
        let leased = try store.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 30)
        let id = try #require(leased.first { $0.message.id == "msg_a" }?.delivery.id)
        let attempt = AttemptRecord(
            deliveryID: id, startedAt: t0, latencyMilliseconds: 100, httpStatus: 200, curlCode: 0, error: nil,
            responseExcerpt: "ok"
        )
        try store.record(attempt: attempt, outcome: .delivered)
        let entry = try #require(try store.log(LogFilter(projectID: "apollo", milestoneID: "build")).first)
        #expect(entry.message.id == "msg_a")
        #expect(entry.delivery.state == .delivered)
    }
}
