import Foundation
import HeraldCore
@testable import HeraldServer
import HeraldStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The dashboard at `/`: a login form sets a signed session cookie, the page shows projects, escalations and the
/// communication flow with its filters, every value escaped, and every error is an HTML page.
@Suite struct DashboardTests {
    /// The server fixture plus a second project `zeus` whose names are markup, and a second channel `ops` where,
    /// an hour after the fixture's escalation, a reminder about `zeus/pilot` is held for quiet hours and another
    /// was suppressed by a snooze.
    struct ZeusFixture {
        let server: ServerFixture
        let configuration: Configuration

        init() throws {
            server = try ServerFixture()
            let zeus = Project(
                id: "zeus", name: "Zeus <b>rollout</b>", milestones: [Milestone(
                    projectID: "zeus", id: "pilot", title: "<script>alert(\"x\")</script>", owner: "bob",
                    due: CivilDate(iso: "2026-12-18")!, status: .planned
                )],
                sourceFile: "zeus.yaml"
            )
            _ = try server.store.apply(
                projects: server.configuration.projects + [zeus], source: { "file:\($0.id).yaml" }, at: server.now
            )
            let later = ServerFixture.at("2026-12-04", 10)
            let held = OutgoingMessage(
                id: "msg_held", createdAt: later, kind: .reminder, rule: "due-soon",
                project: ProjectRef(id: "zeus", name: "Zeus"),
                milestones: [MilestoneRef(id: "pilot", title: "Pilot", due: zeus.milestones[0].due, status: .planned,
                                          owner: "bob")],
                channel: "ops", recipients: ["bob"], mentions: [], text: "Pilot is due soon.",
                heldUntil: ServerFixture.at("2026-12-07", 8), holdReason: "quiet hours for bob until Mon 7 Dec 08:00"
            )
            let snoozed = Suppression(
                at: later, day: CivilDate(iso: "2026-12-04")!, kind: .reminder, rule: "due-soon", projectID: "zeus",
                milestoneID: "pilot", recipients: ["bob"], channels: ["ops"], reasonCode: "snoozed",
                reason: "snoozed until Fri 11 Dec (by bob: on leave)"
            )
            try server.store.commit(ruleStates: [], messages: [held], suppressions: [snoozed], at: later)
            var configuration = server.configuration
            configuration.channels["ops"] = Channel(name: "ops", kind: .console)
            configuration.people["bob"] = Person(key: "bob", name: "Bob Stone", channel: "ops")
            self.configuration = configuration
        }

