import Foundation
import HTTPTypes
import HeraldCore
import HeraldStore
import Hummingbird
import HeraldTestSupport
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// `POST /chat/slack`: Slack's own signing example is accepted once; a replay, a stale or future timestamp, a wrong
/// signature, a changed body or an unconfigured secret are 401 and change nothing.
@Suite struct SlackSignatureTests {
    /// The example of https://api.slack.com/authentication/verifying-requests-from-slack.
    static let secret = Secret("8f742231b10e8888abcd99yyyzzz85a5")
    static let timestamp = "1531420618"
    static let body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
        + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
        + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
        + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    static let signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"

    @Test func theDocumentedVectorSigns() {
        #expect(SlackSignature.sign(secret: Self.secret, timestamp: Self.timestamp, body: Array(Self.body.utf8))
            == Self.signature)
    }

    @Test func theDocumentedRequestIsAnsweredAndLoggedOnceAndItsReplayIs401() async throws {
        let store = try HeraldStore.inMemory()
        try await Self.test(store: store, secondsAfter: 60) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .ok)
                let reply = try #require(json(response) as? [String: Any])
                #expect(reply["response_type"] as? String == "ephemeral")
                #expect((reply["text"] as? String)?.hasPrefix("Herald commands:") == true)
            }
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(errorText(response) == "replayed Slack request")
            }
        }
        let events = try store.timeline(LogFilter())
        #expect(events.count == 1)
        guard case .chat(let exchange) = try #require(events.first) else {
            Issue.record("expected a chat event, got \(events)")
            return
        }
        #expect(exchange.platform == "slack")
        #expect(exchange.userID == "U2CERLKJA")
        #expect(exchange.person == nil)
        #expect(exchange.channel == "foobar")
        #expect(exchange.outcome == .answered)
    }

    @Test func aReplayAfterARestartIsStill401() async throws {
        let directory = try TemporaryDirectory(prefix: "herald-slack-replay")
        defer { directory.remove() }
        try await Self.test(store: try HeraldStore(directory: directory.path), secondsAfter: 60) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: Self.body)
            ) { #expect($0.status == .ok) }
        }
        try await Self.test(store: try HeraldStore(directory: directory.path), secondsAfter: 90) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .unauthorized, "the restarted server remembers the signature")
                #expect(errorText(response) == "replayed Slack request")
            }
        }
    }

    @Test(arguments: [
        (301.0, nil, "stale Slack request: its timestamp is more than 5 minutes from now"),
        (-301.0, nil, "stale Slack request: its timestamp is more than 5 minutes from now"),
        (0.0, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", "wrong Slack signature"),
        (0.0, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "wrong Slack signature"),
        (0.0, "", "wrong Slack signature"),
    ])
    func aStaleOrWronglySignedRequestIs401(secondsAfter: Double, signature: String?, error: String) async throws {
        let store = try HeraldStore.inMemory()
        try await Self.test(store: store, secondsAfter: secondsAfter) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(signature: signature ?? Self.signature),
                body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(errorText(response) == error)
            }
        }
        #expect(try store.timeline(LogFilter()).isEmpty)
    }

    @Test func aChangedBodyOrMissingHeadersOrNoSecretIs401() async throws {
        let store = try HeraldStore.inMemory()
        try await Self.test(store: store, secondsAfter: 0) { client in
            let changed = Self.body.replacingOccurrences(of: "text=", with: "text=done+apollo%2Fdesign")
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: changed)
            ) { #expect(errorText($0) == "wrong Slack signature") }
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: Self.body)
            ) { #expect(errorText($0) == "missing X-Slack-Signature or X-Slack-Request-Timestamp") }
        }
        try await Self.test(store: store, secondsAfter: 0, secret: nil) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: Self.headers(), body: ByteBuffer(string: Self.body)
            ) {
                #expect($0.status == .unauthorized)
                #expect(errorText($0) == "Slack commands are not configured (server.chat.slack)")
            }
        }
        #expect(try store.timeline(LogFilter()).isEmpty)
    }

    @Test func slacksCertificateCheckIsAnEmpty200ThatChangesNothing() async throws {
        let store = try HeraldStore.inMemory()
        try await Self.test(store: store, secondsAfter: 0) { client in
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(
                uri: "/chat/slack", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "ssl_check=1&user_id=U1&text=done+apollo%2Fdesign")
            ) { #expect($0.status == .unauthorized, "a command is never taken unsigned") }
        }
        #expect(try store.timeline(LogFilter()).isEmpty)
    }

    static func headers(signature: String = signature, timestamp: String = timestamp) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[HTTPField.Name("X-Slack-Request-Timestamp")!] = timestamp
        headers[HTTPField.Name("X-Slack-Signature")!] = signature
        return headers
    }

    /// The routes over `store` with the documented secret, `secondsAfter` the documented timestamp.
    static func test(
        store: HeraldStore, secondsAfter: Double, secret: Secret? = secret,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = try ServerFixture().configuration
        configuration.server?.chat.slackSigningSecret = secret
        let now = Date(timeIntervalSince1970: Double(Self.timestamp)! + secondsAfter)
        let router = ServerRouter(
            store: store, configuration: { [configuration] in configuration }, now: { now },
            operations: TestOperations()
        )
        try await Application(router: router.build()).test(.router, body)
    }
}
