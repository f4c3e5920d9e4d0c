import Foundation
import HeraldCore
import HeraldServer
import HeraldStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `GET` and `POST /ack/{token}`: the page of an escalation notice's link shows the escalation and never
/// acknowledges; the form's POST acknowledges as the link's recipient, once, and the ladder stops.
@Suite struct AckPageTests {
    static let key = ServerKey(bytes: Array(100..<132))!

    /// The routes over `fixture` at `now`, verifying with `key`.
    static func test(
        _ fixture: ServerFixture, key: ServerKey? = AckPageTests.key, now: Date? = nil,
        configuration: Configuration? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let now = now ?? fixture.now
        let configuration = configuration ?? fixture.configuration
        let router = ServerRouter(
            store: fixture.store, configuration: { configuration }, now: { now }, serverKey: { key },
            operations: TestOperations()
        ).build()
        try await Application(router: router).test(.router, body)
    }

    static func token(_ fixture: ServerFixture, to recipient: AckRecipient = .person("alice")) throws -> String {
        let id = try #require(try fixture.store.escalations().first?.id)
        return AckToken(escalationID: id, recipient: recipient, expires: fixture.now.addingTimeInterval(86_400))
            .signed(with: key)
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func theLinkOpensAPageWithItsThreeAnswersAndChangesNothing() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture)
        try await Self.test(fixture) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/ack/\(token)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
                    let page = Self.text(response)
                    #expect(page.components(separatedBy: "<form method=\"post\">").count == 2)
                    #expect(page.components(separatedBy: "<button").count == 4)
                    #expect(page.contains("Acknowledge as Alice"))
                    #expect(page.contains("<input type=\"date\" id=\"due\" name=\"due\" min=\"2026-12-04\">"))
                    #expect(page.contains("Acknowledge with this new date"))
                    #expect(page.contains("Mark Design sign-off done"))
                    #expect(page.contains("<td>Apollo</td>"))
                    #expect(page.contains("<td>Design sign-off, due Thu 3 Dec</td>"))
                    #expect(page.contains("<td>1 of 1</td>"))
                    #expect(page.contains("<td>open</td>"))
                    #expect(page.contains("Alice: level 1, Fri 4 Dec 09:00 on eng"))
                    #expect(!page.contains("<script") && !page.contains("http"), "self-contained")
                }
            }
        }
        #expect(try fixture.store.escalations().first?.state == .open, "a GET never acknowledges")
    }

    @Test func postingTheFormAcknowledgesAsTheLinksRecipientOnce() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture)
        let id = try #require(try fixture.store.escalations().first?.id)
        try await Self.test(fixture) { client in
            try await client.execute(
                uri: "/ack/\(token)", method: .post, headers: Self.form, body: ByteBuffer(string: "note=on+it%2C+today")
            ) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("<h1>Acknowledged</h1>"))
                #expect(Self.text(response).contains(
                    "acknowledged by alice on Fri 4 Dec 09:00 (&quot;on it, today&quot;)"
                ))
            }
            try await client.execute(
                uri: "/ack/\(token)", method: .post, headers: Self.form, body: ByteBuffer()
            ) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("<h1>Already closed</h1>"))
                #expect(Self.text(response).contains("already acknowledged by alice on Fri 4 Dec 09:00"))
            }
            try await client.execute(uri: "/ack/\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!Self.text(response).contains("<form"), "nothing left to do")
            }
        }
        let stored = try #require(try fixture.store.escalation(id: id))
        #expect(stored.acknowledgement == Acknowledgement(by: "alice", at: fixture.now, note: "on it, today"))
    }

    @Test func aLinkToAChannelAcknowledgesAsTheChannel() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture, to: .channel("eng"))
        try await Self.test(fixture) { client in
            try await client.execute(uri: "/ack/\(token)", method: .get) { response in
                #expect(Self.text(response).contains("Acknowledge as someone on #eng"))
            }
            try await client.execute(
                uri: "/ack/\(token)", method: .post, headers: Self.form, body: ByteBuffer()
            ) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try fixture.store.escalations().first?.acknowledgement?.by == "channel:eng")
    }

    @Test func anExpiredLinkIs410AndChangesNothing() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture)
        try await Self.test(fixture, now: fixture.now.addingTimeInterval(86_400)) { client in
            for method in [HTTPRequest.Method.get, .post] {
                try await client.execute(uri: "/ack/\(token)", method: method) { response in
                    #expect(response.status == .gone)
                    #expect(Self.text(response).contains("This link has expired"))
                    #expect(!Self.text(response).contains("esc_"), "nothing about the escalation")
                }
            }
        }
        #expect(try fixture.store.escalations().first?.state == .open)
    }

    static func badTokens() throws -> [String] {
        let fixture = try ServerFixture()
        let good = try token(fixture)
        let other = ServerKey(bytes: Array(repeating: 1, count: 32))!
        let forged = AckToken(
            escalationID: try fixture.store.escalations().first!.id, recipient: .person("alice"),
            expires: fixture.now.addingTimeInterval(86_400)
        ).signed(with: other)
        let unknown = AckToken(
            escalationID: "esc_nope", recipient: .person("alice"), expires: fixture.now.addingTimeInterval(86_400)
        ).signed(with: key)
        return [forged, unknown, "garbage", String(good.dropLast(2)), good.replacingOccurrences(of: ".", with: "")]
    }

    @Test(arguments: try badTokens())
    func aForgedGarbledOrUnknownLinkIs404AndChangesNothing(token: String) async throws {
        let fixture = try ServerFixture()
        try await Self.test(fixture) { client in
            for method in [HTTPRequest.Method.get, .post] {
                try await client.execute(uri: "/ack/\(token)", method: method) { response in
                    #expect(response.status == .notFound)
                    #expect(Self.text(response).contains("<h1>Unknown link</h1>"))
                }
            }
        }
        #expect(try fixture.store.escalations().first?.state == .open)
    }

    @Test func withoutAServerKeyEveryLinkIs404() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture)
        try await Self.test(fixture, key: nil) { client in
            try await client.execute(uri: "/ack/\(token)", method: .post) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(try fixture.store.escalations().first?.state == .open)
    }

    /// The whole way: the engine (public URL set) sends level 1 with a link; the link's form acknowledges; the next
    /// evaluation, when level 2 falls due, sends `resolved` to those told and no level 2.
    @Test func aLinkAcknowledgementStopsTheLadder() async throws {
        let store = try HeraldStore.inMemory()
        var configuration = try ServerFixture().configuration
        let policy = EscalationPolicy(name: "missed-deadline", levels: [
            .init(after: nil, notify: [.owner]), .init(after: .businessDays(1), notify: [.manager]),
        ])
        configuration.escalations = [policy.name: policy]
        configuration.people["bob"] = Person(key: "bob", name: "Bob", channel: "eng")
        configuration.server?.publicURL = "https://herald.example"
        let links = AckLinks(configuration: configuration, key: Self.key)
        let engine = RuleEngine(configuration: configuration, ackLinks: links)
        func evaluate(at now: Date) throws -> [OutgoingMessage] {
            let decisions = engine.evaluate(
                milestones: try store.trackedMilestones(), states: try store.ruleStates(),
                escalations: try store.currentEscalations(), now: now
            )
            try store.commit(
                ruleStates: decisions.ruleStates, messages: decisions.messages, escalations: decisions.escalations,
                at: now
            )
            return decisions.messages
        }
        _ = try store.apply(
            projects: configuration.projects, source: { "file:\($0.id).yaml" }, at: ServerFixture.at("2026-12-01", 9)
        )
        let first = try evaluate(at: ServerFixture.at("2026-12-04", 9))
        #expect(first.map(\.kind) == [.escalation])
        let url = try #require(first.first?.escalation?.ackURL)
        let path = String(try #require(url.split(separator: "herald.example").last))
        let ackedAt = ServerFixture.at("2026-12-04", 11)
        let loaded = configuration
        try await Application(router: ServerRouter(
            store: store, configuration: { loaded }, now: { ackedAt }, serverKey: { Self.key },
            operations: TestOperations()
        ).build()).test(.router) { client in
            try await client.execute(
                uri: path, method: .post, headers: Self.form, body: ByteBuffer(string: "note=mine")
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let next = try evaluate(at: ServerFixture.at("2026-12-07", 9))
        #expect(next.isEmpty, "no level 2 after the link's acknowledgement, and no resolved to alice, who took it")
        #expect(try evaluate(at: ServerFixture.at("2026-12-10", 9)).isEmpty)
    }
}
