import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

@Suite struct DigestPreviewTests {
    private static let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

    private static func apollo(design due: String, requirements status: MilestoneStatus) -> Project {
        Project(
            id: "apollo", name: "Apollo ERP upgrade", manager: "bob", milestones: [
                Milestone(projectID: "apollo", id: "requirements", title: "Requirements", owner: "dan",
                          due: CivilDate(iso: "2026-11-20")!, status: status),
                Milestone(projectID: "apollo", id: "design", title: "Design sign-off", owner: "alice",
                          due: CivilDate(iso: due)!, baseline: CivilDate(iso: "2026-11-27")),
            ], sourceFile: "/config/projects/apollo.yaml"
        )
    }

    @Test func thePreviewAppliesTheProjectFilesToACopyOfTheStore() throws {
        let directory = try TemporaryDirectory(prefix: "herald-digest")
        defer { directory.remove() }
        let live = try HeraldStore(directory: directory.path)
        let monday = AppFixture.at("2026-11-23", 8)
        try live.apply(
            projects: [Self.apollo(design: "2026-11-27", requirements: .inProgress)], source: { _ in "file:a.yaml" },
            at: monday
        )
        let lines = try live.history(since: nil).count

        // The files now say: design moved to Fri 4 Dec, requirements done; no daemon has applied them.
        let configuration = Configuration(
            file: "herald.yaml", stateDirectory: directory.path, projectsDirectory: directory.path,
            calendar: Self.calendar, people: ["alice": Person(key: "alice", name: "Alice Ng")],
            projects: [Self.apollo(design: "2026-12-04", requirements: .done)]
        )
        let definition = DigestDefinition(name: "weekly", schedule: "mon 09:00", to: [.audience("sponsors")])
        let previous = DigestReport(
            name: "weekly", at: AppFixture.at("2026-11-23", 9), since: nil, late: false,
            headline: DigestHeadline(status: .green, rule: "", trend: .first, reason: ""), projects: []
        )
        // The last digest sent, as the daemon recorded it: the preview compares with it.
        _ = try live.commit(digestRun: DigestRun(
            digest: "weekly", period: "2026-11-23T09:00", scheduledAt: previous.at, runAt: previous.at,
            report: previous, sent: true, late: false
        ), messages: [])
        let report = try DigestPreview.report(
            for: definition, configuration: configuration, at: AppFixture.at("2026-11-30", 9),
            now: AppFixture.at("2026-11-25", 10)
        )
        #expect(report.completed.map(\.milestone.id) == ["requirements"])
        #expect(report.completed.first?.completedOn == CivilDate(iso: "2026-11-25"))
        #expect(report.slipped.map(\.milestone.id) == ["design"])
        #expect(report.slipped.first?.previousDue == CivilDate(iso: "2026-11-27"))
        #expect(report.slipped.first?.businessDays == 5)
        #expect(report.slipped.first?.ownerName == "Alice Ng")
        #expect(report.headline.status == .amber)
        #expect(report.headline.trend == .worsening)
        #expect(try live.history(since: nil).count == lines, "the live store is not written")
        #expect(try live.trackedMilestones().first { $0.milestone.id == "design" }?.milestone.due
            == CivilDate(iso: "2026-11-27"))
    }

    @Test func withoutAtThePreviewDescribesTheNextScheduledRun() {
        let configuration = Configuration(
            file: "herald.yaml", stateDirectory: "/tmp", projectsDirectory: "/tmp", calendar: Self.calendar
        )
        let definition = DigestDefinition(name: "weekly", schedule: "mon 09:00", to: [.audience("sponsors")])
        let wednesday = AppFixture.at("2026-11-25", 10)
        let next = DigestPreview.nextRun(of: definition, configuration: configuration, after: wednesday)
        #expect(next == AppFixture.at("2026-11-30", 9))
    }

    @Test func digestPreviewPrintsTheExampleDigest() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let run = try HeraldExecutable.run(
            ["digest", "preview", "weekly-sponsor", "--config", example.configPath, "--at", "2026-11-30T09:00"]
        )
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == [
            "Digest weekly-sponsor, Mon 30 Nov 09:00",
            "AMBER (first digest): Data migration plan · Apollo ERP upgrade is 4 business days overdue "
                + "(due Tue 24 Nov).",
            "Amber means a milestone is overdue.",
        ])
        #expect(!lines.contains { $0.hasPrefix("Completed") }, "first seen done: when it was completed is unknown")
        #expect(lines.contains("Due by Mon 14 Dec:"))
        #expect(lines.contains("- Tue 1 Dec: Design sign-off · Apollo ERP upgrade, Alice Ng, in progress"))
        #expect(lines.contains(
            "- Data migration plan · Apollo ERP upgrade: due Tue 24 Nov, 4 business days overdue, Dan Okafor"
        ))
        #expect(!FileManager.default.fileExists(atPath: example.stateDirectory), "a preview creates no live store")

        let json = try HeraldExecutable.run(
            ["digest", "preview", "weekly-sponsor", "--config", example.configPath, "--at", "2026-11-30", "--json"]
        )
        #expect(json.status == 0)
        let digest = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(digest["at"] as? String == "2026-11-30T00:00:00Z")
        #expect((digest["overdue"] as? [Any])?.count == 1)
    }

    @Test func anUnknownDigestOrTimeIsAnError() throws {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let unknown = try HeraldExecutable.run(
            ["digest", "preview", "monthly", "--config", example.configPath], includingErrors: true
        )
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("no digest named 'monthly'; digests: weekly-sponsor"))
        let badTime = try HeraldExecutable.run(
            ["digest", "preview", "weekly-sponsor", "--config", example.configPath, "--at", "monday"],
            includingErrors: true
        )
        #expect(badTime.status != 0)
        #expect(badTime.output.contains("--at: 'monday' is not a date"))
    }
}
