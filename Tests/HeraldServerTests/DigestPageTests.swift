import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /digests/{name}/{time}`: the stored report of that run as a private HTML page, for the signed token of that
/// run's link or a dashboard session; anything else is the same 404 page.
@Suite struct DigestPageTests {
    /// The fixture with one sent run of `weekly` at 2026-12-04 09:00 London (09:00Z) whose report links to itself.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let at = ServerFixture.at("2026-12-04", 9)
        let report = DigestReport(
            name: "weekly", at: at, since: nil, late: false,
            headline: DigestHeadline(status: .red, rule: "overdue", trend: .first, reason: "Design sign-off is late"),
            projects: [DigestProjectStatus(
                project: ProjectRef(id: "apollo", name: "Apollo <core>"), status: .red, reason: "1 overdue"
            )],
            link: "https://herald.example.com/digests/weekly/2026-12-04T09:00:00Z", timeZone: "Europe/London"
        )
        try fixture.store.commit(
            digestRun: DigestRun(
                digest: "weekly", period: "2026-W49", scheduledAt: at, runAt: at, report: report, sent: true,
                late: false
            ),
            messages: []
        )
        return fixture
    }

    static let key = ServerKey(bytes: [UInt8](repeating: 7, count: 32))!
    static let at = ServerFixture.at("2026-12-04", 9)

    /// The token of the link to digest `name`'s run at `at`, valid for a day from it.
    static func token(
        _ name: String = "weekly", at: Date = at, expires: Date = at.addingTimeInterval(86_400), key: ServerKey = key
    ) -> String {
        DigestToken(name: name, at: at, expires: expires).signed(with: key)
    }

    static func test(
        _ fixture: ServerFixture, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await fixture.test(configuration: fixture.configuration, serverKey: key, body)
    }

    @Test func theRunIsAPrivateHTMLPage() async throws {
        let fixture = try Self.fixture()
        try await Self.test(fixture) { client in
            for path in ["/digests/weekly/2026-12-04T09:00:00Z", "/digests/weekly/2026-12-04T09%3A00%3A00Z"] {
                let uri = path + "?token=" + Self.token()
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(response.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex")
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
                    let page = String(buffer: response.body)
                    #expect(page.hasPrefix("<!DOCTYPE html>"))
                    #expect(page.contains("Digest weekly · Fri 4 Dec"))
                    #expect(page.contains("Apollo &lt;core&gt;"))
                    #expect(page.contains("Design sign-off is late"))
                    #expect(!page.contains("herald.example.com"), "the page does not link to itself")
                }
            }
        }
    }

    @Test(arguments: [
        "/digests/weekly/2026-12-04T09:00:00Z",
        "/digests/weekly/2026-12-04T09:00:00Z?token=",
        "/digests/weekly/2026-12-04T09:00:00Z?token=garbage",
        "/digests/weekly/2026-12-04T09:00:00Z?token=" + token(at: at.addingTimeInterval(3600)),
        "/digests/weekly/2026-12-04T09:00:00Z?token=" + token("daily"),
        "/digests/weekly/2026-12-04T09:00:00Z?token=" + token(key: ServerKey(bytes: [UInt8](repeating: 8, count: 32))!),
        "/digests/weekly/2026-12-04T09:00:00Z?token="
            + AckToken(escalationID: "esc_1", recipient: .person("alice"), expires: at.addingTimeInterval(60))
            .signed(with: key),
        "/digests/daily/2026-12-04T09:00:00Z?token=" + token(),
        "/digests/weekly/2026-12-04T10:00:00Z?token=" + token(at: at.addingTimeInterval(3600)),
        "/digests/weekly/last-friday?token=" + token(),
    ])
    func aMissingWrongOrForeignTokenOrAnUnknownRunIsTheSame404(uri: String) async throws {
        try await Self.test(try Self.fixture()) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains("This digest link is not valid."))
                #expect(!String(buffer: response.body).contains("Apollo"))
            }
        }
    }

    @Test func anExpiredTokenIs410() async throws {
        let uri = "/digests/weekly/2026-12-04T09:00:00Z?token=" + Self.token(expires: Self.at)
        try await Self.test(try Self.fixture()) { client in
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .gone) }
        }
    }

    @Test func aDashboardSessionOpensThePageWithoutAToken() async throws {
        try await Self.test(try Self.fixture()) { client in
            let session = try await DashboardTests.logIn(client)
            try await client.execute(uri: "/digests/weekly/2026-12-04T09:00:00Z", method: .get, headers: session) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains("Design sign-off is late"))
            }
        }
    }
}
