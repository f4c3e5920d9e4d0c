import Foundation
import HeraldCore
@testable import HeraldServer
import HummingbirdTesting
import Testing

/// What dependencies make of a milestone, in the API (`blocks`, `critical_path`) and on the dashboard (what it blocks,
/// the critical path marked), and the dashboard's status words and days late (and the chat status's) as messages
/// say them.
@Suite struct DependencyRoutesTests {
    /// The server fixture's `apollo/design` (due 2026-12-03), plus `apollo/cutover` (2026-12-15) depending on it
    /// and on `dcm/landing-zone` (2026-12-10), and `dcm/go-live` (2026-12-20) depending on the cutover. The
    /// cutover's driver is the landing zone, due later than the design: the design is on no critical path.
    static func fixture() throws -> ServerFixture {
        let server = try ServerFixture()
        var apollo = server.configuration.projects[0]
        apollo.milestones.append(Milestone(
            projectID: "apollo", id: "cutover", title: "Cutover", owner: "alice", due: CivilDate(iso: "2026-12-15")!,
            dependsOn: ["design", "dcm/landing-zone"]
        ))
        let dcm = Project(id: "dcm", name: "Data centre migration", milestones: [
            Milestone(projectID: "dcm", id: "landing-zone", title: "Landing zone", owner: "bob",
                      due: CivilDate(iso: "2026-12-10")!),
            Milestone(projectID: "dcm", id: "go-live", title: "Go-live", owner: "bob",
                      due: CivilDate(iso: "2026-12-20")!, dependsOn: ["apollo/cutover"]),
        ], sourceFile: "dcm.yaml")
        _ = try server.store.apply(projects: [apollo, dcm], source: { "file:\($0.id).yaml" }, at: server.now)
        return server
    }

    @Test(arguments: [
        ("apollo", "design", ["apollo/cutover", "dcm/go-live"], false),
        ("apollo", "cutover", ["dcm/go-live"], true),
        ("dcm", "landing-zone", ["apollo/cutover", "dcm/go-live"], true),
        ("dcm", "go-live", [], true),
    ])
    func theAPIShowsWhatAMilestoneBlocksAndTheCriticalPath(
        project: String, milestone: String, blocks: [String], critical: Bool
    ) async throws {
        try await Self.fixture().test { client in
            try await client.execute(uri: "/api/v1/projects/\(project)", method: .get, headers: authorized) {
                response in
                let item = try #require(json(response) as? [String: Any])
                let milestones = try #require(item["milestones"] as? [[String: Any]])
                let shown = try #require(milestones.first { $0["id"] as? String == milestone })
                #expect(shown["blocks"] as? [String] == blocks)
                #expect(shown["critical_path"] as? Bool == critical)
            }
        }
    }

