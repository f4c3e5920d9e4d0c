import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// The daemon releases what it decided only when it may go, checked against the facts then, and sends a person
/// one message per moment: to a real receiver on 127.0.0.1, on an injected clock.
@Suite(.serialized) struct ReleaseEndToEndTests {
    @Test func twelveRemindersToOnePersonAtNineArriveAsOneMessage() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let milestones = (1...12).map {
            "  - { id: m\($0), title: Milestone \($0), owner: alice, due: 2026-12-03, status: in_progress }"
        }.joined(separator: "\n")
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 9))
        try await DaemonEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            let requests = await receiver.waitForRequests(count: 1)
            #expect(await eventually {
                try runtime.store.log(LogFilter()).filter { $0.delivery.state == .delivered }.count == 13
            }, "the bundle and its twelve items are delivered")
            try await Task.sleep(for: .milliseconds(300)) // further ticks and dispatcher rounds
            #expect(receiver.requests.count == 1, "one request, not twelve")
            let log = try runtime.store.log(LogFilter())
            let bundle = try #require(log.first { $0.message.kind == .bundle })
            #expect(requests.first?.headers["webhook-id"] == bundle.message.id)
            let items = try #require(bundle.message.items)
            #expect(Set(items.map(\.id)).count == 12, "each item keeps its own msg_ id")
            #expect(Set(items.map(\.id)) == Set(log.filter { $0.message.kind == .reminder }.map(\.message.id)))
            let body = try #require(requests.first?.bodyText)
            #expect(body.contains("12 milestones need you today"))
            let reminders = log.filter { $0.message.kind == .reminder }
            #expect(reminders.allSatisfy {
                $0.delivery.state == .delivered && $0.delivery.deliveredAt == bundle.delivery.deliveredAt
                    && $0.delivery.lastError == "sent in \(bundle.message.id) with 11 others"
            }, "the log shows each item delivered with the bundle, and where it went")
        }
    }

    @Test func aReminderHeldOvernightIsRewrittenOrWithdrawnWhenItsMilestoneMoves() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: DaemonEndToEndTests.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 18, 36))
        try await DaemonEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            #expect(await eventually { try runtime.store.log(LogFilter()).count == 2 },
                    "design (alice, Fri 4 Dec) and build (bob, Thu 3 Dec) are held until 09:00")
            // While they are held, design moves out of the rule's reach and build moves to tomorrow.
            clock.set(AppFixture.at("2026-12-01", 18, 40))
            try fixture.writeProject(milestones: """
                  - { id: design, title: Design sign-off, owner: alice, due: 2026-12-10, status: in_progress }
                  - { id: build, title: Build complete, owner: bob, due: 2026-12-02, status: at_risk }
                """)
            #expect(await runtime.reload(reason: "test: project edited"))
            #expect(try runtime.store.trackedMilestones().contains {
                $0.milestone.id == "design" && $0.milestone.due == CivilDate(iso: "2026-12-10")
            })
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.isEmpty, "nothing goes overnight")
            clock.set(AppFixture.at("2026-12-02", 9))
            let requests = await receiver.waitForRequests(count: 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.count == 1, "only bob hears, once")
            #expect(requests.first?.bodyText.contains("Build complete · Apollo ERP upgrade is due today, Wed 2 Dec.")
                == true, "at release the text says the new date")
            let design = try runtime.store.log(LogFilter()).filter { $0.message.milestones.first?.id == "design" }
            #expect(design.count == 1)
            #expect(design.first?.delivery.state == .cancelled)
            #expect(design.first?.delivery.lastError == "superseded: due moved to Thu 10 Dec")
            let line = try #require(design.first.map { LogReport.line($0, in: TimeZone(identifier: "Europe/London")!) })
            #expect(line.contains("superseded: due moved to Thu 10 Dec"), "herald log shows why")
        }
    }

    @Test func aDaemonStartedAt1836WithADailyRepeatSaysDueTodayAtNineOnTheDueDate() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: """
              - { id: build, title: Build complete, owner: bob, due: 2026-12-03, status: in_progress }
            """)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-02", 18, 36))
        try await DaemonEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            #expect(await eventually { try runtime.store.log(LogFilter()).count == 1 })
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.isEmpty)
            clock.set(AppFixture.at("2026-12-03", 9))
            let requests = await receiver.waitForRequests(count: 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.count == 1, "the held reminder and the 09:00 repeat say the same: one message")
            #expect(requests.first?.bodyText.contains("Build complete · Apollo ERP upgrade is due today, Thu 3 Dec.")
                == true)
        }
    }

    @Test func twoChangeRulesOnOneMilestoneSayItOnce() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(receiverURL: receiver.url, milestones: """
              - { id: uat, title: UAT complete, owner: alice, due: 2027-02-12, status: planned }
            """, extraRules: """
              - name: any-status
                on: status_changed
                when: status != "planned"
                notify: [manager]
            """)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        try await DaemonEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            #expect(await eventually { try runtime.store.trackedMilestones().map(\.milestone.status) == [.planned] })
            clock.set(AppFixture.at("2026-12-01", 10, 5))
            try fixture.writeProject(milestones: """
                  - { id: uat, title: UAT complete, owner: alice, due: 2027-02-12, status: done }
                """)
            #expect(await runtime.reload(reason: "test: project edited"))
            let requests = await receiver.waitForRequests(count: 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.count == 1, "completed and any-status tell bob the same thing: once")
            let text = "UAT complete · Apollo ERP upgrade: status planned → done"
            #expect(requests.first?.bodyText.contains(text) == true)
            let log = try runtime.store.log(LogFilter())
            #expect(log.count == 2 && log.allSatisfy { $0.delivery.state == .delivered })
            #expect(Set(log.compactMap(\.message.rule)) == ["completed", "any-status"])
        }
    }

    /// The example config with its project copied twice more, as three projects of one sponsor.
    static func threeProjects(bundling: String) throws -> ExampleConfig {
        let example = try ExampleConfig(edits: [("\nbundling: { window: 2m }", "\nbundling: \(bundling)")])
        let apollo = try String(contentsOfFile: example.directory.path + "/projects/apollo.yaml", encoding: .utf8)
        for (id, name) in [("hermes", "Hermes CRM rollout"), ("atlas", "Atlas data centre move")] {
            try example.directory.write("projects/\(id).yaml", apollo
                .replacingOccurrences(of: "project: apollo", with: "project: \(id)")
                .replacingOccurrences(of: "name: Apollo ERP upgrade", with: "name: \(name)"))
        }
        return example
    }

    /// The messages carol, the sponsor, would get in 30 days from Mon 30 Nov.
    static func sponsorVolume(bundling: String) async throws -> Int {
        let example = try threeProjects(bundling: bundling)
        defer { example.directory.remove() }
        let configuration = try ConfigLoader.load(path: example.configPath, environment: [:])
        let window = PlanWindow(from: AppFixture.at("2026-11-30", 0), until: AppFixture.at("2026-12-30", 0))
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let plan = try await PlanSimulator.run(configuration: configuration, window: window, logger: quiet)
        return plan.entries.count { $0.message.recipients.contains("carol") }
    }

    @Test func bundlingCutsTheSponsorsThirtyDayVolumeOnThreeProjects() async throws {
        let before = try await Self.sponsorVolume(bundling: "{ window: 0 }")
        let after = try await Self.sponsorVolume(bundling: "{ window: 2m }")
        print("sponsor's 30-day volume on three projects: \(before) messages unbundled, \(after) bundled")
        #expect(after < before)
    }
}
