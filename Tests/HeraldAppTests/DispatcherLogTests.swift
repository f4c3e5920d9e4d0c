import Foundation
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Synchronization
import Testing

/// The dispatcher's log: each delivery at debug (dead and held ones at error: someone has to act), and at info one
/// summary line per minute in which anything happened.
@Suite(.serialized) struct DispatcherLogTests {
    typealias Harness = DispatcherDeliveryTests.Harness

    @Test func deliveriesAreSummedUpOnceAMinute() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.ok)
        receiver.enqueue(.ok)
        receiver.enqueue(.status(400, body: "bad"))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let recorder = LogRecorder()
        try harness.enqueue(3)
        let clock = Mutex(Date())
        let dispatcher = Dispatcher(
            queue: harness.store, senders: harness.senders, logger: recorder.logger, leaseSeconds: 30,
            now: { clock.withLock { $0 } }
        )
        let task = Task { await dispatcher.run() }
        #expect(await eventually {
            try harness.store.deliveries(states: [.delivered, .dead], channel: nil, limit: 10).count == 3
        })
        #expect(recorder.texts(at: .info).isEmpty, "no line per delivery at info, and the minute is not over")
        #expect(recorder.texts(at: .debug).filter { $0 == "delivered" }.count == 2)
        #expect(recorder.texts(at: .error) == ["delivery dead"])

        clock.withLock { $0 = $0.addingTimeInterval(60) }
        dispatcher.wakeup.signal()
        #expect(await eventually { !recorder.texts(at: .info).isEmpty })
        #expect(recorder.texts(at: .info) == ["delivered 2, retrying 0, dead 1 in the last 60 s"])

        clock.withLock { $0 = $0.addingTimeInterval(60) }
        dispatcher.stop()
        await task.value
        #expect(recorder.texts(at: .info).count == 1, "a minute in which nothing happened is not summed up")
    }
}
