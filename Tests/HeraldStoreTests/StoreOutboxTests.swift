import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreOutboxTests {
    @Test func commitWritesRuleStatesMessagesAndDeliveries() throws {
        let store = try HeraldStore.inMemory()
        let states = [ruleState("due-soon", "design"), ruleState("overdue", "build")]
        try store.commit(ruleStates: states, messages: [message("msg_1"), message("msg_2", channel: "mail")], at: t0)

        #expect(try store.ruleStates() == Dictionary(uniqueKeysWithValues: states.map { ($0.key, $0) }))
        #expect(try store.message(id: "msg_1") == message("msg_1"))
        #expect(try store.message(id: "msg_3") == nil)
        let deliveries = try store.deliveries(states: nil, channel: nil, limit: 10)
        #expect(deliveries.map(\.messageID) == ["msg_2", "msg_1"])
        #expect(deliveries.allSatisfy { $0.state == .pending && $0.attempts == 0 && $0.nextAttemptAt == t0 })
        #expect(deliveries.map(\.channel) == ["mail", "eng"])
        #expect(try store.deliveries(states: [.pending], channel: "mail", limit: 10).map(\.messageID) == ["msg_2"])
        #expect(try store.deliveries(states: [], channel: nil, limit: 10).isEmpty)

        var updated = ruleState("due-soon", "design", fireCount: 2)
        updated.nextEligibleAt = nil
        try store.commit(ruleStates: [updated], messages: [], at: t0)
        #expect(try store.ruleStates()[updated.key] == updated)
    }

    @Test func failingCommitRollsEverythingBack() throws {
        let store = try HeraldStore.inMemory()
        try store.commit(ruleStates: [ruleState("due-soon", "design")], messages: [message("msg_1")], at: t0)

        #expect(throws: (any Error).self) {
            try store.commit(
                ruleStates: [ruleState("due-soon", "design", fireCount: 5), ruleState("overdue", "build")],
                messages: [message("msg_2"), message("msg_1")], at: t0
            )
        }
        #expect(try store.ruleStates().values.map(\.fireCount) == [1])
        #expect(try store.message(id: "msg_2") == nil)
        #expect(try store.deliveries(states: nil, channel: nil, limit: 10).map(\.messageID) == ["msg_1"])
    }
}
