import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// The daemon's operational side over HTTP against a real receiver: `/metrics` counts what happened to a real
/// delivery, a dead delivery replayed through the API arrives with its original webhook-id, and `herald replay`
/// does the same from the command line.
@Suite(.serialized) struct OperationsEndToEndTests {
    static let milestones = "  - { id: design, owner: alice, due: 2026-12-04 }"
    static let start = AppFixture.at("2026-12-01", 10)

    /// A daemon serving on a free port of 127.0.0.1 with the token `s3cret`; `body` gets the runtime and the base URL.
    func withDaemon(
        receiver: TestHTTPReceiver, clock: TestClock,
        _ body: @Sendable (HeraldRuntime, String) async throws -> Void
    ) async throws {
        let port = try FreePort.onLoopback()
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: Self.milestones,
            extraRules: "server: { listen: \"127.0.0.1:\(port)\", api_token: s3cret }"
        )
        defer { fixture.directory.remove() }
        let (group, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        let base = "http://127.0.0.1:\(port)"
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var health = await HTTPServerEndToEndTests.get(base + "/healthz")
            for _ in 0..<50 where health == nil {
                try await Task.sleep(for: .milliseconds(100))
                health = await HTTPServerEndToEndTests.get(base + "/healthz")
            }
            #expect(health?.status == 200)
            try await body(runtime, base)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// POST `url` with the token and the JSON `body`; nil while nothing listens.
    static func post(_ url: String, body: String) async -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("Bearer s3cret", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              let http = response as? HTTPURLResponse
        else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    /// The value of the sample `name` (with its labels) in the exposition `text`.
    static func sample(_ name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    @Test func theMetricsCountARealDeliveryItsRetryAndTheWaitingQueue() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(503, body: "busy"), .status(200, body: "ok", delay: .seconds(3)))
        let clock = TestClock(Self.start)
        try await withDaemon(receiver: receiver, clock: clock) { runtime, base in
            _ = await receiver.waitForRequests(count: 1)
            #expect(await eventually {
                try runtime.store.deliveries(states: [.retrying], channel: nil, limit: 10).count == 1
            })
            clock.set(Self.start + 90) // the retry falls due, 90 s after the first attempt
            _ = await receiver.waitForRequests(count: 2) // answered 3 s later: in flight until then

            let waiting = try #require(await HTTPServerEndToEndTests.get(base + "/metrics"))
            #expect(waiting.status == 200)
            #expect(Self.sample("herald_queue_depth", in: waiting.body) == 1)
            #expect(Self.sample("herald_oldest_pending_age_seconds", in: waiting.body) == 90)
            #expect(Self.sample(#"herald_deliveries_total{channel="hook",outcome="retry"}"#, in: waiting.body) == 1)
            #expect(Self.sample(#"herald_deliveries_total{channel="hook",outcome="delivered"}"#, in: waiting.body)
                == 0)

