import Foundation
import HeraldApp
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Logging
import ServiceLifecycle
import Testing

@Suite(.serialized) struct DaemonEndToEndTests {
    static let milestones = """
          - { id: design, title: Design sign-off, owner: alice, due: 2026-12-04, baseline: 2026-11-27, status: in_progress }
          - { id: uat, title: UAT complete, owner: alice, due: 2027-02-12, status: planned }
          - { id: build, title: Build complete, owner: bob, due: 2026-12-03, status: at_risk }
        """

    /// Runs the daemon until `body` returns, then shuts it down gracefully.
    func withDaemon(
        _ fixture: AppFixture, clock: TestClock,
        _ body: @Sendable (HeraldRuntime) async throws -> Void
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

    @Test func serveDeliversOneSignedReminderPerDueMilestoneAndRepeatsDaily() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            let first = await receiver.waitForRequests(count: 2)
            #expect(first.count == 2, "design and build are due within 3 business days; uat is not")
            try await Task.sleep(for: .milliseconds(400))
            #expect(receiver.requests.count == 2, "ticks on the same day send nothing more")
            for request in first {
                let id = try #require(request.headers["webhook-id"])
                let timestamp = try #require(request.headers["webhook-timestamp"].flatMap(Int.init))
                let signature = try #require(request.headers["webhook-signature"])
                #expect(WebhookSigner.verify(header: signature, id: id, timestamp: timestamp, body: request.body,
                                             secret: AppFixture.key))
                #expect(request.headers["content-type"] == "application/json")
                #expect(request.headers["user-agent"] == "herald/\(HeraldVersion.current)")
            }
            let texts = first.map(\.bodyText)
            #expect(texts.contains { $0.contains(
                "Build complete · Apollo ERP upgrade is due in 2 business days, Thu 3 Dec. Status: at risk.") })
            #expect(texts.contains { $0.contains(
                "Design sign-off · Apollo ERP upgrade is due in 3 business days, Fri 4 Dec.") })

            // Recorded before the clock jumps a day, past the leases of deliveries still in flight.
            #expect(await eventually {
                try runtime.store.log(LogFilter()).allSatisfy { $0.delivery.state == .delivered }
            })
            clock.set(AppFixture.at("2026-12-02", 10))
            let second = await receiver.waitForRequests(count: 4)
            #expect(second.count == 4, "one business day later each reminder repeats")
            #expect(Set(second.compactMap { $0.headers["webhook-id"] }).count == 4)

            // The receiver sees a request a moment before its delivery is recorded.
            #expect(await eventually {
                try runtime.store.log(LogFilter()).allSatisfy { $0.delivery.state == .delivered }
            })
            #expect(try runtime.store.log(LogFilter()).count == 4)
        }
    }

    @Test func anEditedProjectFileIsAppliedRecordedAndAnnounced() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            #expect(await receiver.waitForRequests(count: 2).count == 2)
            try fixture.writeProject(milestones: Self.milestones.replacingOccurrences(
                of: "due: 2026-12-03, status: at_risk", with: "due: 2026-12-03, status: done"
            ))
            let requests = await receiver.waitForRequests(count: 3)
            #expect(requests.count == 3)
            #expect(requests.last?.bodyText.contains("Build complete · Apollo ERP upgrade: status at risk → done.")
                == true)
            let history = try runtime.store.history(projectID: "apollo", milestoneID: "build")
            let statusChange = history.last { $0.change.field == "status" }
            #expect(statusChange?.change.oldValue == "at_risk")
            #expect(statusChange?.change.newValue == "done")
            #expect(statusChange?.source == "file:apollo.yaml")
        }
    }

    /// The generic webhook's structure of an announcement, as a receiver decodes it.
    struct Announcement: Decodable {
        struct Data: Decodable {
            struct Change: Decodable, Equatable {
                var field: String
                var from: String?
                var to: String?
            }

            struct Milestone: Decodable {
                var id: String
                var baseline: String?
                var critical: Bool
                var depends_on: [String]
                var blocks: [String]
            }

            var kind: String
            var actor: String?
            var changes: [Change]
            var milestones: [Milestone]
            var text: String
        }

        var data: Data
    }

    @Test func anAPIChangeIsAnnouncedWithItsChangesActorAndCrossProjectDependencies() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(
            receiverURL: receiver.url,
            milestones: """
                  - { id: design, title: Design sign-off, owner: alice, due: 2027-03-05, baseline: 2027-03-05 }
                  - { id: launch, title: Launch, owner: alice, due: 2027-06-04, depends_on: [dcm/cutover] }
                """,
            extraRules: """
                  - name: moved
                    on: due_changed
                    when: "true"
                    notify: [manager]
                """
        )
        defer { fixture.directory.remove() }
        try fixture.directory.write("projects/dcm.yaml", """
            project: dcm
            name: Data centre move
            manager: bob
            milestones:
              - { id: cutover, title: Cut-over, owner: bob, due: 2027-04-02, depends_on: [apollo/design] }
            """)
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        try await withDaemon(fixture, clock: clock) { runtime in
            #expect(await eventually { try runtime.store.trackedMilestones().count == 3 }, "both files applied")
            let key = MilestoneKey(projectID: "apollo", milestoneID: "design")
            let update = MilestoneUpdate(due: Deadline(date: CivilDate(iso: "2027-03-12")!), by: "Hannah Lee")
            _ = try await runtime.update(key, with: update, source: "api")
            let request = try #require(await receiver.waitForRequests(count: 1).first)
            let body = try JSONDecoder().decode(Announcement.self, from: Foundation.Data(request.body)).data
            #expect(body.kind == "announcement")
            #expect(body.actor == "Hannah Lee")
            #expect(body.changes == [.init(field: "due", from: "2027-03-05", to: "2027-03-12")])
            let design = try #require(body.milestones.first)
            #expect(design.id == "design" && design.baseline == "2027-03-05")
            #expect(design.critical, "design drives dcm's cut-over, which drives apollo's launch")
            #expect(design.depends_on.isEmpty)
            #expect(design.blocks == ["dcm/cutover", "apollo/launch"])
            #expect(body.text == "Design sign-off · Apollo ERP upgrade: due Fri 5 Mar 2027 → Fri 12 Mar 2027. "
                + "It is now 5 business days behind its baseline, Fri 5 Mar 2027. "
                + "It is on the critical path; this puts at risk Cut-over · Data centre move, "
                + "Launch · Apollo ERP upgrade. "
                + "Changed by Hannah Lee through the API.")
        }
    }

    @Test func anInvalidReloadKeepsTheRunningConfiguration() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try fixture.writeProject(milestones: "  - { id: design, owner: nobody, due: 2026-12-04 }")
        #expect(await runtime.reload(reason: "test") == false)
        try fixture.writeProject(milestones: Self.milestones)
        #expect(await runtime.reload(reason: "test") == true)
        await runtime.shutdown()
    }

    @Test func aReloadThatMovesTheServerSaysTheAddressWaitsForARestart() async throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones,
            extraRules: "server: { listen: \"127.0.0.1:19471\" }"
        )
        defer { fixture.directory.remove() }
        let log = LogRecorder()
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))),
            logger: log.logger
        )
        #expect(await runtime.reload(reason: "unchanged") == true)
        #expect(log.texts(at: .warning).isEmpty)
        let config = try String(contentsOfFile: fixture.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "19471", with: "19472")
            .write(toFile: fixture.configPath, atomically: true, encoding: .utf8)
        #expect(await runtime.reload(reason: "moved") == true)
        #expect(log.texts(at: .warning) == ["server.listen changed; the HTTP server keeps its address until a restart"])
        await runtime.shutdown()
    }

    @Test func theDaemonLogsTheConfigWarningsAtStartAndOnEveryReload() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let log = LogRecorder()
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))),
            logger: log.logger
        )
        #expect(log.texts(at: .warning).isEmpty)
        try fixture.writeProject(milestones: """
              - { id: design, owner: alice, due: 2026-12-18 }
              - { id: build, owner: alice, due: 2026-12-10, depends_on: [design] }
            """)
        #expect(await runtime.reload(reason: "edited") == true)
        let warnings = log.texts(at: .warning)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("warning:") == true)
        #expect(warnings.first?.contains("design") == true)
        await runtime.shutdown()

        let restarted = LogRecorder()
        let (_, again) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))),
            logger: restarted.logger
        )
        #expect(restarted.texts(at: .warning) == warnings)
        await again.shutdown()
    }
}
