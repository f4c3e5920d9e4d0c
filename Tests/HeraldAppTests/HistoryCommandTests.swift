import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// `herald history`: a milestone's changes from its file and from the API, as the command line prints them.
@Suite(.serialized) struct HistoryCommandTests {
    /// `design` created from its file on Mon 30 Nov 10:00, its due moved in the file at 11:00, then done and given to
    /// bob through the API by bob on Tue 1 Dec 09:30 (London).
    private func changedFixture() async throws -> AppFixture {
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: Self.milestone("2026-12-04"))
        let clock = TestClock(AppFixture.at("2026-11-30", 10))
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        clock.set(AppFixture.at("2026-11-30", 11))
        try fixture.writeProject(milestones: Self.milestone("2026-12-11"))
        #expect(await runtime.reload(reason: "test"))
        clock.set(AppFixture.at("2026-12-01", 9, 30))
        let key = MilestoneKey(projectID: "apollo", milestoneID: "design")
        _ = try await runtime.update(key, with: MilestoneUpdate(status: .done, owner: "bob", by: "bob"), source: "api")
        await runtime.shutdown()
        return fixture
    }

    private static func milestone(_ due: String) -> String {
        "  - { id: design, title: Design sign-off, owner: alice, due: \(due), status: in_progress }"
    }

    @Test func aFileChangeAndAnAPIChangeReadAsAProjectManagerReadsThem() async throws {
        let fixture = try await changedFixture()
        defer { fixture.directory.remove() }
        let run = try HeraldExecutable.run(["history", "apollo/design", "--config", fixture.configPath])
        #expect(run.status == 0)
        #expect(run.output == """
            Mon 30 Nov 2026 10:00  design  title: none → Design sign-off  (file apollo.yaml)
            Mon 30 Nov 2026 10:00  design  owner: none → Alice Ng  (file apollo.yaml)
            Mon 30 Nov 2026 10:00  design  due: none → Fri 4 Dec  (file apollo.yaml)
            Mon 30 Nov 2026 10:00  design  status: none → in progress  (file apollo.yaml)
            Mon 30 Nov 2026 10:00  design  critical: none → no  (file apollo.yaml)
            Mon 30 Nov 2026 11:00  design  due: Fri 4 Dec → Fri 11 Dec  (file apollo.yaml)
            Tue 1 Dec 2026 09:30  design  owner: Alice Ng → Bob Roe  (API, by Bob Roe)
            Tue 1 Dec 2026 09:30  design  status: in progress → done  (API, by Bob Roe)

            """)
    }

    @Test func sinceAndJSONAndAnUnknownMilestone() async throws {
        let fixture = try await changedFixture()
        defer { fixture.directory.remove() }
        let since = try HeraldExecutable.run(
            ["history", "apollo", "--since", "2026-12-01T00:00:00Z", "--json", "--config", fixture.configPath]
        )
        #expect(since.status == 0)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(since.output.utf8)) as? [[String: Any]]
        )
        #expect(entries.map { $0["field"] as? String } == ["owner", "status"])
        #expect(entries.map { $0["actor"] as? String } == ["bob", "bob"])
        #expect(entries.map { $0["source"] as? String } == ["api", "api"])
        let unknown = try HeraldExecutable.run(["history", "apollo/qa", "--config", fixture.configPath])
        #expect(unknown.status == 1)
        #expect(unknown.output == "unknown milestone 'qa' in project 'apollo'\n")
    }
}
