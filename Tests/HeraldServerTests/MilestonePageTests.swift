import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /milestones/{project}/{milestone}`: one milestone as a private, read-only HTML page in words, for the signed
/// token of its link or a dashboard session; anything else is the same 404 page, an expired link a 410.
@Suite struct MilestonePageTests {
    static let key = ServerKey(bytes: [UInt8](repeating: 7, count: 32))!
    static let now = ServerFixture.at("2026-12-04", 9)
    static let hostile = "<script>alert(1)</script> & \"sign-off\""

    /// The server fixture (`design` overdue and escalated to Alice), after `apollo.yaml` renamed `design` to a
    /// hostile title, gave it deliverables and added `go-live`, which depends on it.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let design = Milestone(
            projectID: "apollo", id: "design", title: hostile, owner: "alice", due: CivilDate(iso: "2026-12-03")!,
            baseline: CivilDate(iso: "2026-11-27")!, status: .inProgress, deliverables: ["Design <doc>"]
        )
        let goLive = Milestone(
            projectID: "apollo", id: "go-live", title: "Go-live", owner: "alice", due: CivilDate(iso: "2026-12-18")!,
            dependsOn: ["design"]
        )
        let project = Project(
            id: "apollo", name: "Apollo", manager: "bob", channel: "eng", milestones: [design, goLive],
            sourceFile: "apollo.yaml"
        )
        _ = try fixture.store.apply(
            projects: [project], source: { "file:\($0.id).yaml" }, at: ServerFixture.at("2026-12-02", 9)
        )
        return fixture
    }

    /// The token of the link to `project/milestone`, valid for a day from ``now``.
    static func token(
        _ milestone: String = "design", project: String = "apollo", expires: Date = now.addingTimeInterval(86_400),
        key: ServerKey = key
    ) -> String {
        MilestoneToken(key: MilestoneKey(projectID: project, milestoneID: milestone), expires: expires)
            .signed(with: key)
    }

    static func test(
        _ fixture: ServerFixture, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await fixture.test(configuration: fixture.configuration, serverKey: key, body)
    }

    @Test func theMilestoneIsAPrivatePageInWords() async throws {
        try await Self.test(try Self.fixture()) { client in
            try await client.execute(uri: "/milestones/apollo/design?token=" + Self.token(), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex")
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
                let page = String(buffer: response.body)
                #expect(!page.contains("<script>"), "the hostile title is escaped")
                let title = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;sign-off&quot; · Apollo"
                #expect(page.contains("<h1>\(title)</h1>"))
                #expect(page.contains("<tr><th>Due</th><td>Thu 3 Dec, 1 business day overdue</td></tr>"))
                #expect(page.contains("<tr><th>Baseline</th><td>Fri 27 Nov, slipped 4 business days</td></tr>"))
                #expect(page.contains("<tr><th>Status</th><td>in progress</td></tr>"))
                #expect(page.contains("<tr><th>Owner</th><td>Alice</td></tr>"))
                #expect(page.contains("<li>Design &lt;doc&gt;</li>"))
                #expect(page.contains("On the critical path"))
                #expect(page.contains("<li>Go-live · Apollo, due Fri 18 Dec, planned (critical path)</li>"))
                #expect(page.contains("Level 1 of 1; told Alice. Awaiting acknowledgement."))
                #expect(page.contains("<td>title</td><td>Design sign-off → &lt;script&gt;"))
                #expect(page.contains("<td>deliverables</td><td>none → Design &lt;doc&gt;</td>"))
                #expect(page.contains("<td>2026-12-01 09:00</td><td>added</td><td>due Thu 3 Dec</td>"
                    + "<td>Added in apollo.yaml.</td>"))
                #expect(page.contains("<td>Changed in apollo.yaml.</td>"))
                #expect(!page.contains("none → Alice"), "the creation is one line")
                #expect(!page.contains("overdue</code>") && !page.contains("days_overdue"), "no rule shown")
            }
        }
    }

    @Test(arguments: [
        "/milestones/apollo/design",
        "/milestones/apollo/design?token=",
        "/milestones/apollo/design?token=garbage",
        "/milestones/apollo/design?token=" + token("go-live"),
        "/milestones/apollo/design?token=" + token(project: "hermes"),
        "/milestones/apollo/design?token=" + token(key: ServerKey(bytes: [UInt8](repeating: 8, count: 32))!),
        "/milestones/apollo/design?token="
            + DigestToken(name: "weekly", at: now, expires: now.addingTimeInterval(60)).signed(with: key),
        "/milestones/apollo/missing?token=" + token("missing"),
    ])
    func aMissingWrongOrForeignTokenOrAnUnknownMilestoneIsTheSame404(uri: String) async throws {
        try await Self.test(try Self.fixture()) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains("This milestone link is not valid."))
                #expect(!String(buffer: response.body).contains("Apollo"))
            }
        }
    }

    @Test func anExpiredTokenIs410() async throws {
        let uri = "/milestones/apollo/design?token=" + Self.token(expires: Self.now)
        try await Self.test(try Self.fixture()) { client in
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .gone) }
        }
    }

    @Test func aDashboardSessionOpensThePageWithoutAToken() async throws {
        try await Self.test(try Self.fixture()) { client in
            let session = try await DashboardTests.logIn(client)
            try await client.execute(uri: "/milestones/apollo/go-live", method: .get, headers: session) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains("<h1>Go-live · Apollo</h1>"))
            }
        }
    }
}
