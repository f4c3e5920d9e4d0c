import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Path segments are percent-decoded: a project or milestone id that `herald check` accepts, `ünï` say, is reached
/// at its percent-encoded address.
@Suite struct PathDecodingTests {
    /// Records the updates asked for and changes nothing.
    final class RecordingActions: ServerActions {
        let updates = Mutex<[MilestoneKey]>([])

        func update(
            _ key: MilestoneKey, with update: MilestoneUpdate, source: String
        ) async throws -> MilestoneChange? {
            updates.withLock { $0.append(key) }
            return nil
        }

        func snooze(
            _ key: MilestoneKey, until date: CivilDate, by person: String, note: String?
        ) async throws -> Snooze {
            throw ServerActionError.invalid("not in this test")
        }

        func answer(
            _ escalationID: String, with update: MilestoneUpdate, acknowledger: String, source: String
        ) async throws -> EscalationAnswer {
            throw ServerActionError.invalid("not in this test")
        }
    }

    /// The fixture with project `prøjekt` holding milestone `ünï`.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let unicode = Project(
            id: "prøjekt", name: "Ünïcode", milestones: [Milestone(
                projectID: "prøjekt", id: "ünï", title: "Ünï", owner: "alice", due: CivilDate(iso: "2026-12-18")!
            )],
            sourceFile: "prøjekt.yaml"
        )
        _ = try fixture.store.apply(
            projects: fixture.configuration.projects + [unicode], source: { "file:\($0.id).yaml" }, at: fixture.now
        )
        return fixture
    }

    @Test(arguments: ["/api/v1/projects/pr%C3%B8jekt", "/api/v1/projects/pr%c3%b8jekt"])
    func aPercentEncodedProjectIdIsFound(uri: String) async throws {
        try await Self.fixture().test { client in
            try await client.execute(uri: uri, method: .get, headers: authorized) { response in
                #expect(response.status == .ok)
                let project = try #require(json(response) as? [String: Any])
                #expect(project["id"] as? String == "prøjekt")
            }
        }
    }

    @Test func aPercentEncodedMilestoneIdIsPatched() async throws {
        let fixture = try Self.fixture()
        let actions = RecordingActions()
        try await fixture.test(configuration: fixture.configuration, actions: actions) { client in
            try await client.execute(
                uri: "/api/v1/projects/pr%C3%B8jekt/milestones/%C3%BCn%C3%AF", method: .patch, headers: authorized,
                body: body(#"{"note": "found"}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect((json(response) as? [String: Any])?["id"] as? String == "ünï")
            }
            try await client.execute(
                uri: "/api/v1/projects/pr%C3%B8jekt/milestones/%FF", method: .patch, headers: authorized,
                body: body(#"{"note": "x"}"#)
            ) { #expect($0.status == .notFound, "escapes that are not UTF-8 name nothing") }
        }
        #expect(actions.updates.withLock { $0 } == [MilestoneKey(projectID: "prøjekt", milestoneID: "ünï")])
    }
}
