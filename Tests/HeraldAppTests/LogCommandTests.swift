import Foundation
import HeraldApp
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Logging
import Testing

/// `herald log` as a project manager reads it on the command line: the milestones' changes among the messages, one
/// person's share of it, and the same events as CSV.
@Suite(.serialized) struct LogCommandTests {
    /// `design` (alice's) created from its file on Mon 30 Nov 10:00 (London), then done and given to bob through the
    /// API by mike on Tue 1 Dec 09:30.
    private func changedFixture() async throws -> AppFixture {
        let milestone = "  - { id: design, title: Design sign-off, owner: alice, due: 2026-12-04, status: in_progress }"
        let fixture = try AppFixture(receiverURL: "http://127.0.0.1:9/", milestones: milestone)
        let clock = TestClock(AppFixture.at("2026-11-30", 10))
        let (_, runtime) = try HeraldDaemon.build(
            configPath: fixture.configPath, options: fixture.options(clock: clock), logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        clock.set(AppFixture.at("2026-12-01", 9, 30))
        let key = MilestoneKey(projectID: "apollo", milestoneID: "design")
        _ = try await runtime.update(key, with: MilestoneUpdate(status: .done, owner: "bob", by: "mike"), source: "api")
        await runtime.shutdown()
        return fixture
    }

    @Test func changesReadInWordsAmongTheEventsAndThePersonFilterKeepsTheirs() async throws {
        let fixture = try await changedFixture()
        defer { fixture.directory.remove() }
        let since = ["--since", "2026-12-01T00:00:00Z", "--config", fixture.configPath]
        let all = try HeraldExecutable.run(["log"] + since)
        #expect(all.status == 0)
        let changes = all.output.split(separator: "\n").filter { $0.contains(" changed ") }
        #expect(changes == [
            "2026-12-01 09:30 changed apollo/design · owner: Alice Ng → Bob Roe (API, by mike)",
            "2026-12-01 09:30 changed apollo/design · status: in progress → done (API, by mike)",
        ])
        let alice = try HeraldExecutable.run(["log", "--person", "alice"] + since)
        #expect(alice.output.split(separator: "\n").filter { $0.contains(" changed ") }.count == 1,
                "alice handed the milestone over: only the owner change is hers")
        let bob = try HeraldExecutable.run(["log", "--person", "bob"] + since)
        #expect(bob.output.split(separator: "\n").filter { $0.contains(" changed ") } == changes)
    }

    @Test func csvExportsTheSameEvents() async throws {
        let fixture = try await changedFixture()
        defer { fixture.directory.remove() }
        let run = try HeraldExecutable.run(
            ["log", "--csv", "--since", "2026-12-01T00:00:00Z", "--config", fixture.configPath]
        )
        #expect(run.status == 0)
        let rows = run.output.components(separatedBy: "\r\n")
        #expect(rows.first == "time (Europe/London),event,project,milestone,channel,people,kind,rule,text,state,"
            + "decided,delivered")
        #expect(rows.contains("2026-12-01 09:30,change,apollo,design,,mike,status,,"
            + "\"status: in progress → done (API, by mike)\",,,"))
        #expect(rows.last == "", "every row ends with CRLF")
        let both = try HeraldExecutable.run(
            ["log", "--csv", "--json", "--config", fixture.configPath], includingErrors: true
        )
        #expect(both.status != 0)
        #expect(both.output.contains("--json and --csv cannot be used together"))
    }
}
