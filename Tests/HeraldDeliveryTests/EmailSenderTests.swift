import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing
@testable import HeraldDelivery

/// The `email` channel against a real SMTP session on 127.0.0.1 (``TestSMTPServer``), through the libcurl engine.
@Suite struct EmailSenderTests {
    let engine = CurlEngine(logger: Logger(label: "test.curl"))
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let message = OutgoingMessage(
        id: "msg_email1", createdAt: Date(timeIntervalSince1970: 1_796_029_200), kind: .reminder, rule: "due-soon",
        project: ProjectRef(id: "apollo", name: "Apollo ERP upgrade"),
        milestones: [MilestoneRef(id: "design-signoff", title: "Design sign-off", due: CivilDate(iso: "2026-12-04")!,
                                  status: .inProgress, owner: "alice")],
        channel: "mail", recipients: ["alice", "bob"], mentions: ["Alice Ng", "Bob Roe"],
        text: "Design sign-off · Apollo ERP upgrade is due in 3 business days, Fri 4 Dec."
    )

    static let readers = MessageReaders(
        people: [
            "alice": Person(key: "alice", name: "Alice Ng", email: "alice@example.com"),
            "bob": Person(key: "bob", name: "Bob Roe", email: "bob@example.com"),
        ],
        projects: [Project(id: "apollo", name: "Apollo ERP upgrade", manager: "bob")]
    )

    func sender(
        _ server: TestSMTPServer, security: EmailSettings.Security = .plaintext, to: [String] = [],
        username: String? = nil, password: String? = nil
    ) -> EmailSender {
        let settings = EmailSettings(
            server: server.url, security: security, from: "herald@example.com", to: to,
            username: username.map(Secret.init), password: password.map(Secret.init)
        )
        return EmailSender(settings: settings, readers: Self.readers, curl: engine, timeout: .seconds(10))
    }

