import Foundation
import HeraldConfig
import HeraldCore
import Logging
import Testing

@testable import HeraldApp

/// A bulk apply logs one line per project.
@Suite struct ChangeSummaryTests {
    /// `count` changes of `kind` to milestones of `project`.
    static func changes(_ project: String, _ kind: MilestoneChange.Kind, _ count: Int) -> [MilestoneChange] {
        (0..<count).map {
            MilestoneChange(projectID: project, milestoneID: "m\($0)", kind: kind, fields: [], previous: nil,
                            current: nil)
        }
    }

    /// Changes as (project, kind, how many), in order.
    @Test(arguments: [
        ([("apollo", .created, 20_000), ("apollo", .updated, 3), ("apollo", .removed, 1)],
         ["apollo: 20000 milestones created, 3 changed, 1 removed"]),
        ([("apollo", .updated, 1)], ["apollo: 1 milestone changed"]),
        ([("apollo", .removed, 2), ("zeus", .created, 1), ("apollo", .created, 1)],
         ["apollo: 1 milestone created, 2 removed", "zeus: 1 milestone created"]),
        ([], []),
    ] as [([(String, MilestoneChange.Kind, Int)], [String])])
    func oneLinePerProject(batches: [(String, MilestoneChange.Kind, Int)], lines: [String]) {
        let changes = batches.flatMap { Self.changes($0.0, $0.1, $0.2) }
        #expect(ChangeSummary.lines(changes) == lines)
    }
}

/// The daemon's log: one info line per project apply, each milestone at debug.
@Suite struct ChangeLogTests {
    static func milestones(_ count: Int, title: (Int) -> String = { "Step \($0)" }) -> String {
        (0..<count).map { "  - { id: m\($0), title: \(title($0)), owner: alice, due: 2026-12-18 }" }
            .joined(separator: "\n")
    }

    @Test func aBulkApplyLogsOneInfoLinePerProject() async throws {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestones(500))
        defer { fixture.directory.remove() }
        let log = LogRecorder()
        let runtime = try HeraldRuntime(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))), logger: log.logger
        )
        try await runtime.applyProjects()
        #expect(log.texts(at: .info).filter { $0.hasPrefix("apollo:") } == ["apollo: 500 milestones created"])
        #expect(!log.texts(at: .info).contains { $0.hasPrefix("milestone ") })
        #expect(log.texts(at: .debug).filter { $0 == "milestone created" }.count == 500)

        try fixture.writeProject(milestones: Self.milestones(499) { $0 < 3 ? "Step \($0) v2" : "Step \($0)" })
        #expect(await runtime.reload(reason: "test"))
        #expect(log.texts(at: .info).filter { $0.hasPrefix("apollo:") }
            == ["apollo: 500 milestones created", "apollo: 3 milestones changed, 1 removed"])
        #expect(log.texts(at: .debug).filter { $0 == "milestone updated" || $0 == "milestone removed" }.count == 4)
        await runtime.shutdown()
    }

    /// A round that opens many escalations logs one notice line and each at debug; a few are each at notice.
    @Test(arguments: [(8, ["escalations: 8 open"], 8), (2, ["escalation open", "escalation open"], 0)])
    func escalationsOpenedInOneRound(count: Int, notices: [String], debugLines: Int) async throws {
        let overdue = (0..<count).map { "  - { id: m\($0), title: Step \($0), owner: alice, due: 2026-11-20 }" }
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: overdue.joined(separator: "\n"),
            extraRules: """
                  - { name: overdue, when: 'status != "done" and days_overdue >= 1', escalate: late }
                escalations:
                  late: { levels: [{ notify: [owner] }] }
                """
        )
        defer { fixture.directory.remove() }
        let log = LogRecorder()
        let runtime = try HeraldRuntime(
            configuration: try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment),
            options: fixture.options(clock: TestClock(AppFixture.at("2026-12-01", 10))), logger: log.logger
        )
        try await runtime.applyProjects()
        try await runtime.tick()
        #expect(log.texts(at: .notice).filter { $0.hasPrefix("escalation") } == notices)
        #expect(log.texts(at: .debug).filter { $0 == "escalation open" }.count == debugLines)
        await runtime.shutdown()
    }
}
