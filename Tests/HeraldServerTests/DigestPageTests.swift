import Foundation
import HeraldCore
import HeraldStore
import HummingbirdTesting
import Testing

/// `GET /digests/{name}/{time}`: the stored report of that run as an HTML page, without a token.
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

    @Test func theRunIsAnHTMLPage() async throws {
        try await Self.fixture().test { client in
            for uri in ["/digests/weekly/2026-12-04T09:00:00Z", "/digests/weekly/2026-12-04T09%3A00%3A00Z"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
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
        ("/digests/weekly/2026-12-04T10:00:00Z", 404, "digest 'weekly' has no run at 2026-12-04T10:00:00Z"),
        ("/digests/daily/2026-12-04T09:00:00Z", 404, "digest 'daily' has no run at 2026-12-04T09:00:00Z"),
        ("/digests/weekly/last-friday", 400, "'last-friday' is not a date-time like 2026-11-30T09:00:00Z"),
    ])
    func anUnknownRunIs404AndABadTime400(uri: String, status: Int, expected: String) async throws {
        try await Self.fixture().test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status)
                #expect(errorText(response) == expected)
            }
        }
    }
}