    @Test func deliveredMessageHasItsHeadersAndBothParts() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        let result = await sender(server).send(Self.message, now: now)
        #expect(result.verdict == .success)
        #expect(result.httpStatus == 250)
        let mail = try #require(server.messages.first)
        #expect(server.messages.count == 1)
        #expect(mail.from == "herald@example.com")
        #expect(mail.recipients == ["alice@example.com", "bob@example.com"])
        #expect(mail.header("Message-ID") == "<msg_email1@herald.example.com>")
        #expect(mail.header("In-Reply-To") == "<apollo.design-signoff@herald.example.com>")
        #expect(mail.header("References") == "<apollo.design-signoff@herald.example.com>")
        #expect(mail.header("Date") == "Mon, 30 Nov 2026 09:00:00 +0000")
        #expect(mail.header("From") == "herald@example.com")
        #expect(mail.header("To") == "alice@example.com, bob@example.com")
        #expect(mail.header("Subject").map(MIMEText.decodeEncodedWords)
            == "[Herald] reminder: Design sign-off · Apollo ERP upgrade")
        #expect(mail.header("Content-Type") == "multipart/alternative; boundary=\"=_herald_msg_email1\"")
        let parts = MIMEText.parts(of: mail.data, boundary: "=_herald_msg_email1")
        try #require(parts.count == 2)
        #expect(parts[0].headers.contains("text/plain"))
        #expect(parts[0].body.hasPrefix("Hi Alice and Bob,\n\n" + Self.message.text))
        #expect(parts[0].body.contains("Alice Ng owns this milestone. Bob Roe manages Apollo ERP upgrade."))
        #expect(parts[1].headers.contains("text/html"))
        #expect(parts[1].body.contains("<td>Design sign-off</td><td>Fri 4 Dec</td><td>in progress</td>"))
        #expect(mail.data == EmailMessage.text(
            for: Self.message, from: "herald@example.com", to: ["alice@example.com", "bob@example.com"],
            readers: Self.readers
        ), "byte for byte what the composer wrote, after dot-unstuffing")
    }

    @Test func twoMessagesAboutOneMilestoneShareTheirThread() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        var escalation = Self.message
        escalation.id = "msg_email2"
        escalation.kind = .escalation
        escalation.recipients = ["alice"]
        let emailSender = sender(server)
        for message in [Self.message, escalation] {
            #expect(await emailSender.send(message, now: now).verdict == .success)
        }
        let mails = server.messages
        try #require(mails.count == 2)
        #expect(mails.map { $0.header("Message-ID") }
            == ["<msg_email1@herald.example.com>", "<msg_email2@herald.example.com>"])
        let root = "<apollo.design-signoff@herald.example.com>"
        #expect(mails.map { $0.header("References") } == [root, root])
        #expect(mails.map { $0.header("In-Reply-To") } == [root, root])
        let text = MIMEText.parts(of: mails[1].data, boundary: "=_herald_msg_email2").first?.body ?? ""
        #expect(text.hasPrefix("Hi Alice,\n\n"))
        #expect(text.contains("\n\nYou own this milestone.\n\n-- \n"))
    }

    @Test func fixedRecipientsReplaceThePeople() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        let result = await sender(server, to: ["sponsors@example.com"]).send(Self.message, now: now)
        #expect(result.verdict == .success)
        #expect(server.messages.first?.recipients == ["sponsors@example.com"])
        #expect(server.messages.first?.header("To") == "sponsors@example.com")
    }

    @Test func transientReplyIsRetriedWithTheSameMessageID() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        server.script(.endOfData, "451 4.3.0 mailbox busy, try again later")
        let emailSender = sender(server)

        let first = await emailSender.send(Self.message, now: now)
        guard case .retryable(let reason, _) = first.verdict else {
            Issue.record("expected retryable, got \(first.verdict)")
            return
        }
        #expect(reason.contains("451"))
        #expect(first.httpStatus == 451)
        let second = await emailSender.send(Self.message, now: now.addingTimeInterval(60))
        #expect(second.verdict == .success)

        let received = server.messages
        #expect(received.map(\.isAccepted) == [false, true])
        #expect(received.map { $0.header("Message-ID") }
            == Array(repeating: "<msg_email1@herald.example.com>", count: 2))
        #expect(received[0].data == received[1].data, "a retry sends the same bytes")
    }

    @Test func rejectedRecipientIsPermanentWithTheReply() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        server.script(.rcptTo, "550 5.1.1 <alice@example.com>: no such user", "550 5.1.1 <bob@example.com>: unknown")
        let result = await sender(server).send(Self.message, now: now)
        guard case .permanent(let reason) = result.verdict else {
            Issue.record("expected permanent, got \(result.verdict)")
            return
        }
        #expect(reason.contains("550"))
        #expect(reason.contains("no such user"))
        #expect(server.messages.isEmpty)
    }

    @Test func rejectedMessageAtEndOfDataIsPermanent() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        server.script(.endOfData, "554 5.7.1 message rejected as spam")
        let result = await sender(server).send(Self.message, now: now)
        #expect(result.verdict.reason?.contains("554 5.7.1 message rejected as spam") == true)
        guard case .permanent = result.verdict else {
            Issue.record("expected permanent, got \(result.verdict)")
            return
        }
    }

    @Test func requiredSTARTTLSMissingIsPermanent() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        let result = await sender(server, security: .startTLS).send(Self.message, now: now)
        #expect(result.curlCode == 64)
        #expect(result.verdict == .permanent(reason: "SMTP server does not offer the required STARTTLS (curl 64)"))
        #expect(server.messages.isEmpty, "nothing is sent in clear text")
    }

    @Test func deniedLoginIsPermanentAndNeverShowsThePassword() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer(advertisesAuth: true)
        server.script(.auth, "535 5.7.8 authentication credentials invalid")
        let result = await sender(server, username: "herald", password: "hunter2-secret").send(Self.message, now: now)
        #expect(result.curlCode == 67)
        guard case .permanent(let reason) = result.verdict else {
            Issue.record("expected permanent, got \(result.verdict)")
            return
        }
        #expect(reason.contains("login denied"))
        #expect(!"\(result)".contains("hunter2-secret"))
        #expect(server.messages.isEmpty)
    }

    @Test func acceptedLoginDelivers() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer(advertisesAuth: true)
        let result = await sender(server, username: "herald", password: "pw").send(Self.message, now: now)
        #expect(result.verdict == .success)
        #expect(server.commands.contains { $0.hasPrefix("AUTH PLAIN") })
        #expect(server.messages.count == 1)
    }

    @Test func unreachableServerIsRetryable() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        server.stop()
        let result = await sender(server).send(Self.message, now: now)
        guard case .retryable(let reason, _) = result.verdict else {
            Issue.record("expected retryable, got \(result.verdict)")
            return
        }
        #expect(reason.contains("curl 7"))
    }

    @Test func recipientsWithoutAddressesAreDeadAtOnce() async throws {
        defer { engine.shutdown() }
        let server = try TestSMTPServer()
        var message = Self.message
        message.recipients = ["zed"]
        let result = await sender(server).send(message, now: now)
        guard case .permanent(let reason) = result.verdict else {
            Issue.record("expected permanent, got \(result.verdict)")
            return
        }
        #expect(reason.contains("no email address"))
        #expect(server.sessionCount == 0)
    }

    @Test func smtpClassification() {
        #expect(DeliveryVerdict(smtp: HTTPResult(status: 250)) == .success)
        #expect(DeliveryVerdict(smtp: HTTPResult(status: 421, curlCode: 8, body: Array("421 4.7.0 closing".utf8)))
            == .retryable(reason: "SMTP 421 4.7.0 closing (curl 8)", retryAfter: nil))
        #expect(DeliveryVerdict(smtp: HTTPResult(status: 552, curlCode: 55))
            == .permanent(reason: "SMTP 552 (curl 55)"))
        #expect(DeliveryVerdict(smtp: HTTPResult(status: nil, curlCode: 28))
            == .retryable(reason: "operation timed out (curl 28)", retryAfter: nil))
    }
}
