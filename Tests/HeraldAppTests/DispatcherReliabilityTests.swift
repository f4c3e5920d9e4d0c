import Foundation
import HeraldApp
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// Pacing, gone endpoints, receiver-imposed waits, replay and one channel not holding up another.
@Suite(.serialized) struct DispatcherReliabilityTests {
    typealias Harness = DispatcherDeliveryTests.Harness

    @Test func deliveriesArePacedByTheChannelRateAndNoneIsDropped() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let harness = try Harness(url: receiver.url, rate: Rate(count: 10, seconds: 1))
        defer { harness.close() }
        let messages = try harness.enqueue(5)
        try await harness.running {
            #expect(await receiver.waitForRequests(count: 5).count == 5)
            #expect(await eventually {
                try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 5
            })
        }
        let arrivals = receiver.requests.map(\.arrivalInstant).sorted()
        #expect(arrivals.count == 5)
        let span = arrivals[4] - arrivals[0]
        // 4 gaps of 100 ms between starts; arrivals can bunch by the first connection's set-up, while
        // unpaced the 5 arrive within a few ms.
        #expect(span >= .milliseconds(300), "5 messages at 10/s are spread over about 0.4 s")
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }) == Set(messages.map(\.id)))
        let attempts = try harness.store.deliveries(states: nil, channel: nil, limit: 10).map(\.attempts)
        #expect(attempts == [1, 1, 1, 1, 1], "waiting for the rate is not an attempt")
    }

    @Test func aGoneEndpointHoldsTheChannelUntilItIsEnabled() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.defaultResponse = .status(410, body: "channel_is_archived")
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let first = try harness.enqueue(1)[0]
        try await harness.running {
            #expect(await eventually { try harness.delivery(first.id)?.state == .held })
        }
        let later = try harness.enqueue(2)
        let statuses = try harness.store.channelStatuses()
        #expect(statuses.map(\.channel) == ["hook"])
        #expect(statuses.first?.heldCount == 3)
        #expect(statuses.first?.disabledReason?.contains("410") == true)
        #expect(try harness.delivery(first.id)?.lastError?.contains("channel_is_archived") == true)
        #expect(receiver.requests.count == 1)

        receiver.defaultResponse = .ok
        #expect(try harness.store.enable(channel: "hook", now: Date()) == 3)
        try await harness.running {
            #expect(await eventually {
                try harness.store.deliveries(states: [.delivered], channel: "hook", limit: 10).count == 3
            })
        }
        let ids = receiver.requests.dropFirst().compactMap { $0.headers["webhook-id"] }
        #expect(Set(ids) == Set(([first] + later).map(\.id)), "released with the same message ids")
    }

    @Test func aJSONRetryAfterIsHonoured() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(429, body: #"{"message": "You are being rate limited.", "retry_after": 30.5}"#))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let (_, delivery) = try await harness.deliverOne(until: .retrying)
        let attempt = try #require(try harness.store.attempts(deliveryID: delivery.id).first)
        #expect(delivery.nextAttemptAt >= attempt.startedAt.addingTimeInterval(30.5))
        #expect(delivery.attempts == 1)
    }

    @Test func aReplayedDeadDeliveryArrivesWithTheOriginalWebhookID() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(400, body: "bad"))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let message = try harness.enqueue()[0]
        try await harness.running {
            #expect(await eventually { try harness.delivery(message.id)?.state == .dead })
            let replayed = try harness.store.replay(since: nil, channel: "hook", by: nil, now: Date())
            #expect(replayed.count == 1)
            #expect(await eventually {
                try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).map(\.id) == replayed
            })
        }
        #expect(receiver.requests.map { $0.headers["webhook-id"] } == [message.id, message.id])
        let states = try harness.store.deliveries(states: nil, channel: nil, limit: 10).map(\.state)
        #expect(states == [.delivered, .dead], "the dead delivery keeps its history; the replay is a new one")
    }

    /// A receiver that says its quota is spent for ever (or for centuries) pauses the channel for two hours at most;
    /// the pause shows in the store (for `herald channels` and the dashboard) and as a metric.
    @Test(arguments: ["inf", "1e300", "99999999999"])
    func anEndlessQuotaWaitIsCappedAndShown(_ resetAfter: String) async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(TestResponse(
            headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", resetAfter)]
        ))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let backend = MetricsBackend.prometheus()
        let dispatcher = Dispatcher(
            queue: harness.store, senders: harness.senders, logger: Logger(label: "test"), leaseSeconds: 30,
            metrics: DeliveryMetrics(factory: backend.factory)
        )
        let message = try harness.enqueue()[0]
        let started = Date()
        let task = Task { await dispatcher.run() }
        #expect(await eventually { try harness.delivery(message.id)?.state == .delivered })
        dispatcher.stop()
        await task.value
        let pause = try #require(try harness.store.channelPauses(at: Date())["hook"])
        #expect(pause.until >= started.addingTimeInterval(7200) && pause.until <= Date().addingTimeInterval(7200))
        #expect(pause.reason.contains("quota"))
        #expect(dispatcher.gates.blocked(now: Date().addingTimeInterval(7201))["hook"] == nil, "it ends")
        let statuses = ChannelReport.statuses(configured: [:], stored: [], pauses: ["hook": pause])
        let line = ChannelReport.line(statuses[0], type: "webhook", in: TimeZone(identifier: "UTC")!)
        #expect(line.contains("paused until \(ConsoleLine.localTime(pause.until, in: TimeZone(identifier: "UTC")!))"))
        let gauge = backend.exposition().split(separator: "\n").first {
            $0.hasPrefix("herald_channel_paused_until_seconds{channel=\"hook\"}")
        }
        let value = try #require(gauge.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) })
        #expect(abs(value - pause.until.timeIntervalSince1970) < 1)
    }

    /// How a message that could not go comes back: replayed after it died, or released by `channels enable`.
    enum Return: String, CaseIterable, Sendable {
        case replay, enable
    }

    /// A message older than its channel's `max_age` (an hour here) is sent again; its first new attempt fails: it
    /// is retried, because the age counts from the replay or the release, not from the message.
    @Test(arguments: Return.allCases)
    func aReturningOldMessageGetsItsRetries(_ way: Return) async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(way == .replay ? .status(400, body: "bad") : .status(410, body: "channel_is_archived"))
        receiver.enqueue(.status(503, body: "busy"))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let message = try harness.enqueue(createdAt: Date().addingTimeInterval(-7200))[0]
        try await harness.running {
            #expect(await eventually { try harness.delivery(message.id)?.state == (way == .replay ? .dead : .held) })
            switch way {
            case .replay: _ = try harness.store.replay(since: nil, channel: "hook", by: nil, now: Date())
            case .enable: try harness.store.enable(channel: "hook", now: Date())
            }
            #expect(await eventually {
                try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 1
            })
        }
        #expect(receiver.requests.map(\.headers["webhook-id"]) == [message.id, message.id, message.id])
        let delivered = try #require(try harness.store.deliveries(states: [.delivered], channel: nil, limit: 1).first)
        #expect(delivered.attempts == (way == .replay ? 2 : 3), "the 503 was retried, not the end")
    }

    @Test func aHangingChannelDoesNotDelayAnother() async throws {
        let slow = try TestHTTPReceiver()
        defer { slow.stop() }
        slow.defaultResponse = .hang
        let fast = try TestHTTPReceiver()
        defer { fast.stop() }
        let harness = try Harness(url: fast.url)
        defer { harness.close() }
        harness.senders.replace(with: [
            "hook": harness.entry(url: fast.url),
            "stuck": harness.entry(url: slow.url, schedule: [60], timeout: .seconds(30)),
        ])
        try harness.enqueue(3, channel: "stuck")
        let messages = try harness.enqueue(5)
        try await harness.running {
            #expect(await fast.waitForRequests(count: 5).count == 5)
            #expect(await eventually {
                try harness.store.deliveries(states: [.delivered], channel: "hook", limit: 10).count == 5
            })
            let stuck = try harness.store.deliveries(states: nil, channel: "stuck", limit: 10)
            #expect(stuck.allSatisfy { $0.state == .pending }, "the slow channel is still waiting for its answers")
            slow.stop() // ends the hanging transfers so the dispatcher drains
        }
        #expect(Set(fast.requests.compactMap { $0.headers["webhook-id"] }) == Set(messages.map(\.id)))
    }

    @Test func anOpenBreakerStopsAttemptsWithoutCountingThem() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.defaultResponse = .status(503)
        let harness = try Harness(url: receiver.url, schedule: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05])
        defer { harness.close() }
        let message = try harness.enqueue()[0]
        let dispatcher = Dispatcher(
            queue: harness.store, senders: harness.senders, logger: Logger(label: "test"), leaseSeconds: 30,
            breaker: CircuitBreaker(threshold: 2, coolDown: 600)
        )
        let task = Task { await dispatcher.run() }
        #expect(await eventually { dispatcher.gates.breakerState("hook").map(Self.isOpen) == true })
        try await Task.sleep(for: .milliseconds(300))
        dispatcher.stop()
        await task.value
        #expect(receiver.requests.count == 2, "no attempt while the breaker is open")
        #expect(try harness.delivery(message.id)?.attempts == 2)
        #expect(try harness.delivery(message.id)?.state == .retrying)
    }

    static func isOpen(_ state: CircuitBreaker.State) -> Bool {
        if case .open = state { return true }
        return false
    }

    @Test func aReceiverThatSaysItsQuotaIsSpentIsNotSentMoreUntilItRefills() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(200, body: "ok", headers: [
            (name: "X-RateLimit-Remaining", value: "0"), (name: "X-RateLimit-Reset-After", value: "0.6"),
        ]))
        let harness = try Harness(url: receiver.url)
        defer { harness.close() }
        let dispatcher = harness.dispatcher()
        let running = Task { await dispatcher.run() }
        try harness.enqueue(1)
        dispatcher.wakeup.signal()
        #expect(await eventually {
            try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 1
        })
        try harness.enqueue(2)
        dispatcher.wakeup.signal() // without the quota the next two would go out at once
        #expect(await eventually {
            try harness.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 3
        })
        dispatcher.stop()
        await running.value
        let arrivals = receiver.requests.map(\.arrivalInstant).sorted()
        #expect(arrivals.count == 3)
        #expect(arrivals[1] - arrivals[0] >= .milliseconds(450), "nothing more until the quota refilled")
        let attempts = try harness.store.deliveries(states: nil, channel: nil, limit: 10).map(\.attempts)
        #expect(attempts == [1, 1, 1], "waiting for the quota is not an attempt")
    }
}

@Suite struct DispatcherLeaseTests {
    /// A lease shorter than the attempt (as when the clock jumps past it): the delivery is leased again while its
    /// first attempt is still under way, and must not be attempted a second time.
    @Test func aDeliveryInFlightIsNeverAttemptedAgainWhenItsLeaseRunsOut() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.defaultResponse = .status(200, body: "ok", delay: .milliseconds(600))
        let harness = try DispatcherDeliveryTests.Harness(url: receiver.url)
        defer { harness.close() }
        let message = try harness.enqueue()[0]
        let dispatcher = Dispatcher(
            queue: harness.store, senders: harness.senders, logger: Logger(label: "test"), leaseSeconds: 0.05
        )
        let task = Task { await dispatcher.run() }
        #expect(await receiver.waitForRequests(count: 1).count == 1)
        for _ in 0..<5 {
            try await Task.sleep(for: .milliseconds(60)) // the lease has run out; the answer has not come
            dispatcher.wakeup.signal()
        }
        #expect(await eventually { try harness.delivery(message.id)?.state == .delivered })
        dispatcher.stop()
        await task.value
        #expect(receiver.requests.count == 1, "one attempt, not one per expired lease")
        #expect(try harness.delivery(message.id)?.attempts == 1)
    }
}
