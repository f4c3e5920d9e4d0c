import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// Snoozes and on-hold projects through the runtime (injected clock), the log, and the `herald` command line.
@Suite(.serialized) struct SnoozeTests {
    static let milestones = """
          - { id: design, title: Design sign-off, owner: alice, due: 2026-12-04, status: in_progress }
        """

    func runtime(_ fixture: AppFixture, clock: TestClock) async throws -> HeraldRuntime {
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        return runtime
    }

    @Test func aSnoozedReminderIsLoggedOnceADayWithItsReasonAndFiresWhenTheSnoozeEnds() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-11-30", 10))
        let runtime = try await runtime(fixture, clock: clock)
        defer { Task { await runtime.shutdown() } }
        let zone = TimeZone(identifier: "Europe/London")!
        try SnoozeDesk.snooze(
            SnoozeTarget(parsing: "apollo/design")!, length: .untilDate(CivilDate(iso: "2026-12-03")!), by: "bob",
            note: "on leave", store: runtime.store, zone: zone, now: clock.now
        )
        for (day, hour, minute) in [("2026-12-01", 10, 0), ("2026-12-01", 10, 1), ("2026-12-01", 16, 0),
                                    ("2026-12-02", 10, 0), ("2026-12-02", 23, 59)] {
            clock.set(AppFixture.at(day, hour, minute))
            #expect(try await runtime.tick().messages.count == 0, "snoozed at \(day) \(hour):\(minute)")
        }
        clock.set(AppFixture.at("2026-12-03", 0))
        #expect(try await runtime.tick().messages.count == 1, "the snooze is over at the start of Thu 3 Dec")
        let lines = try runtime.store.timeline(LogFilter()).map { LogReport.line($0, in: zone) }
        let reason = "apollo/design: snoozed until Thu 3 Dec (by bob: on leave)"
        #expect(lines.count == 4)
        #expect(Array(lines.prefix(3)) == [
            "2026-11-30 10:00 snoozed apollo/design until Thu 3 Dec (by bob: on leave)",
            "2026-12-01 10:00 suppressed reminder due-soon → alice on #hook · " + reason,
            "2026-12-02 10:00 suppressed reminder due-soon → alice on #hook · " + reason,
        ])
        #expect(lines[3].hasPrefix("2026-12-03 09:00 #hook → alice · reminder due-soon · Design sign-off"),
                "decided at midnight, listed at its release")
        #expect(lines[3].hasSuffix(", decided 2026-12-03 00:00"))
        let json = LogReport.json(try runtime.store.timeline(LogFilter(projectID: "apollo", milestoneID: "design")))
        #expect(json.contains(#""event" : "suppressed""#) && json.contains(#""reason_code" : "snoozed""#))
        #expect(json.contains(#""event" : "snoozed""#) && json.contains(#""event" : "message""#))
    }

    @Test func aSnoozeWithdrawsTheQueuedReminderAndTheLogSaysWhy() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let runtime = try await runtime(fixture, clock: clock)
        defer { Task { await runtime.shutdown() } }
        _ = try await runtime.tick()
        let zone = TimeZone(identifier: "Europe/London")!
        clock.set(AppFixture.at("2026-12-01", 10, 1))
        try SnoozeDesk.snooze(
            SnoozeTarget(parsing: "apollo/design")!, length: .untilDate(CivilDate(iso: "2026-12-07")!), by: "bob",
            note: nil, store: runtime.store, zone: zone, now: clock.now
        )
        let lines = try runtime.store.timeline(LogFilter()).map { LogReport.line($0, in: zone) }
        #expect(lines.contains { line in
            line.hasPrefix("2026-12-01 10:00 #hook → alice · reminder due-soon")
                && line.contains("cancelled: withdrawn: snoozed until Mon 7 Dec")
        }, "\(lines)")
    }

    @Test func anOnHoldProjectSendsNeitherRemindersNorAnnouncements() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let project = { (status: String) in
            "project: apollo\nname: Apollo ERP upgrade\nmanager: bob\nstatus: on_hold\nmilestones:\n"
                + "  - { id: design, title: Design sign-off, owner: alice, due: 2026-12-04, status: \(status) }\n"
        }
        try fixture.directory.write("projects/apollo.yaml", project("in_progress"))
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let runtime = try await runtime(fixture, clock: clock)
        defer { Task { await runtime.shutdown() } }
        #expect(try await runtime.tick().messages.count == 0)
        try fixture.directory.write("projects/apollo.yaml", project("done"))
        #expect(await runtime.reload(reason: "test"))
        let events = try runtime.store.timeline(LogFilter())
        #expect(events.map { LogReport.line($0, in: TimeZone(identifier: "Europe/London")!) } == [
            "2026-12-01 10:00 changed apollo/design · status: in progress → done (file apollo.yaml)",
            "2026-12-01 10:00 suppressed reminder due-soon → alice on #hook · apollo/design: project on hold",
            "2026-12-01 10:00 suppressed announcement completed → bob on #hook · apollo/design: project on hold",
        ])
    }

    @Test func snoozingNeedsAStoredTargetAndAFutureDate() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-01", 10))
        let runtime = try await runtime(fixture, clock: clock)
        defer { Task { await runtime.shutdown() } }
        let zone = TimeZone(identifier: "Europe/London")!
        func snooze(_ target: String, _ length: SnoozeLength) -> String? {
            do {
                try SnoozeDesk.snooze(SnoozeTarget(parsing: target)!, length: length, by: nil, note: nil,
                                      store: runtime.store, zone: zone, now: clock.now)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let later = SnoozeLength.untilDate(CivilDate(iso: "2026-12-10")!)
        #expect(snooze("zeus", later) == "unknown project 'zeus' (known projects: apollo)")
        #expect(snooze("apollo/nope", later)
            == "unknown milestone 'nope' in project 'apollo' (known milestones: design)")
        #expect(snooze("apollo", .untilDueChange) == "--until-due-change needs a milestone (PROJECT/MILESTONE)")
        #expect(snooze("apollo/design", .untilDate(CivilDate(iso: "2026-12-01")!))
            == "2026-12-01 has already begun; snooze until a later date")
        #expect(snooze("apollo/design", .untilDueChange) == nil)
        #expect(try runtime.store.activeSnoozes(at: clock.now).map(\.end)
            == [.dueChange(from: CivilDate(iso: "2026-12-04")!)])
        #expect(try SnoozeDesk.unsnooze(SnoozeTarget(parsing: "apollo/design")!, store: runtime.store, now: clock.now))
        #expect(try !SnoozeDesk.unsnooze(SnoozeTarget(parsing: "apollo/design")!, store: runtime.store, now: clock.now))
        #expect(SnoozeTarget(parsing: "apollo/design/x") == nil && SnoozeTarget(parsing: "apollo/") == nil)
    }

    /// Runs the built `herald` executable; returns its exit status and standard output and error.
    func herald(_ arguments: [String], _ fixture: AppFixture) throws -> (status: Int32, output: String) {
        try HeraldExecutable.run(arguments + ["--config", fixture.configPath], includingErrors: true)
    }

    @Test func theCommandLineSnoozesListsLogsAndUnsnoozes() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: HeraldExecutable.path),
                     "build the herald executable first (swift build)")
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones)
        defer { fixture.directory.remove() }
        let runtime = try await runtime(fixture, clock: TestClock(Date()))
        await runtime.shutdown()
        let until = "Mon 7 Dec 2099" // another year than the snooze's: the year is named

        let snoozed = try herald(["snooze", "apollo/design", "--until", "2099-12-07", "--by", "bob", "--note",
                                  "on leave"], fixture)
        #expect(snoozed.status == 0)
        #expect(snoozed.output.hasPrefix("snoozed apollo/design until \(until) (by bob: on leave) · since "))
        let unknown = try herald(["snooze", "apollo/nope", "--until", "2099-12-07"], fixture)
        #expect(unknown.status == 1)
        #expect(unknown.output == "unknown milestone 'nope' in project 'apollo' (known milestones: design)\n")
        #expect(try herald(["snooze", "apollo/design"], fixture).status == 64, "--until or --until-due-change")
        #expect(try herald(["snooze", "apollo/design", "--until", "2099-12-07", "--until-due-change"], fixture)
            .status == 64)
        #expect(try herald(["snooze", "apollo/design", "--until", "2099-13-01"], fixture).status == 64)
        #expect(try herald(["snooze", "apollo/design/x", "--until", "2099-12-07"], fixture).status == 64)

        let listed = try herald(["snoozes", "--json"], fixture)
        #expect(listed.status == 0)
        #expect(listed.output.contains(#""until" : "2099-12-07""#) && listed.output.contains(#""by" : "bob""#))
        let log = try herald(["log", "--milestone", "design"], fixture)
        #expect(log.output.contains(" snoozed apollo/design until \(until) (by Bob Roe: on leave)\n"))
        #expect(log.output.contains(" #hook → Alice Ng · reminder due-soon · "), "by name, not by mention")
        let bobs = try herald(["log", "--person", "bob"], fixture)
        #expect(bobs.status == 0 && bobs.output.hasSuffix(" (by Bob Roe: on leave)\n"))
        #expect(!bobs.output.contains("#hook"), "the reminder went to alice")
        let nobody = try herald(["log", "--person", "zed"], fixture)
        #expect(nobody.status == 1 && nobody.output == "no person 'zed' in the config's people\n")

        #expect(try herald(["unsnooze", "apollo/design"], fixture).output == "unsnoozed apollo/design\n")
        #expect(try herald(["unsnooze", "apollo/design"], fixture).output == "apollo/design is not snoozed\n")
        #expect(try herald(["unsnooze", "zeus"], fixture).status == 1)
        #expect(try herald(["snoozes"], fixture).output.isEmpty)
        #expect(try herald(["log"], fixture).output.contains(" unsnoozed apollo/design: unsnoozed\n"))
    }
}