            #expect(await eventually {
                try runtime.store.deliveries(states: [.delivered], channel: nil, limit: 10).count == 1
            })
            let text = try #require(await HTTPServerEndToEndTests.get(base + "/metrics")?.body)
            for (name, value) in [
                (#"herald_messages_total{kind="reminder"}"#, 1.0),
                (#"herald_messages_total{kind="escalation"}"#, 0),
                (#"herald_deliveries_total{channel="hook",outcome="delivered"}"#, 1),
                (#"herald_deliveries_total{channel="hook",outcome="retry"}"#, 1),
                (#"herald_deliveries_total{channel="hook",outcome="dead"}"#, 0),
                (#"herald_deliveries_total{channel="hook",outcome="cancelled"}"#, 0),
                (#"herald_delivery_attempt_duration_seconds_count{channel="hook"}"#, 2),
                (#"herald_delivery_attempt_duration_seconds_bucket{channel="hook",le="+Inf"}"#, 2),
                (#"herald_delivery_attempt_duration_seconds_bucket{channel="hook",le="1.0"}"#, 1),
                ("herald_queue_depth", 0),
                ("herald_oldest_pending_age_seconds", 0),
                ("herald_open_escalations", 0),
            ] {
                #expect(Self.sample(name, in: text) == value, "\(name)")
            }
            #expect(text.contains("# TYPE herald_delivery_attempt_duration_seconds histogram"))
            #expect((Self.sample("herald_rule_evaluation_duration_seconds_count", in: text) ?? 0) >= 1)
        }
    }

    @Test func aDeadDeliveryReplayedThroughTheAPIArrivesWithTheSameWebhookID() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(400, body: "bad"))
        try await withDaemon(receiver: receiver, clock: TestClock(Self.start)) { runtime, base in
            #expect(await eventually {
                try runtime.store.deliveries(states: [.dead], channel: nil, limit: 10).count == 1
            })
            let dead = try #require(try runtime.store.deliveries(states: [.dead], channel: nil, limit: 1).first)
            let answer = await Self.post(base + "/api/v1/deliveries/\(dead.id)/replay", body: #"{"by": "carol"}"#)
            #expect(answer?.status == 202)

            let requests = await receiver.waitForRequests(count: 2)
            #expect(requests.map { $0.headers["webhook-id"] } == [dead.messageID, dead.messageID])
            #expect(await eventually {
                try runtime.store.deliveries(states: [.delivered], channel: nil, limit: 10).first?.replayOf == dead.id
            })
            let log = try #require(await HTTPServerEndToEndTests.get(base + "/api/v1/log", token: "s3cret"))
            let page = try JSONSerialization.jsonObject(with: Data(log.body.utf8)) as? [String: Any]
            let events = try #require(page?["entries"] as? [[String: Any]])
            #expect(events.map { $0["state"] as? String } == ["dead", "delivered"])
            #expect(events.last?["replay_of"] as? Int == Int(dead.id))
            #expect(events.last?["replayed_by"] as? String == "carol")
            #expect(try runtime.store.attempts(deliveryID: dead.id).map(\.httpStatus) == [400], "its attempts stay")
        }
    }

    @Test func theCommandLineReplaysADeadDelivery() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let runtime = try HeraldRuntime(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            options: fixture.options(clock: TestClock(Self.start)), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        await runtime.shutdown()
        let leased = try runtime.store.leaseDueDeliveries(now: Self.start, limit: 1, leaseSeconds: 30)
        let dead = try #require(leased.first?.delivery.id)
        let messageID = try #require(leased.first?.message.id)
        try runtime.store.record(
            attempt: AttemptRecord(
                deliveryID: dead, startedAt: Self.start, latencyMilliseconds: 3, httpStatus: nil, curlCode: 7,
                error: "connection refused", responseExcerpt: nil
            ),
            outcome: .dead(reason: "connection refused")
        )
        func herald(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try HeraldExecutable.run(arguments + ["--config", fixture.configPath], includingErrors: true)
        }

        let replayed = try herald(["replay", "\(dead)", "--by", "carol"])
        #expect(replayed.status == 0)
        #expect(replayed.output == "#\(dead): queued as #\(dead + 1) (pending)\n")
        let again = try herald(["replay", "\(dead)"])
        #expect(again.status == 1)
        #expect(again.output == "#\(dead): its message already waits in #\(dead + 1) (pending)\n")
        let unknown = try herald(["replay", "99"])
        #expect(unknown.status == 1)
        #expect(unknown.output == "#99: unknown delivery 99\n")
        let listed = try herald(["deliveries"])
        #expect(listed.output.contains("#\(dead + 1) "))
        #expect(listed.output.contains(" · pending · replay of #\(dead) by carol at "))

        // What a receiver logs is the message id (webhook-id): it names the message's latest delivery.
        try runtime.store.record(
            attempt: AttemptRecord(
                deliveryID: dead + 1, startedAt: Self.start, latencyMilliseconds: 3, httpStatus: nil, curlCode: 7,
                error: "connection refused", responseExcerpt: nil
            ),
            outcome: .dead(reason: "connection refused")
        )
        let byMessage = try herald(["replay", messageID, "#\(dead)"])
        #expect(byMessage.status == 1)
        #expect(byMessage.output == "\(messageID): queued as #\(dead + 2) (pending)\n"
            + "#\(dead): its message already waits in #\(dead + 2) (pending)\n")
        let unknownMessage = try herald(["replay", "msg_nope"])
        #expect(unknownMessage.status == 1)
        #expect(unknownMessage.output == "msg_nope: unknown message 'msg_nope'\n")
        let nonsense = try herald(["replay", "apollo"])
        #expect(nonsense.status != 0, "neither a delivery nor a message id")
    }

    @Test func theDispatcherSaysWhetherItRuns() async throws {
        let harness = try DispatcherDeliveryTests.Harness(url: "http://127.0.0.1:9/")
        defer { harness.close() }
        let dispatcher = harness.dispatcher()
        #expect(!dispatcher.isRunning)
        let task = Task { await dispatcher.run() }
        #expect(await eventually { dispatcher.isRunning })
        dispatcher.stop()
        await task.value
        #expect(!dispatcher.isRunning)
    }
}
