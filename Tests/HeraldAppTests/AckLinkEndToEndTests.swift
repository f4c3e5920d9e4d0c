import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// With `server.public_url`, the daemon's escalation notices carry a signed link to its own server; opening it
/// changes nothing, its form acknowledges, and the ladder stops. The server key lives in the state directory.
@Suite(.serialized) struct AckLinkEndToEndTests {
    /// `method` `url` with `body`; nil while nothing listens.
    static func request(_ url: String, method: String = "GET", body: String? = nil) async -> (Int, String)? {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              let http = response as? HTTPURLResponse
        else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func theLinkInTheNoticeAcknowledgesAndStopsTheLadder() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let port = try FreePort.onLoopback()
        let base = "http://127.0.0.1:\(port)"
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: EscalationEndToEndTests.milestones,
            extraRules: EscalationEndToEndTests.escalation + """

                server: { listen: "127.0.0.1:\(port)", api_token: s3cret, public_url: "\(base)/", ack_link_ttl: 2d }
                """
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await EscalationEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            let body = try #require(JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
            let escalation = try #require((body["data"] as? [String: Any])?["escalation"] as? [String: Any])
            let url = try #require(escalation["ack_url"] as? String)
            #expect(url.hasPrefix("\(base)/ack/"))

            let keyFile = fixture.directory.path + "/state/server.key"
            let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect((attributes[.size] as? NSNumber)?.intValue == 32)

            var page = await Self.request(url)
            for _ in 0..<50 where page == nil {
                try await Task.sleep(for: .milliseconds(100))
                page = await Self.request(url)
            }
            #expect(page?.0 == 200)
            #expect(page?.1.contains("Acknowledge as Alice Ng") == true)
            #expect(try runtime.store.escalations(states: [.open]).count == 1, "opening the link changes nothing")

            let done = await Self.request(url, method: "POST", body: "note=fixing+it")
            #expect(done?.0 == 200)
            #expect(done?.1.contains("<h1>Acknowledged</h1>") == true)
            let record = try #require(try runtime.store.escalations().first)
            #expect(record.acknowledgement?.by == "alice" && record.acknowledgement?.note == "fixing it")

            #expect(await EscalationEndToEndTests.allDelivered(runtime))
            clock.set(AppFixture.at("2026-12-07", 10))
            try await Task.sleep(for: .milliseconds(500))
            #expect(receiver.requests.count == 1,
                    "no level 2 after the link's acknowledgement, and no resolved to alice, who acknowledged")
            #expect(await Self.request(url)?.0 == 410, "the link expired after 2 days")
        }
    }

    @Test func aNewDateFromTheLinkAcknowledgesMovesTheMilestoneAndIsAnnounced() async throws {
        let receiver = try TestHTTPReceiver()
        defer { receiver.stop() }
        let port = try FreePort.onLoopback()
        let base = "http://127.0.0.1:\(port)"
        let fixture = try AppFixture(
            receiverURL: receiver.url, milestones: EscalationEndToEndTests.milestones,
            extraRules: """
                  - name: moved
                    on: due_changed
                    when: "true"
                    notify: [manager]
                """ + "\n" + EscalationEndToEndTests.escalation + """

                server: { listen: "127.0.0.1:\(port)", api_token: s3cret, public_url: "\(base)/" }
                """
        )
        defer { fixture.directory.remove() }
        let clock = TestClock(AppFixture.at("2026-12-04", 10))
        try await EscalationEndToEndTests().withDaemon(fixture, clock: clock) { runtime in
            let first = try #require(await receiver.waitForRequests(count: 1).first)
            let body = try #require(JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
            let escalation = try #require((body["data"] as? [String: Any])?["escalation"] as? [String: Any])
            let url = try #require(escalation["ack_url"] as? String)
            var page = await Self.request(url)
            for _ in 0..<50 where page == nil {
                try await Task.sleep(for: .milliseconds(100))
                page = await Self.request(url)
            }
            let refused = await Self.request(url, method: "POST", body: "answer=new_date&due=2026-12-02")
            #expect(refused?.0 == 400)
            #expect(refused?.1.contains("the new date, Wed 2 Dec, has passed") == true)
            #expect(try runtime.store.escalations(states: [.open]).count == 1, "a refused answer changes nothing")

            let moved = await Self.request(url, method: "POST", body: "answer=new_date&due=2026-12-10&note=vendor+late")
            #expect(moved?.0 == 200)
            #expect(moved?.1.contains("<h1>Acknowledged, with a new date</h1>") == true)
            let record = try #require(try runtime.store.escalations().first)
            #expect(record.acknowledgement?.by == "alice" && record.acknowledgement?.note == "vendor late")
            let build = try runtime.store.trackedMilestones().first { $0.milestone.id == "build" }?.milestone
            #expect(build?.due == CivilDate(iso: "2026-12-10"))

            let announcement = try #require(await receiver.waitForRequests(count: 2).last)
            let data = try #require(
                (JSONSerialization.jsonObject(with: Data(announcement.body)) as? [String: Any])?["data"]
                    as? [String: Any]
            )
            #expect(data["kind"] as? String == "announcement")
            #expect(data["actor"] as? String == "alice", "the data keeps the person key")
            let text = try #require(data["text"] as? String)
            #expect(text.contains("due Thu 3 Dec → Thu 10 Dec"), "\(text)")
            #expect(text.hasSuffix("Changed by Alice Ng. Note: vendor late"), "\(text)")
        }
    }

    @Test func theKeyIsMadeOnceAndKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let state = directory.path + "/state"
        let key = try ServerKeyFile.load(stateDirectory: state)
        let token = AckToken(escalationID: "esc_1", recipient: .person("alice"), expires: .distantFuture)
        let again = try ServerKeyFile.load(stateDirectory: state)
        #expect(AckToken.verify(token.signed(with: key), key: again, now: Date()) == .valid(token))
        #expect(try FileManager.default.contentsOfDirectory(atPath: state) == ["server.key"], "no leftovers")
        #expect("\(key)" == "ServerKey(redacted)")

        try directory.write("state/server.key", "short")
        #expect(throws: ServerKeyFile.Failure.self) { try ServerKeyFile.load(stateDirectory: state) }
    }

    @Test func theKeyAndItsDirectoryAreTheOwnersOnlyAndLooserModesAreTightened() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let state = directory.path + "/state"
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
        }
        let key = try ServerKeyFile.load(stateDirectory: state)
        #expect(try mode(state) == 0o700)
        #expect(try mode(state + "/server.key") == 0o600)

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: state)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: state + "/server.key")
        let again = try ServerKeyFile.load(stateDirectory: state)
        let token = AckToken(escalationID: "esc_1", recipient: .person("alice"), expires: .distantFuture)
        #expect(AckToken.verify(token.signed(with: key), key: again, now: Date()) == .valid(token), "the same key")
        #expect(try mode(state) == 0o700)
        #expect(try mode(state + "/server.key") == 0o600)
    }

    @Test func calendarURLPrintsTheSubscribeAddress() throws {
        let fixture = try AppFixture(
            receiverURL: "http://127.0.0.1:9/", milestones: "  - { id: design, owner: alice, due: 2026-12-04 }",
            extraRules: "server: { listen: 127.0.0.1:9470, public_url: \"https://herald.example\" }"
        )
        defer { fixture.directory.remove() }
        let configuration = try ConfigLoader.load(path: fixture.configPath, environment: fixture.environment)
        let key = try ServerKeyFile.load(stateDirectory: configuration.stateDirectory)
        let all = try CalendarSubscription.url(configuration: configuration, project: nil)
        #expect(all == "https://herald.example/calendar.ics?key=" + CalendarLink.key(for: .all, with: key))
        let apollo = try CalendarSubscription.url(configuration: configuration, project: "apollo")
        #expect(apollo == CalendarLink.url(publicURL: "https://herald.example", scope: .project("apollo"), with: key))
        #expect(throws: CalendarSubscription.Failure.self) {
            try CalendarSubscription.url(configuration: configuration, project: "zeus")
        }
        let printed = try HeraldExecutable.run(
            ["calendar-url", "apollo", "--config", fixture.configPath], environment: fixture.environment,
            includingErrors: true
        )
        #expect(printed.status == 0)
        #expect(printed.output == apollo + "\n")
    }
}