    @Test func theDashboardShowsWhatAMilestoneBlocksAndMarksTheCriticalPath() async throws {
        try await Self.fixture().test { client in
            try await client.execute(uri: "/", method: .get, headers: try await DashboardTests.logIn(client)) {
                response in
                let page = DashboardTests.text(response)
                let rows = page.components(separatedBy: "<tr ").filter { $0.hasPrefix("class=\"milestone") }
                func row(_ id: String) -> String { rows.first { $0.contains("id=\"milestone-\(id)\"") } ?? "" }
                #expect(row("apollo-design").hasPrefix("class=\"milestone\" "))
                #expect(row("apollo-design").contains(
                    "<small class=\"blocks\">blocks apollo/cutover, dcm/go-live</small>"
                ))
                #expect(!row("apollo-design").contains("critical path"))
                for id in ["apollo-cutover", "dcm-landing-zone", "dcm-go-live"] {
                    #expect(row(id).hasPrefix("class=\"milestone on-critical-path\" "), "\(id)")
                    #expect(row(id).contains(">critical path</small>"), "\(id)")
                    #expect(row(id).contains(", critical path\" style=\""), "\(id): its forecast diamond is ringed")
                }
                #expect(row("dcm-go-live").contains("class=\"blocks\"") == false)
                #expect(page.contains("critical path</small>: on a project's critical path"), "the legend says it")
            }
        }
    }

    @Test func theDashboardNamesFiveBlockedMilestonesAndCountsTheRest() async throws {
        let server = try ServerFixture()
        var apollo = server.configuration.projects[0]
        for index in 1...7 {
            apollo.milestones.append(Milestone(
                projectID: "apollo", id: "step\(index)", title: "Step \(index)", owner: "alice",
                due: CivilDate(iso: "2026-12-1\(index)")!, dependsOn: [index == 1 ? "design" : "step\(index - 1)"]
            ))
        }
        _ = try server.store.apply(projects: [apollo], source: { "file:\($0.id).yaml" }, at: server.now)
        try await server.test { client in
            try await client.execute(uri: "/", method: .get, headers: try await DashboardTests.logIn(client)) {
                response in
                #expect(DashboardTests.text(response).contains(
                    "blocks apollo/step1, apollo/step2, apollo/step3, apollo/step4, apollo/step5 and 2 more</small>"
                ))
            }
        }
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        let name: String
        let status: MilestoneStatus
        let due: String
        var baseline: String?
        let today: String
        let label: String
        let late: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        StatusCase(name: "on hold and slipped is on hold", status: .onHold, due: "2026-12-10", baseline: "2026-12-03",
                   today: "2026-12-01", label: "on hold", late: nil),
        StatusCase(name: "slipped is at risk", status: .inProgress, due: "2026-12-10", baseline: "2026-12-03",
                   today: "2026-12-01", label: "at risk", late: nil),
        StatusCase(name: "a week late is 5 business days", status: .onHold, due: "2026-11-27", today: "2026-12-04",
                   label: "overdue", late: "5 bd"),
        StatusCase(name: "the Monday after a Friday is 1 business day", status: .inProgress, due: "2026-12-04",
                   today: "2026-12-07", label: "overdue", late: "1 bd"),
        StatusCase(name: "the Saturday after is overdue, under a business day", status: .inProgress,
                   due: "2026-12-04", today: "2026-12-05", label: "overdue", late: "<1 bd"),
        StatusCase(name: "on time", status: .planned, due: "2026-12-10", today: "2026-12-01", label: "on track",
                   late: nil),
    ])
    func theDashboardStatusSaysWhatMessagesSay(_ test: StatusCase) {
        let milestone = Milestone(
            projectID: "apollo", id: "m", title: "M", owner: "alice", due: CivilDate(iso: test.due)!,
            baseline: test.baseline.flatMap { CivilDate(iso: $0) }, status: test.status
        )
        let facts = MilestoneFacts(
            milestone: milestone, updatedAt: ServerFixture.at(test.today, 9), today: CivilDate(iso: test.today)!,
            calendar: ServerFixture.calendar
        )
        #expect(DashboardStatus(facts).label == test.label)
        #expect(DashboardStatus.late(facts) == test.late)
    }

    @Test(arguments: [
        ("2026-12-07", "due Fri 4 Dec, 1 business day overdue"),
        ("2026-12-11", "due Fri 4 Dec, 5 business days overdue"),
        ("2026-12-05", "due Fri 4 Dec, overdue"),
    ])
    func theChatStatusCountsLateInBusinessDays(today: String, expected: String) throws {
        let milestone = Milestone(
            projectID: "apollo", id: "m", title: "M", owner: "alice", due: CivilDate(iso: "2026-12-04")!
        )
        let facts = MilestoneFacts(
            milestone: milestone, updatedAt: ServerFixture.at(today, 9), today: CivilDate(iso: today)!,
            calendar: ServerFixture.calendar
        )
        let status = ChatStatus(
            projects: [Project(id: "apollo", name: "Apollo", milestones: [milestone])],
            milestones: ["apollo": [facts]], escalations: []
        )
        #expect(try #require(status.detail("apollo")).hasSuffix(" · \(expected)"))
    }
}
