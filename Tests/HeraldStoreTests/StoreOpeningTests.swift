import Foundation
import HeraldCore
import HeraldStore
import Testing

@Suite struct StoreOpeningTests {
    @Test func opensTheSameDirectoryTwice() throws {
        let directory = try temporaryDirectory() + "/nested/state"
        do {
            let store = try HeraldStore(directory: directory)
            try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        }
        let reopened = try HeraldStore(directory: directory)
        #expect(try reopened.trackedMilestones().map(\.milestone.id) == ["design"])
        #expect(FileManager.default.fileExists(atPath: directory + "/herald.sqlite"))
    }

    @Test func reopenedStoreKeepsPendingDeliveries() throws {
        let directory = try temporaryDirectory()
        do {
            let store = try HeraldStore(directory: directory)
            try store.commit(
                ruleStates: [ruleState("due-soon", "design")], messages: [message("msg_1"), message("msg_2")], at: t0
            )
            _ = try store.leaseDueDeliveries(now: t0, limit: 1, leaseSeconds: 60)
        }
        let reopened = try HeraldStore(directory: directory)
        #expect(try reopened.reclaimLeases() == 1)
        let leased = try reopened.leaseDueDeliveries(now: t0, limit: 10, leaseSeconds: 60)
        #expect(leased.map(\.message.id) == ["msg_1", "msg_2"])
        #expect(leased.map(\.delivery.messageID) == ["msg_1", "msg_2"])
        #expect(leased[0].message == message("msg_1"))
        #expect(try reopened.ruleStates().count == 1)
    }
}

@Suite struct StoreCheckpointTests {
    @Test func aCheckpointCopiesTheLogIntoTheDatabaseFileAndKeepsEverything() throws {
        let directory = try temporaryDirectory()
        let store = try HeraldStore(directory: directory)
        try store.apply(projects: [project([milestone("design"), milestone("build")])], source: fileSource, at: t0)
        let result = try store.checkpoint()
        #expect(result.logFrames > 0, "the writes went to the write-ahead log")
        #expect(result.copiedFrames == result.logFrames, "nobody reads: all of it is copied")
        #expect(try HeraldStore(directory: directory).trackedMilestones().map(\.milestone.id) == ["design", "build"])
        #expect(try HeraldStore.inMemory().checkpoint() == (0, 0))
    }
}
