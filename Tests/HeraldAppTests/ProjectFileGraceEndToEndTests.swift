import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// A project file that vanishes for a moment (an editor's save, `git checkout`) during an open escalation changes
/// nothing; one that stays away for all of `projects_grace` is removed as before.
@Suite(.serialized) struct ProjectFileGraceEndToEndTests {
    static let extra = EscalationEndToEndTests.escalation + "\nprojects_grace: 10m"
    static let build = MilestoneKey(projectID: "apollo", milestoneID: "build")

    /// How the file is taken away and put back.
    enum Absence: String, CaseIterable, Sendable {
        /// Renamed out of the directory and back, as editors and checkouts do.
        case movedAway
        /// Replaced by a file that does not parse, then restored: the reload is refused, the running config kept.
        case unparsable

        func takeAway(_ fixture: AppFixture) throws {
            let path = fixture.directory.path + "/projects/apollo.yaml"
            switch self {
            case .movedAway: try FileManager.default.moveItem(atPath: path, toPath: path + ".saving")
            case .unparsable: try fixture.directory.write("projects/apollo.yaml", "project: apollo\nmilestones: [")
            }
        }

        func putBack(_ fixture: AppFixture) throws {
            let path = fixture.directory.path + "/projects/apollo.yaml"
            switch self {
            case .movedAway: try FileManager.default.moveItem(atPath: path + ".saving", toPath: path)
            case .unparsable: try fixture.writeProject(milestones: EscalationEndToEndTests.milestones)
            }
        }

        /// What the daemon logs once it has seen the file gone, and once it has seen it back.
        func away(_ log: LogRecorder) -> Bool {
            switch self {
            case .movedAway: log.texts(at: .warning).contains { $0.hasPrefix("project file missing") }
            case .unparsable: log.texts(at: .error).contains { $0.hasPrefix("configuration not reloaded") }
            }
        }

        func back(_ log: LogRecorder) -> Bool {
            switch self {
            case .movedAway: log.texts(at: .info).contains("project file back; nothing was removed")
            case .unparsable: log.texts(at: .info).contains("configuration reloaded")
            }
        }
    }

    func withDaemon(
        _ fixture: AppFixture, clock: TestClock, log: LogRecorder,
        _ body: @Sendable (HeraldRuntime) async throws -> Void
    ) async throws {
        let (group, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: log.logger
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body(runtime)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The escalation's id and level in a webhook request's body.
    static func escalation(in request: ReceivedRequest) throws -> (id: String, level: Int) {
        let body = try #require(JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        let data = try #require(body["data"] as? [String: Any])
        let escalation = try #require(data["escalation"] as? [String: Any])
        return (try #require(escalation["id"] as? String), try #require(escalation["level"] as? Int))
    }

    static func stored(_ runtime: HeraldRuntime) throws -> Milestone? {
        try runtime.store.trackedMilestones().first { $0.milestone.id == "build" }?.milestone
    }

    @Test(arguments: Absence.allCases)
    func aFileAwayForAMomentKeepsTheEscalationAndTheAPIChange(_ absence: Absence) async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: EscalationEndToEndTests.milestones, extraRules: Self.extra
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        let log = LogRecorder()
        try await withDaemon(fixture, clock: clock, log: log) { runtime in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            let opened = try Self.escalation(in: first)
            #expect(opened.level == 1)
            _ = try await runtime.update(Self.build, with: MilestoneUpdate(status: .blocked), source: "api")

            try absence.takeAway(fixture)
            #expect(await eventually { absence.away(log) })
            clock.set(AppFixture.at("2026-12-04", 10, 3))
            try absence.putBack(fixture)
            #expect(await eventually { absence.back(log) })

            let kinds = try runtime.store.log(LogFilter()).map(\.message.kind)
            #expect(kinds == [.escalation], "no resolved notice, no new ladder")
            let open = try runtime.store.escalations(states: [.open])
            #expect(open.map(\.id) == [opened.id])
            #expect(open.first?.levelsNotified == 1)
            #expect(try Self.stored(runtime)?.status == .blocked, "the API's change is kept")
            #expect(log.texts(at: .info).filter { $0.hasPrefix("apollo:") }
                == ["apollo: 1 milestone created", "apollo: 1 milestone changed"], "the start and the API change only")

            #expect(await EscalationEndToEndTests.allDelivered(runtime), "recorded before the clock jumps")
            clock.set(AppFixture.at("2026-12-07", 10))
            let second = try #require(await receiver.waitForRequests(count: 2).last)
            let next = try Self.escalation(in: second)
            #expect(next.id == opened.id, "the same ladder climbs on")
            #expect(next.level == 2)
        }
    }

    @Test func aFileAwayForTheWholeGraceIsRemovedAndItsIdKeepsItsStateWhenItReturns() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: EscalationEndToEndTests.milestones, extraRules: Self.extra
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        let log = LogRecorder()
        try await withDaemon(fixture, clock: clock, log: log) { runtime in
            let opened = try Self.escalation(in: try #require(await receiver.waitForRequests(count: 1).first))
            _ = try await runtime.update(Self.build, with: MilestoneUpdate(status: .blocked), source: "api")
            #expect(await EscalationEndToEndTests.allDelivered(runtime))

            try Absence.movedAway.takeAway(fixture)
            #expect(await eventually { Absence.movedAway.away(log) })
            clock.set(AppFixture.at("2026-12-04", 10, 9))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try Self.stored(runtime) != nil, "still kept a minute before the grace ends")
            clock.set(AppFixture.at("2026-12-04", 10, 10))
            #expect(await eventually { try Self.stored(runtime) == nil })
            #expect(log.texts(at: .notice).contains {
                $0 == "project file missing for longer than projects_grace; its milestones are removed"
            })
            let resolved = try #require(await receiver.waitForRequests(count: 2).last)
            #expect(resolved.bodyText.contains("\"type\":\"resolved\""))
            #expect(resolved.bodyText.contains("the milestone was removed"))
            #expect(try runtime.store.escalation(id: opened.id)?.state == .resolved)
            #expect(log.texts(at: .info).contains("apollo: 1 milestone removed"))

