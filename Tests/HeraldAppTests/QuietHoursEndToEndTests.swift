import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

/// Reminders decided out of hours wait in the outbox and reach a real receiver when the working day starts.
@Suite(.serialized) struct QuietHoursEndToEndTests {
    static let london = TimeZone(identifier: "Europe/London")!

    @Test func aReminderDecidedAtTwoInTheMorningIsDeliveredAtNine() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: DaemonEndToEndTests.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 2))
        let nine = AppFixture.at("2026-12-01", 9)
        try await DaemonEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            #expect(await eventually { try runtime.store.log(LogFilter()).count == 2 },
                    "design (alice) and build (bob) are due within 3 business days")
            try await Task.sleep(for: .milliseconds(500)) // several ticks and dispatcher rounds
            #expect(receiver.requests.isEmpty, "nothing is sent at 02:00")
            let waiting = try runtime.store.log(LogFilter())
            #expect(waiting.allSatisfy { $0.delivery.state == .pending && $0.message.heldUntil == nine })
            let lines = waiting.map { LogReport.line($0, in: Self.london) }
            for owner in ["alice", "bob"] {
                #expect(lines.contains { $0.hasSuffix(
                    " · held until 2026-12-01 09:00 (outside working hours for \(owner) (09:00-17:30 Europe/London) "
                        + "until Tue 1 Dec 09:00), decided 2026-12-01 02:00"
                ) && $0.hasPrefix("2026-12-01 09:00 ") }, "the log shows the hold, why, and the decision beside it")
            }
            let deliveries = try runtime.store.deliveries(states: nil, channel: nil, limit: 10)
            #expect(deliveries.allSatisfy {
                DeliveryReport.line($0, in: Self.london).hasSuffix(" · pending until 2026-12-01 09:00")
            })

            clock.set(AppFixture.at("2026-12-01", 8, 59))
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.isEmpty, "nor at 08:59")

            clock.set(nine)
            let requests = await receiver.waitForRequests(count: 2)
            #expect(requests.count == 2, "both go at 09:00")
            #expect(Set(requests.compactMap { $0.headers["webhook-id"] }) == Set(waiting.map(\.message.id)))
            #expect(await eventually {
                try runtime.store.log(LogFilter()).allSatisfy { $0.delivery.state == .delivered }
            })
            let delivered = try runtime.store.log(LogFilter())
            #expect(delivered.allSatisfy {
                let line = LogReport.line($0, in: Self.london)
                return line.contains(" · delivered in ") && line.contains(" · held until 2026-12-01 09:00 (outside")
            }, "after delivery the log still shows the hold")
            let json = LogReport.json(delivered.map(LogEvent.message))
            #expect(json.contains("\"held_until\""))
            #expect(json.contains("2026-12-01T09:00:00Z"))
            #expect(json.contains("outside working hours for alice"))
        }
    }

    @Test func aHeldMessageCountsItsRetryAgeFromItsRelease() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(500))
        let harness = try DispatcherDeliveryTests.Harness(url: receiver.url) // max age: one hour
        defer { harness.close() }
        let now = Date()
        let message = OutgoingMessage(
            id: MessageID.make(["held", String(now.timeIntervalSince1970)]), createdAt: now - 3 * 86_400,
            kind: .reminder, rule: "due-soon", project: ProjectRef(id: "apollo", name: "Apollo"), milestones: [],
            channel: "hook", recipients: ["alice"], mentions: ["<@U1>"], text: "held over a long weekend",
            heldUntil: now, holdReason: "not a working day for alice (Sat 28 Nov, Europe/London) until Mon 30 Nov 09:00"
        )
        try harness.store.commit(ruleStates: [], messages: [message], at: now)
        try harness.store.release(at: now, ReleaseStep(until: now) { queue in
            var plan = ReleasePlan()
            plan.released = queue.candidates.map(\.deliveryID) // as the rule tick releases it when its hold ends
            return plan
        })
        try await harness.running {
            #expect(await eventually { try harness.delivery(message.id)?.state == .delivered },
                    "retried, not dead of old age: it was decided days ago but released just now")
        }
        #expect(try harness.delivery(message.id)?.attempts == 2)
    }
}
