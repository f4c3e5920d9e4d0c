import Foundation
import HeraldCore
import HeraldStore
import Synchronization
import Testing

/// The outbox observer hears of committed messages and withdrawn deliveries, once each, and only after a commit.
@Suite struct StoreObserverTests {
    final class Recorder: OutboxObserver {
        let messages = Mutex<[String]>([])
        let withdrawn = Mutex<[String]>([])

        func committed(messages: [OutgoingMessage]) {
            self.messages.withLock { $0 += messages.map(\.id) }
        }

        func cancelled(channels: [String]) {
            withdrawn.withLock { $0 += channels }
        }
    }

    @Test func committedMessagesAreToldOnceAndARolledBackCommitTellsNothing() throws {
        let recorder = Recorder()
        let store = try HeraldStore.inMemory(observer: recorder)
        try store.commit(ruleStates: [], messages: [message("msg_1"), message("msg_2", channel: "ops")], at: t0)
        try store.commit(ruleStates: [], messages: [], at: t0 + 1)
        #expect(recorder.messages.withLock { $0 } == ["msg_1", "msg_2"])
        #expect(throws: (any Error).self) {
            try store.commit(ruleStates: [], messages: [message("msg_3"), message("msg_1")], at: t0 + 2)
        }
        #expect(recorder.messages.withLock { $0 } == ["msg_1", "msg_2"], "msg_3 was rolled back with msg_1")
    }

    @Test func messagesDecidedByAChangeAreTold() throws {
        let recorder = Recorder()
        let store = try HeraldStore.inMemory(observer: recorder)
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0) { _ in
            var decisions = EngineDecisions()
            decisions.messages = [message("msg_created")]
            return decisions
        }
        #expect(recorder.messages.withLock { $0 } == ["msg_created"])
    }

    @Test func closingAMilestoneTellsItsWithdrawnDeliveries() throws {
        let recorder = Recorder()
        let store = try HeraldStore.inMemory(observer: recorder)
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        try store.commit(
            ruleStates: [], messages: [message("msg_1"), message("msg_2", channel: "ops")], at: t0 + 1
        )
        #expect(recorder.withdrawn.withLock { $0 }.isEmpty)
        try store.apply(projects: [project([milestone("design", status: .done)])], source: fileSource, at: t0 + 2)
        #expect(recorder.withdrawn.withLock { $0 }.sorted() == ["eng", "ops"])
        #expect(try store.deliveries(states: [.cancelled], channel: nil, limit: 10).count == 2)
    }
}
