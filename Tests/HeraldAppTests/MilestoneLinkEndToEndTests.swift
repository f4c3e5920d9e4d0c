import Foundation
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Testing

/// With `server.public_url`, the daemon's messages about one milestone carry a signed link to that milestone's page
/// on its own server, and the link opens it.
@Suite(.serialized) struct MilestoneLinkEndToEndTests {
    @Test func theNoticeLinksToThePageOfItsMilestone() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let port = try FreePort.onLoopback()
        let base = "http://127.0.0.1:\(port)"
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: EscalationEndToEndTests.milestones,
            extraRules: EscalationEndToEndTests.escalation + """

                server: { listen: "127.0.0.1:\(port)", api_token: s3cret, public_url: "\(base)/" }
                """
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await EscalationEndToEndTests().withDaemon(fixture, clock: clock) { _ in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            let body = try #require(JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
            let url = try #require((body["data"] as? [String: Any])?["milestone_url"] as? String)
            #expect(url.hasPrefix("\(base)/milestones/"))
            #expect(url.contains("/build?token="))

            var page = await AckLinkEndToEndTests.request(url)
            for _ in 0..<50 where page == nil {
                try await Task.sleep(for: .milliseconds(100))
                page = await AckLinkEndToEndTests.request(url)
            }
            #expect(page?.0 == 200)
            #expect(page?.1.contains("<h1>Build complete · ") == true)
            #expect(page?.1.contains("1 business day overdue") == true)
            #expect(await AckLinkEndToEndTests.request(String(url.dropLast()))?.0 == 404, "a cut token opens nothing")
        }
    }
}
