import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// The daemon carries out an escalation policy against a real receiver: a level goes out, an acknowledgement or
/// a completion stops the ladder, and everyone notified hears once that it is resolved.
@Suite(.serialized) struct EscalationEndToEndTests {
    static let milestones = """
          - { id: build, title: Build complete, owner: alice, due: 2026-12-03, baseline: 2026-12-01, status: at_risk }
        """
    static let escalation = """
          - name: overdue
            when: status not in ["done", "cancelled"] and days_overdue >= 1
            escalate: missed-deadline
        escalations:
          missed-deadline:
            levels:
              - notify: [owner]
              - { after: 1 business_day, notify: [manager] }
        """

    func withDaemon(
        _ fixture: AppFixture, clock: TestClock, _ body: @Sendable (HeraldRuntime) async throws -> Void
    ) async throws {
        let (group, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body(runtime)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The receiver sees a request a moment before its delivery is recorded.
    static func allDelivered(_ runtime: HeraldRuntime) async -> Bool {
        await eventually { try runtime.store.log(LogFilter()).allSatisfy { $0.delivery.state == .delivered } }
    }

    @Test func anAcknowledgementStopsTheLadderAndIsAnnouncedToThoseNotified() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: Self.milestones, extraRules: Self.escalation
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            let body = try #require(JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
            let data = try #require(body["data"] as? [String: Any])
            let escalation = try #require(data["escalation"] as? [String: Any])
            let id = try #require(escalation["id"] as? String)
            #expect(body["type"] as? String == "escalation")
            #expect(escalation["level"] as? Int == 1)
            #expect(data["recipients"] as? [String] == ["alice"])
            #expect(await Self.allDelivered(runtime), "resolved goes to those a notice is recorded to have reached")

            guard case .acknowledged = try runtime.store.acknowledge(
                escalationID: id, by: "bob", note: "fixing the build", at: AppFixture.at("2026-12-04", 10, 5)
            ) else {
                Issue.record("the open escalation was not acknowledged")
                return
            }
            let resolved = try #require(await receiver.waitForRequests(count: 2).last)
            #expect(resolved.bodyText.contains("\"type\":\"resolved\""))
            #expect(resolved.bodyText.contains("acknowledged by Bob Roe"), "named, not by key")
            #expect(resolved.bodyText.contains("fixing the build"))
            #expect(resolved.bodyText.contains("\"recipients\":[\"alice\"]"), "alice was told; bob acknowledged")

            #expect(await Self.allDelivered(runtime), "recorded before the clock jumps days past the lease")
            clock.set(AppFixture.at("2026-12-07", 10))
            try await Task.sleep(for: .milliseconds(500))
            #expect(receiver.requests.count == 2, "no level 2 after the acknowledgement")
            #expect(try runtime.store.escalation(id: id)?.levelsNotified == 1)
        }
    }

    @Test func aNoticeRetryingWhenAcknowledgedIsToldItIsResolvedOnceItArrives() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        receiver.enqueue(.status(503, body: "busy"))
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: Self.milestones, extraRules: Self.escalation
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            #expect(await eventually { try runtime.store.log(LogFilter()).first?.delivery.state == .retrying })
            let id = try #require(try runtime.store.escalations(states: [.open]).first?.id)
            guard case .acknowledged = try runtime.store.acknowledge(
                escalationID: id, by: "bob", note: nil, at: AppFixture.at("2026-12-04", 10)
            ) else {
                Issue.record("the open escalation was not acknowledged")
                return
            }
            clock.set(AppFixture.at("2026-12-04", 10, 1)) // the retry falls due
            let requests = await receiver.waitForRequests(count: 3)
            try #require(requests.count == 3)
            #expect(requests[1].bodyText == first.bodyText, "the notice, tried again after the acknowledgement")
            #expect(requests[2].bodyText.contains("\"type\":\"resolved\""))
            #expect(requests[2].bodyText.contains("\"recipients\":[\"alice\"]"), "it reached alice: she is told")
        }
    }

    @Test func completingTheMilestoneClosesTheEscalation() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: Self.milestones, extraRules: Self.escalation
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            #expect(await receiver.waitForRequests(count: 1).count == 1)
            #expect(await Self.allDelivered(runtime), "resolved goes to those a notice is recorded to have reached")
            try fixture.writeProject(milestones: """
                  - { id: build, title: Build complete, owner: alice, due: 2026-12-03, status: done }
                """)
            let requests = await receiver.waitForRequests(count: 3)
            let texts = requests.dropFirst().map(\.bodyText)
            #expect(texts.contains { $0.contains("\"type\":\"announcement\"") }, "the completed rule tells bob")
            #expect(texts.contains {
                $0.contains("\"type\":\"resolved\"") && $0.contains("Build complete · Apollo ERP upgrade: it is done.")
            })
            #expect(await Self.allDelivered(runtime), "recorded before the clock jumps days past the lease")
            clock.set(AppFixture.at("2026-12-07", 10))
            try await Task.sleep(for: .milliseconds(500))
            #expect(receiver.requests.count == 3, "no level 2 for a completed milestone")
            #expect(try runtime.store.escalations(states: [.open]).isEmpty)
        }
    }

    @Test func theCommandLineListsAndAcknowledgesEscalations() async throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones, extraRules: Self.escalation
        )
        defer { fixture.directory.remove() }
        let runtime = try HeraldRuntime(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            options: fixture.options(clock: TestClock(AppFixture.at("2026-12-04", 10))), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        await runtime.shutdown()
        let id = try #require(try runtime.store.escalations(states: [.open]).first?.id)
        func herald(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try HeraldExecutable.run(arguments + ["--config", fixture.configPath], includingErrors: true)
        }

        let listed = try herald(["escalations"])
        #expect(listed.status == 0)
        #expect(listed.output.hasPrefix("\(id) open  level 1 (missed-deadline)  apollo/build  rule overdue  opened "))
        let acked = try herald(["ack", id, "--by", "bob", "--note", "on it"])
        #expect(acked.status == 0)
        #expect(acked.output == "\(id) acknowledged by bob; no further levels. "
            + "Resolved notice to: alice on the daemon's next round.\n")
        let again = try herald(["ack", id, "--by", "carol"])
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("\(id) is already acknowledged since "))
        #expect(again.output.hasSuffix(": acknowledged by bob\n"))
        let unknown = try herald(["ack", "esc_nope"])
        #expect(unknown.status == 1)
        #expect(unknown.output == "herald ack: unknown escalation 'esc_nope'\n")
        #expect(try herald(["escalations"]).output == "no open escalations\n")
        let json = try herald(["escalations", "--all", "--json"])
        #expect(json.output.contains("\"acknowledged_by\" : \"bob\""))
        #expect(json.output.contains("\"note\" : \"on it\""))
    }
}