        func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
            try await server.test(configuration: configuration, body)
        }
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Logs in through `POST /login` and returns the `Cookie` header that carries the session.
    static func logIn(_ client: some TestClientProtocol) async throws -> HTTPFields {
        try await client.execute(uri: "/login", method: .post, headers: form, body: body("token=s3cret")) { response in
            let cookie = try #require(response.headers[.setCookie])
            return [.cookie: String(cookie.prefix { $0 != ";" })]
        }
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    @Test func withoutASessionTheLoginFormIsShown() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = Self.text(response)
                #expect(page.contains("<form method=\"post\" action=\"/login\">"))
                #expect(page.contains("<input type=\"password\" id=\"token\" name=\"token\""))
                #expect(!page.contains("Apollo"), "nothing of the dashboard before logging in")
            }
        }
    }

    @Test(arguments: ["token=s3cre", "token=s3cret%21", "token=", "", "password=s3cret"])
    func aWrongOrMissingTokenIs401WithoutACookie(form: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: body(form)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(Self.text(response).contains("<p class=\"error\" id=\"login-error\">Wrong API token.</p>"))
                #expect(Self.text(response).contains("action=\"/login\""))
            }
        }
    }

    @Test func tenWrongTokensInAMinuteRefuseEveryLoginFor429WithRetryAfter() async throws {
        try await ServerFixture().test { client in
            for _ in 0..<10 {
                try await client.execute(uri: "/login", method: .post, headers: Self.form, body: body("token=guess")) {
                    #expect($0.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: body("token=s3cret")) {
                #expect($0.status == .tooManyRequests, "even the right token waits")
                #expect($0.headers[.retryAfter] == "60")
                #expect($0.headers[.setCookie] == nil)
                #expect(Self.text($0).contains("Too many wrong tokens: try again in 60 s."))
            }
        }
    }

    @Test func theThrottleForgetsWrongTokensAfterItsWindow() {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        throttle.recordFailure(for: "192.0.2.1", now: start)
        #expect(throttle.retryAfter(for: "192.0.2.1", now: start) == nil)
        throttle.recordFailure(for: "192.0.2.1", now: start.addingTimeInterval(10))
        #expect(throttle.retryAfter(for: "192.0.2.1", now: start.addingTimeInterval(10)) == 50)
        #expect(throttle.retryAfter(for: "192.0.2.1", now: start.addingTimeInterval(59.5)) == 1)
        #expect(throttle.retryAfter(for: "192.0.2.1", now: start.addingTimeInterval(60)) == nil, "the first aged out")
    }

    @Test func theThrottleCountsEachClientAddressOnItsOwn() {
        let throttle = LoginThrottle(limit: 10, window: 60)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<10 { throttle.recordFailure(for: "203.0.113.9", now: now) }
        #expect(throttle.retryAfter(for: "203.0.113.9", now: now) == 60, "the guesser waits")
        #expect(throttle.retryAfter(for: "192.0.2.1", now: now) == nil, "everyone else may still log in")
    }

    @Test func anOversizedLoginFormIs413() async throws {
        try await ServerFixture().test { client in
            let huge = body("token=" + String(repeating: "a", count: 5000))
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: huge) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.setCookie] == nil)
                #expect(Self.text(response).contains("the login form is larger than 4096 bytes"))
            }
        }
    }

    @Test func theRightTokenSetsAStrictHttpOnlyCookieThatIsNotTheToken() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: body("token=s3cret")) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("herald_session="))
                #expect(!cookie.contains("s3cret"))
                for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
                    #expect(cookie.contains(attribute), "\(attribute)")
                }
                #expect(!cookie.contains("Secure"), "public_url is not https")
            }
            let session = try await Self.logIn(client)
            try await client.execute(uri: "/", method: .get, headers: session) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.contains("<h3>Apollo <small>"))
                #expect(page.contains("Design sign-off"))
                #expect(page.contains("<span class=\"badge status-overdue\""))
                #expect(page.contains("<td class=\"late\">1 bd</td>"))
                #expect(!page.contains("action=\"/login\""))
            }
        }
    }

    @Test func theCookieIsSecureWhenThePublicURLIsHTTPS() async throws {
        var configuration = try ServerFixture().configuration
        configuration.server?.publicURL = "https://herald.example.com"
        try await ServerFixture().test(configuration: configuration) { client in
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: body("token=s3cret")) {
                response in
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
    }

    @Test func logoutClearsTheCookieAndRevokesTheSession() async throws {
        try await ServerFixture().test { client in
            let session = try await Self.logIn(client)
            let other = try await Self.logIn(client)
            try await client.execute(uri: "/logout", method: .post, headers: session) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("herald_session=;"))
                #expect(cookie.contains("Max-Age=0"))
            }
            try await client.execute(uri: "/", method: .get, headers: session) { response in
                #expect(Self.text(response).contains("action=\"/login\""), "a copy of the cookie opens nothing")
            }
            try await client.execute(uri: "/", method: .get, headers: other) { response in
                #expect(Self.text(response).contains("Design sign-off"), "another session stays open")
            }
        }
    }

    @Test func twoLoginsInTheSameSecondGetDifferentSessions() async throws {
        try await ServerFixture().test { client in
            let first = try await Self.logIn(client)
            let second = try await Self.logIn(client)
            #expect(first != second, "the fixture's clock does not move between them")
        }
    }

    @Test(arguments: [
        "herald_session=s3cret", "herald_session=", "herald_session=99999999999.AAAA", "other=1",
    ])
    func aForgedCookieGetsTheLoginForm(cookie: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("action=\"/login\""))
            }
        }
    }

    @Test func aSessionExpiresAndDiesWithItsToken() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let store = try HeraldStore.inMemory()
        let session = DashboardSession(token: "s3cret", store: store)
        let value = try session.open(now: now, secure: false).value
        #expect(try session.isOpen(value, now: now.addingTimeInterval(43_199)))
        #expect(try !session.isOpen(value, now: now.addingTimeInterval(43_200)), "expired")
        #expect(try !DashboardSession(token: "rotated", store: store).isOpen(value, now: now), "another token")
        let id = try #require(value.split(separator: ".").first)
        #expect(try !session.isOpen(String(id) + ".AAAA", now: now), "a forged signature")
    }

    @Test func withoutAnAPITokenTheDashboardIsDisabled() async throws {
        var configuration = try ServerFixture().configuration
        configuration.server = ServerSettings(listen: "127.0.0.1:0")
        try await ServerFixture().test(configuration: configuration) { client in
            for (uri, method) in [("/", HTTPRequest.Method.get), ("/login", .post)] {
                try await client.execute(uri: uri, method: method, headers: Self.form, body: body("token=")) {
                    response in
                    #expect(response.status == .forbidden, "\(uri)")
                    #expect(response.headers[.setCookie] == nil)
                    #expect(Self.text(response).contains("The dashboard is disabled"))
                }
            }
        }
    }

    @Test func theDashboardShowsEscalationsAndTheFlow() async throws {
        let fixture = try ZeusFixture()
        let escalation = try #require(try fixture.server.store.escalations().first)
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: try await Self.logIn(client)) { response in
                let page = Self.text(response)
                #expect(page.contains("<tr class=\"escalation\" id=\"\(escalation.id)\">"))
                #expect(page.contains("<td>level 1 of 1</td>"))
                #expect(page.contains("awaiting acknowledgement"))
                #expect(page.contains("<td>0m</td>"), "opened at the fixture's now")
                #expect(page.contains("<li class=\"s-pending\">"))
                #expect(page.contains("#eng → Alice ·"), "by name, not by mention")
                #expect(page.contains("#ops → Bob Stone ·"))
                #expect(page.contains("level 1 of 1 · \(escalation.id)"))
            }
        }
    }

    @Test func heldAndSuppressedMessagesShowTheirReasonsNewestFirstAHeldOneAtItsRelease() async throws {
        let fixture = try ZeusFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: try await Self.logIn(client)) { response in
                let page = Self.text(response)
                #expect(page.contains(
                    "<div class=\"state\">held until 2026-12-07 08:00 (quiet hours for bob until Mon 7 Dec 08:00), "
                        + "decided 2026-12-04 10:00</div>"
                ))
                #expect(page.contains(
                    "<div class=\"state\">suppressed (snoozed until Fri 11 Dec (by bob: on leave))</div>"
                ))
                // The held message stands at its release, Mon 7 Dec 08:00, after the others.
                let order = ["held", "suppressed", "pending"]
                    .compactMap { page.range(of: "<li class=\"s-\($0)\">")?.lowerBound }
                #expect(order.count == 3 && order == order.sorted(), "newest first")
            }
        }
    }

    @Test func aChatCommandReadsAsTheCommandAndHeraldsAnswer() async throws {
        let fixture = try ZeusFixture()
        try fixture.server.store.record(chat: ChatExchange(
            at: ServerFixture.at("2026-12-04", 11), platform: "slack", userID: "U024BE7LH", person: "alice",
            channel: "eng", text: "done apollo/<design>", answer: "Design sign-off is done & announced.",
            outcome: .applied, projectID: "apollo", milestoneID: "design"
        ))
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: try await Self.logIn(client)) { response in
                let page = Self.text(response)
                #expect(page.contains(
                    "<li class=\"s-inbound\"><div class=\"meta\">2026-12-04 11:00 · Alice on slack #eng · "
                        + "apollo/design</div><div class=\"text\">/herald done apollo/&lt;design&gt;</div>"
                        + "<div class=\"reply\"><span class=\"meta\">Herald · applied</span>"
                        + "<div class=\"text\">Design sign-off is done &amp; announced.</div></div></li>"
                ))
                let order = ["inbound", "suppressed"]
                    .compactMap { page.range(of: "<li class=\"s-\($0)\">")?.lowerBound }
                #expect(order.count == 2 && order == order.sorted(), "newest first")
            }
        }
    }

    @Test func everyValueIsEscaped() async throws {
        let fixture = try ZeusFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: try await Self.logIn(client)) { response in
                let page = Self.text(response)
                #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
                #expect(page.contains("Zeus &lt;b&gt;rollout&lt;/b&gt;"))
                #expect(!page.contains("<script"))
                #expect(!page.contains("<b>"))
            }
        }
    }

    @Test(arguments: [
        ("/", 3),
        ("/?project=&milestone=&channel=&state=", 3),
        ("/?project=apollo", 1),
        ("/?project=zeus", 2),
        ("/?milestone=design", 1),
        ("/?project=zeus&milestone=pilot", 2),
        ("/?channel=eng", 1),
        ("/?channel=ops", 2),
        ("/?state=pending", 1),
        ("/?state=held", 1),
        ("/?state=suppressed", 1),
        ("/?state=delivered", 0),
        ("/?project=apollo&milestone=design&channel=eng&state=pending", 1),
        ("/?project=apollo&state=suppressed", 0),
        ("/?person=alice", 1),
        ("/?person=bob", 2),
        ("/?person=bob&state=held", 1),
    ])
    func theFlowFilters(uri: String, count: Int) async throws {
        let fixture = try ZeusFixture()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get, headers: try await Self.logIn(client)) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.components(separatedBy: "<li class=\"s-").count - 1 == count)
                #expect(page.contains("<li class=\"empty\">") == (count == 0))
            }
        }
    }

    @Test func theFormKeepsTheChosenFilters() async throws {
        let fixture = try ZeusFixture()
        try await fixture.test { client in
            try await client.execute(
                uri: "/?project=apollo&state=pending", method: .get, headers: try await Self.logIn(client)
            ) { response in
                let page = Self.text(response)
                #expect(page.contains("<option value=\"apollo\" selected>Apollo</option>"))
                #expect(page.contains("<option value=\"pending\" selected>pending</option>"))
                #expect(page.contains("<option value=\"zeus\">"))
                #expect(page.contains("<option value=\"bob\">Bob Stone</option>"))
                #expect(page.contains("(filtered)"))
            }
        }
    }

    @Test(arguments: [
        ("/?state=lost", "query parameter &#39;state&#39;: unknown state &#39;lost&#39;"),
        ("/?project=nope", "query parameter &#39;project&#39;: unknown project &#39;nope&#39;"),
        ("/?milestone=nope", "query parameter &#39;milestone&#39;: unknown milestone &#39;nope&#39;"),
        ("/?project=zeus&milestone=design",
         "query parameter &#39;milestone&#39;: unknown milestone &#39;design&#39; in project &#39;zeus&#39;"),
        ("/?channel=%3Cb%3E", "query parameter &#39;channel&#39;: unknown channel &#39;&lt;b&gt;&#39;"),
        ("/?rule=overdue", "unknown query parameter &#39;rule&#39;"),
        ("/?person=zed", "query parameter &#39;person&#39;: unknown person &#39;zed&#39;"),
        ("/?project=apollo&project=zeus", "query parameter &#39;project&#39; given twice"),
    ])
    func badFilterValuesAre400PagesNamingTheParameter(uri: String, expected: String) async throws {
        let fixture = try ZeusFixture()
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get, headers: try await Self.logIn(client)) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.text(response).contains(expected))
            }
        }
    }
}
