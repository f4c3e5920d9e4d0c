import Foundation
import GRDB
import HeraldCore
import HeraldDelivery
import HeraldTestSupport
import Logging
import Synchronization
import Testing
@testable import HeraldStore

/// A full disk: successful deliveries whose outcome cannot be recorded are kept in memory and recorded once the disk
/// frees, never sent again after their lease; the dispatcher says "disk full" while it lasts; the store still reads.
@Suite(.serialized) struct DispatcherFullDiskTests {
    typealias Harness = DispatcherDeliveryTests.Harness

    /// Makes the store's writes of attempts fail with SQLite's own `SQLITE_FULL` while `isFull`, and counts the tries.
    final class Disk: Sendable {
        let full = Atomic<Bool>(false)
        let tries = Atomic<Int>(0)

        init(_ store: HeraldStore) throws {
            let function = DatabaseFunction("herald_test_disk", argumentCount: 0, pure: false) { [self] _ in
                guard full.load(ordering: .acquiring) else { return nil }
                tries.add(1, ordering: .relaxed)
                throw DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
            }
            // Every write goes through the pool's one writer connection: the function and the trigger live there.
            try store.writer.writeWithoutTransaction { db in
                db.add(function: function)
                try db.execute(sql: """
                    CREATE TEMP TRIGGER herald_test_disk_full BEFORE INSERT ON attempts
                    BEGIN SELECT herald_test_disk(); END
                    """)
            }
        }
    }

    @Test func anOutcomeThatCannotBeRecordedIsKeptAndNeverSentTwice() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let disk = try Disk(harness.store)
        disk.full.store(true, ordering: .releasing)
        let messages = try harness.enqueue(3)
        let clock = Mutex(Date())
        let dispatcher = Dispatcher(
            queue: harness.store, senders: harness.senders, logger: Logger(label: "test"), leaseSeconds: 30,
            now: { clock.withLock { $0 } }
        )
        let task = Task { await dispatcher.run() }
        #expect(await receiver.waitForRequests(count: 3).count == 3)
        #expect(await eventually { dispatcher.storeWriteFailure != nil })
        #expect(dispatcher.storeWriteFailure?.hasPrefix("disk full") == true, "not \"disk I/O error\"")
        #expect(try harness.store.deliveries(states: nil, channel: nil, limit: 10).count == 3, "the store reads")
        #expect(try harness.store.log(LogFilter()).count == 3, "herald log reads")

        // Past every lease, the dispatcher tries to record again and again: it sends nothing meanwhile.
        clock.withLock { $0 = $0.addingTimeInterval(600) }
        let tries = disk.tries.load(ordering: .relaxed)
        #expect(await eventually { disk.tries.load(ordering: .relaxed) >= tries + 3 })
        #expect(receiver.requests.count == 3)

        disk.full.store(false, ordering: .releasing)
        #expect(await eventually {
            try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 3
        })
        #expect(dispatcher.storeWriteFailure == nil)
        dispatcher.stop()
        await task.value
        #expect(receiver.requests.count == 3, "exactly one request per message")
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }) == Set(messages.map(\.id)))
        let attempts = try harness.store.deliveries(states: nil, channel: nil, limit: 10).map(\.attempts)
        #expect(attempts == [1, 1, 1])
    }
}
