import Foundation
import HeraldApp
import HeraldCore
import HeraldDelivery
import HeraldStore
import HeraldTestSupport
import Testing

/// The dispatcher delivering to an `email` channel against a real SMTP sink on 127.0.0.1.
extension DispatcherDeliveryTests {
    /// Replaces the harness's `hook` channel with an email sender writing to `alice` through `server`.
    func useEmail(_ harness: Harness, server: TestSMTPServer) {
        let settings = EmailSettings(server: server.url, security: .plaintext, from: "herald@example.com")
        harness.senders.replace(with: [
            "hook": .init(
                sender: EmailSender(
                    settings: settings,
                    readers: MessageReaders(
                        people: ["alice": Person(key: "alice", name: "Alice Ng", email: "alice@example.com")]
                    ),
                    curl: harness.curl, timeout: .seconds(5)
                ),
                policy: RetryPolicy(schedule: [0.2, 0.2, 0.2], jitter: 0.2, maxAge: 3600)
            ),
        ])
    }

    @Test func emailTransientReplyIsRetriedThenDeliveredWithTheSameMessageID() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        server.script(.endOfData, "451 4.3.0 try again later")
        let harness = try Harness(url: "http://127.0.0.1:9/unused")
        defer { harness.close() }
        useEmail(harness, server: server)
        let (message, delivery) = try await harness.deliverOne(until: .delivered)
        #expect(delivery.attempts == 2)
        let received = server.messages
        #expect(received.map(\.isAccepted) == [false, true])
        #expect(received.map { $0.header("Message-ID") }
            == Array(repeating: "<\(message.id)@herald.example.com>", count: 2))
        #expect(received.last?.recipients == ["alice@example.com"])
    }

    @Test func emailRejectedRecipientGoesDeadWithTheReply() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        server.script(.rcptTo, "550 5.1.1 mailbox unavailable")
        let harness = try Harness(url: "http://127.0.0.1:9/unused")
        defer { harness.close() }
        useEmail(harness, server: server)
        let (_, delivery) = try await harness.deliverOne(until: .dead)
        #expect(delivery.attempts == 1)
        #expect(delivery.lastError?.contains("SMTP 550 5.1.1 mailbox unavailable") == true)
        #expect(server.messages.isEmpty)
    }
}
