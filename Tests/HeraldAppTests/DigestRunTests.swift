import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import Logging
import Testing

/// Scheduled digests through the runtime with an injected clock: on time at the slot, the missed-run rule, exactly
/// once per period across restarts, `nextDecisionTime`, and `herald digest send`.
@Suite(.serialized) struct DigestRunTests {
    static let milestones = """
          - { id: design, title: Design sign-off, owner: alice, due: 2026-12-04, status: in_progress }
        """
    static let digests = """
        digests:
          - name: weekly
            schedule: "mon 09:00"
            to: [person:bob]
        """

    func fixture() throws -> AppFixture {
        try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones, extraRules: Self.digests)
    }

    /// A runtime as the daemon starts it: project files applied, one tick.
    func start(_ fixture: AppFixture, at time: Date) async throws -> (HeraldRuntime, TestClock) {
        let clock = TestClock(time)
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        try await runtime.tick()
        return (runtime, clock)
    }

    func digests(_ store: HeraldStore) throws -> [OutgoingMessage] {
        try store.waitingDeliveries().map(\.message).filter { $0.kind == .digest }
    }

    @Test func aDigestGoesAtItsSlotOnce() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let (runtime, clock) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        defer { Task { await runtime.shutdown() } }
        #expect(try digests(runtime.store).isEmpty, "a new digest waits for its first slot")

        clock.set(AppFixture.at("2026-11-30", 8, 59))
        #expect(try await runtime.tick().messages.allSatisfy { $0.kind != .digest })
        clock.set(AppFixture.at("2026-11-30", 9))
        let sent = try await runtime.tick().messages.filter { $0.kind == .digest }
        let message = try #require(sent.first)
        #expect(sent.count == 1)
        #expect(message.channel == "hook")
        #expect(message.recipients == ["bob"])
        #expect(message.rule == "weekly")
        #expect(message.digest?.name == "weekly")
        #expect(message.digest?.at == AppFixture.at("2026-11-30", 9))
        #expect(message.digest?.late == false)
        let london = TimeZone(identifier: "Europe/London")!
        #expect(message.text == MessageText.digest(try #require(message.digest), timeZone: london))

        clock.set(AppFixture.at("2026-11-30", 9, 1))
        #expect(try await runtime.tick().messages.allSatisfy { $0.kind != .digest }, "once per period")
        #expect(try digests(runtime.store).map(\.id) == [message.id])
        #expect(try runtime.store.digestRuns(name: "weekly").map(\.period) == ["2026-11-30T09:00"])
    }

    /// Nothing changed between two Mondays: with `skip_when_unchanged` the second run is recorded but not sent;
    /// without it, it says so in one line. A change makes the next one go again.
    @Test(arguments: [true, false])
    func anUnchangedDigestIsSkippedOrSaysSo(skip: Bool) async throws {
        let later = "  - { id: design, title: Design sign-off, owner: alice, due: 2027-03-01, status: in_progress }"
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: later,
            extraRules: Self.digests + (skip ? "\n    skip_when_unchanged: true" : "")
        )
        defer { fixture.directory.remove() }
        let (runtime, clock) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        defer { Task { await runtime.shutdown() } }
        clock.set(AppFixture.at("2026-11-30", 9))
        #expect(try await runtime.tick().messages.filter { $0.kind == .digest }.count == 1)

        clock.set(AppFixture.at("2026-12-07", 9))
        let second = try await runtime.tick().messages.filter { $0.kind == .digest }
        #expect(try runtime.store.digestRuns(name: "weekly").map(\.period) == ["2026-11-30T09:00", "2026-12-07T09:00"])
        if skip {
            #expect(second.isEmpty, "nothing changed: skipped")
            #expect(try runtime.store.digestRuns(name: "weekly").map(\.sent) == [true, false])
        } else {
            let text = try #require(second.first?.text)
            #expect(second.first?.digest?.unchanged == true)
            #expect(text.split(separator: "\n").last?.hasPrefix("Nothing changed since Mon 30 Nov 09:00: still GREEN")
                == true, "\(text)")
        }

        try fixture.writeProject(milestones: """
              - { id: design, title: Design sign-off, owner: alice, due: 2027-03-01, status: done }
            """)
        clock.set(AppFixture.at("2026-12-10", 12))
        _ = await runtime.reload(reason: "test")
        clock.set(AppFixture.at("2026-12-14", 9))
        let third = try await runtime.tick().messages.filter { $0.kind == .digest }
        #expect(third.count == 1 && third.first?.digest?.unchanged == false, "a completion is news")
        #expect(third.first?.digest?.completed.map(\.milestone.id) == ["design"])
    }

    @Test func anOnHoldProjectStillGetsItsDigest() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        try fixture.directory.write("projects/apollo.yaml", """
            project: apollo
            name: Apollo ERP upgrade
            manager: bob
            status: on_hold
            milestones:
              - { id: design, title: Design sign-off, owner: alice, due: 2026-12-02, status: in_progress }
            """)
        let (runtime, clock) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        defer { Task { await runtime.shutdown() } }
        clock.set(AppFixture.at("2026-11-30", 9))
        let messages = try await runtime.tick().messages
        #expect(messages.map(\.kind) == [.digest], "no reminder (due in 2 business days), but the digest")
    }

    @Test func theNextDigestSlotIsADecisionTime() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let (runtime, _) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        defer { Task { await runtime.shutdown() } }
        var time = AppFixture.at("2026-11-26", 10)
        var instants: [Date] = []
        while time < AppFixture.at("2026-11-30", 12) {
            time = try await runtime.nextDecisionTime(after: time)
            instants.append(time)
        }
        #expect(instants.contains(AppFixture.at("2026-11-30", 9)))
    }

    @Test func thePlanListsEachDigestAtItsSlot() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let configuration = try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment)
        let plan = try await PlanSimulator.run(
            configuration: configuration,
            window: PlanWindow(from: AppFixture.at("2026-11-26", 10), until: AppFixture.at("2026-12-10", 10)),
            logger: Logger(label: "test")
        )
        let digests = plan.entries.filter { $0.message.kind == .digest }
        #expect(digests.map(\.sendAt) == [AppFixture.at("2026-11-30", 9), AppFixture.at("2026-12-07", 9)])
        #expect(digests.allSatisfy { $0.message.recipients == ["bob"] && $0.message.digest?.late == false })
    }

    @Test func aMissedRunIsSentOnceLateOnStartUpAndNeverTwiceAcrossRestarts() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let (first, _) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        await first.shutdown()

        // Down across Monday 09:00; started at 14:00: the missed digest goes at once, marked late.
        let (second, clock) = try await start(fixture, at: AppFixture.at("2026-11-30", 14))
        let late = try digests(second.store)
        #expect(late.count == 1)
        #expect(late.first?.digest?.late == true)
        clock.set(AppFixture.at("2026-11-30", 14, 1))
        #expect(try await second.tick().messages.allSatisfy { $0.kind != .digest })
        await second.shutdown()

        // Restarted again the same day: the period has had its run.
        let (third, thirdClock) = try await start(fixture, at: AppFixture.at("2026-11-30", 14, 5))
        #expect(try digests(third.store).map(\.id) == late.map(\.id))
        // The next Monday's goes on time, reporting since the late one.
        thirdClock.set(AppFixture.at("2026-12-07", 9))
        let next = try await third.tick().messages.filter { $0.kind == .digest }
        #expect(next.count == 1)
        #expect(next.first?.digest?.late == false)
        #expect(next.first?.digest?.since == late.first?.digest?.at)
        await third.shutdown()
        let runs = try third.store.digestRuns(name: "weekly")
        #expect(runs.map(\.period) == ["2026-11-30T09:00", "2026-12-07T09:00"])
        #expect(runs.map(\.late) == [true, false])
    }

    @Test func aWeekOfDowntimeSendsOnlyTheLatestMissedPeriod() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let (first, _) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        await first.shutdown()
        let (second, _) = try await start(fixture, at: AppFixture.at("2026-12-09", 10))
        await second.shutdown()
        #expect(try second.store.digestRuns(name: "weekly").map(\.period) == ["2026-12-07T09:00"])
        #expect(try digests(second.store).count == 1)
    }

    @Test func aManualSendGoesNowAndLeavesTheScheduleAlone() async throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let (runtime, clock) = try await start(fixture, at: AppFixture.at("2026-11-26", 10))
        defer { Task { await runtime.shutdown() } }
        let configuration = try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment)
        let runner = DigestRunner(configuration: configuration, store: runtime.store)
        #expect(try runner.send(name: "nope", at: clock.now) == nil)
        let manual = try #require(try runner.send(name: "weekly", at: AppFixture.at("2026-11-27", 15)))
        #expect(manual.recorded)
        #expect(manual.messages.map(\.recipients) == [["bob"]])
        #expect(manual.run.period.hasPrefix("manual:"))

        clock.set(AppFixture.at("2026-11-30", 9))
        let scheduled = try await runtime.tick().messages.filter { $0.kind == .digest }
        #expect(scheduled.count == 1, "the scheduled run still goes")
        #expect(scheduled.first?.digest?.since == AppFixture.at("2026-11-27", 15), "reporting since the manual one")
    }

    @Test func heraldDigestSendQueuesTheDigest() throws {
        let fixture = try fixture()
        defer { fixture.directory.remove() }
        let sent = try HeraldExecutable.run(
            ["digest", "send", "weekly", "--config", fixture.configPath], environment: fixture.environment
        )
        #expect(sent.status == 0)
        #expect(sent.output.hasPrefix("digest weekly: 1 message queued: msg_"))
        #expect(sent.output.contains(" to hook"))
        let unknown = try HeraldExecutable.run(
            ["digest", "send", "monthly", "--config", fixture.configPath], environment: fixture.environment
        )
        #expect(unknown.status == 1)
        #expect(unknown.output.hasPrefix("no digest 'monthly' in "))
    }
}
