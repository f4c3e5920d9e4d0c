import Foundation
import HeraldApp
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// The dispatcher against a real store and a real HTTP receiver on 127.0.0.1.
@Suite(.serialized) struct DispatcherDeliveryTests {
    struct Harness {
        let directory: TemporaryDirectory
        let store: HeraldStore
        let curl = CurlEngine(logger: Logger(label: "test"))
        let senders: SenderDirectory

        init(
            url: String, schedule: [Double] = [0.2, 0.2, 0.2], rate: Rate? = nil,
            format: HTTPSender.Format = .webhook(secrets: [AppFixture.key])
        ) throws {
            directory = try TemporaryDirectory(prefix: "herald-dispatch")
            store = try HeraldStore(directory: directory.path)
            senders = SenderDirectory([:])
            senders.replace(with: ["hook": entry(url: url, schedule: schedule, rate: rate, format: format)])
        }

        /// A channel posting to `url` (a signed webhook unless `format` says otherwise).
        func entry(
            url: String, schedule: [Double] = [0.2, 0.2, 0.2], rate: Rate? = nil, timeout: Duration = .seconds(2),
            format: HTTPSender.Format = .webhook(secrets: [AppFixture.key])
        ) -> SenderDirectory.Entry {
            .init(
                sender: HTTPSender(url: Secret(url)!, format: format, curl: curl, timeout: timeout),
                policy: RetryPolicy(schedule: schedule, jitter: 0.2, maxAge: 3600), rate: rate
            )
        }

        func dispatcher() -> Dispatcher {
            Dispatcher(queue: store, senders: senders, logger: Logger(label: "test"), leaseSeconds: 30)
        }

        /// Puts `count` messages for `channel` in the outbox.
        @discardableResult
        func enqueue(_ count: Int = 1, channel: String = "hook") throws -> [OutgoingMessage] {
            let now = Date()
            let messages = (0..<count).map { index in
                OutgoingMessage(
                    id: MessageID.make(["test", channel, String(index), String(now.timeIntervalSince1970)]),
                    createdAt: now,
                    kind: .reminder, rule: "due-soon", project: ProjectRef(id: "apollo", name: "Apollo"),
                    milestones: [], channel: channel, recipients: ["alice"], mentions: ["<@U1>"],
                    text: "message \(index)"
                )
            }
            try store.commit(ruleStates: [], messages: messages, at: now)
            return messages
        }

        func delivery(_ messageID: String) throws -> DeliveryRecord? {
            try store.deliveries(states: nil, channel: nil, limit: 1000).first { $0.messageID == messageID }
        }

        /// Enqueues one message, runs a dispatcher until its delivery reaches `state`, and returns both.
        func deliverOne(until state: DeliveryState) async throws -> (OutgoingMessage, DeliveryRecord) {
            let message = try enqueue()[0]
            try await running {
                #expect(await eventually { try delivery(message.id)?.state == state })
            }
            return (message, try #require(try delivery(message.id)))
        }

        /// Runs a dispatcher while `body` runs, then stops it and waits for it to drain.
        func running(_ body: () async throws -> Void) async throws {
            let dispatcher = dispatcher()
            let task = Task { await dispatcher.run() }
            defer { task.cancel() }
            try await body()
            dispatcher.stop()
            await task.value
        }

        func close() {
            curl.shutdown()
            directory.remove()
        }
    }

    @Test func successIsRecordedWithTheAttempt() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let (message, delivery) = try await harness.deliverOne(until: .delivered)
        #expect(delivery.attempts == 1)
        #expect(delivery.latencyMilliseconds != nil)
        let attempts = try harness.store.attempts(deliveryID: delivery.id)
        #expect(attempts.map(\.httpStatus) == [200])
        #expect(receiver.requests.map { $0.headers["webhook-id"] } == [message.id])
    }