            try Absence.movedAway.putBack(fixture)
            #expect(await eventually { try Self.stored(runtime) != nil })
            #expect(try Self.stored(runtime)?.status == .blocked, "the API's change outlives the removal")
            let history = try runtime.store.history(projectID: "apollo", milestoneID: "build").map(\.change.field)
            #expect(history.contains("removed"))
            #expect(history.filter { $0 == "status" }.count >= 2, "the history from before the removal is kept")
        }
    }

    @Test func thePlanRemovesAProjectWhoseFileIsGoneAtTheEndOfItsGraceAsTheDaemonWould() async throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: "  - { id: design, owner: alice, due: 2026-12-04 }"
        )
        defer { fixture.directory.remove() }
        let runtime = try HeraldRuntime(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            options: fixture.options(clock: TestClock(AppFixture.at("2026-11-30", 8))), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        await runtime.shutdown()
        try FileManager.default.removeItem(atPath: fixture.directory.path + "/projects/apollo.yaml")

        let plan = try await PlanSimulator.run(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            window: PlanWindow(from: AppFixture.at("2026-12-01", 0), until: AppFixture.at("2026-12-05", 0)),
            logger: Logger(label: "test")
        )
        #expect(plan.entries.isEmpty, "kept for the first 10 minutes only: its reminder is withdrawn, none follow")
    }

    @Test func aFileMissingWhenTheDaemonStartsGetsItsGraceFromTheStart() async throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: EscalationEndToEndTests.milestones, extraRules: Self.extra
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        func start() throws -> HeraldRuntime {
            try HeraldRuntime(
                configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
                options: fixture.options(clock: clock), logger: Logger(label: "test")
            )
        }
        let first = try start()
        try await first.applyProjects()
        await first.shutdown()
        let opened = try #require(try first.store.escalations(states: [.open]).first)
        try Absence.movedAway.takeAway(fixture)

        clock.set(AppFixture.at("2026-12-04", 11))
        let second = try start()
        try await second.applyProjects()
        try await second.applyProjectsIfGraceEnded()
        #expect(try Self.stored(second) != nil, "kept: the grace counts from the start")
        #expect(try second.store.escalations(states: [.open]).map(\.id) == [opened.id])
        clock.set(AppFixture.at("2026-12-04", 11, 10))
        try await second.applyProjectsIfGraceEnded()
        #expect(try Self.stored(second) == nil)
        #expect(try second.store.escalation(id: opened.id)?.state == .resolved)
        await second.shutdown()
    }
}