    @Test func a500IsRetriedThenDelivered() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(500))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let (message, delivery) = try await harness.deliverOne(until: .delivered)
        #expect(delivery.attempts == 2)
        let attempts = try harness.store.attempts(deliveryID: delivery.id)
        #expect(attempts.map(\.httpStatus) == [500, 200])
        #expect(attempts[0].error?.contains("500") == true)
        let gap = attempts[1].startedAt.timeIntervalSince(attempts[0].startedAt)
        #expect(gap >= 0.15, "the retry waited for the schedule (200 ms ± 20%)")
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }) == [message.id])
    }

    @Test func a404GoesDeadAtOnceWithTheReason() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(404, body: "no_such_hook"))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let (_, delivery) = try await harness.deliverOne(until: .dead)
        #expect(delivery.attempts == 1)
        #expect(delivery.lastError?.contains("404") == true)
        #expect(delivery.lastError?.contains("no_such_hook") == true)
        #expect(delivery.lastError?.contains("127.0.0.1") == false, "the URL never appears in a reason")
    }

    @Test func aReceiverThatIsDownThenComesUpGetsTheMessage() async throws {
        let receiver = try TestHTTPReceiver(start: false)
        defer { receiver.stop() }
        let harness = try Harness(url: receiver.url, schedule: [0.3, 0.3, 0.3, 0.3, 0.3])
        defer { harness.close() }
        let message = try harness.enqueue()[0]
        try await harness.running {
            #expect(await eventually { try harness.delivery(message.id)?.state == .retrying })
            #expect(try harness.delivery(message.id)?.lastError?.contains("refused") == true)
            try receiver.start()
            #expect(await eventually { try harness.delivery(message.id)?.state == .delivered })
        }
        #expect(receiver.requests.map { $0.headers["webhook-id"] } == [message.id])
    }

    @Test func aTricklingReceiverTimesOutAndIsRetried() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.trickle(every: .milliseconds(400), bodyBytes: 100))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let (_, delivery) = try await harness.deliverOne(until: .delivered)
        let attempts = try harness.store.attempts(deliveryID: delivery.id)
        #expect(attempts.map(\.curlCode) == [28, nil], "the 2 s timeout cut the trickle; the retry went through")
        #expect(attempts[0].latencyMilliseconds < 5_000)
    }

    @Test func duringARotationTwoSignaturesAreSentAndEachVerifies() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let new = try WebhookKey("whsec_" + Data("a new secret of at least 24 bytes".utf8).base64EncodedString())
        let old = AppFixture.key
        let harness = try Harness(url: receiver.url, format: .webhook(secrets: [new, old]))
        defer { harness.close() }
        let (message, _) = try await harness.deliverOne(until: .delivered)
        let request = try #require(receiver.requests.first)
        let header = try #require(request.headers["webhook-signature"])
        let timestamp = try #require(request.headers["webhook-timestamp"].flatMap(Int.init))
        #expect(header.split(separator: " ").count == 2)
        #expect(header.split(separator: " ").allSatisfy { $0.hasPrefix("v1,") })
        for secret in [new, old] {
            #expect(WebhookSigner.verify(header: header, id: message.id, timestamp: timestamp, body: request.body,
                                         secret: secret))
        }
        let other = try WebhookKey("whsec_" + Data("some other secret of 24 bytes".utf8).base64EncodedString())
        #expect(!WebhookSigner.verify(header: header, id: message.id, timestamp: timestamp, body: request.body,
                                      secret: other))
    }

    @Test func aRestartedDispatcherSendsWhatWasPendingWithTheSameIDs() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let messages = try harness.enqueue(5)
        // A first process leases everything, then dies before sending.
        let leased = try harness.store.leaseDueDeliveries(now: Date(), limit: 10, leaseSeconds: 300)
        #expect(leased.count == 5)
        #expect(try harness.store.leaseDueDeliveries(now: Date(), limit: 10, leaseSeconds: 300).isEmpty)
        // A new process opens the same store and reclaims the leases.
        let reopened = try HeraldStore(directory: harness.directory.path)
        #expect(try reopened.reclaimLeases() == 5)
        let dispatcher = Dispatcher(queue: reopened, senders: harness.senders, logger: Logger(label: "test"))
        let task = Task { await dispatcher.run() }
        let requests = await receiver.waitForRequests(count: 5)
        dispatcher.stop()
        await task.value
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }) == Set(messages.map(\.id)))
        #expect(try reopened.deliveries(states: [.delivered], channel: nil, limit: 10).count == 5)
    }
}
