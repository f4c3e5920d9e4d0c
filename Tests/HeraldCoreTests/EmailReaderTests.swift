import Foundation
import HeraldTestSupport
import Testing
@testable import HeraldCore

/// An email's thread headers, its greeting, and the line saying why its reader receives it.
@Suite struct EmailReaderTests {
    static let readers = MessageReaders(
        people: [
            "alice": Person(key: "alice", name: "Alice Ng"), "mike": Person(key: "mike", name: "Mike Obi"),
            "carol": Person(key: "carol", name: "Carol Diaz"), "dan": Person(key: "dan", name: "Dan Wu"),
            "eve": Person(key: "eve", name: "Eve Park"),
        ],
        audiences: ["sponsors": Audience(key: "sponsors", members: ["dan"], channels: [])],
        projects: [
            Project(id: "apollo", name: "Apollo ERP upgrade", manager: "mike", sponsor: "carol"),
        ]
    )

    static func message(to recipients: [String]) -> OutgoingMessage {
        var message = FormatTests.message
        message.recipients = recipients
        return message
    }

    @Test(arguments: [
        (["alice"], "Hi Alice,", "You own this milestone."),
        (["mike"], "Hi Mike,", "You manage Apollo ERP upgrade."),
        (["carol"], "Hi Carol,", "You sponsor Apollo ERP upgrade."),
        (["dan"], "Hi Dan,", "You are on the sponsors list."),
        (["eve"], "Hi Eve,", nil),
        (["alice", "carol"], "Hi Alice and Carol,",
         "Alice Ng owns this milestone. Carol Diaz sponsors Apollo ERP upgrade."),
        (["alice", "mike", "eve"], "Hi Alice, Mike and Eve,",
         "Alice Ng owns this milestone. Mike Obi manages Apollo ERP upgrade."),
        ([], "Hello,", nil),
    ])
    func theReaderIsGreetedAndToldWhy(_ recipients: [String], _ greeting: String, _ reason: String?) throws {
        let message = Self.message(to: recipients)
        #expect(Self.readers.greeting(for: message) == greeting)
        #expect(Self.readers.reason(for: message) == reason)
        let text = EmailMessage.text(for: message, from: "herald@example.com", to: [], readers: Self.readers)
        let parts = MIMEText.parts(of: text, boundary: "=_herald_msg_test")
        try #require(parts.count == 2)
        #expect(parts[0].body.hasPrefix(greeting + "\n\n" + message.text + "\n"))
        #expect(parts[1].body.contains("<p>\(greeting)</p>"))
        if let reason {
            #expect(parts[0].body.contains("\n\n" + reason + "\n\n-- \n"))
            #expect(parts[1].body.contains("<p>\(reason)</p>"))
        }
    }

    @Test func severalMilestonesNameTheOneOwned() {
        var message = Self.message(to: ["alice"])
        message.milestones.insert(
            MilestoneRef(id: "cutover", title: "Cut-over", due: CivilDate(iso: "2026-12-11")!, status: .planned,
                         owner: "mike"),
            at: 0
        )
        #expect(Self.readers.reason(for: message) == "You own Design sign-off.")
    }

    @Test(arguments: [
        ("herald@example.com", "example.com"), ("Herald <herald@Mail.Example.com>", "mail.example.com"),
        ("\"Ops, Herald\" <ops@corp.example>", "corp.example"), ("herald", "localhost"), ("a@<b>", "localhost"),
    ])
    func theDomainComesFromTheSender(_ from: String, _ domain: String) {
        #expect(EmailMessage.domain(of: from) == domain)
    }

    @Test func aMilestoneHasOneThreadAndEachMessageItsOwnID() {
        var later = FormatTests.message
        later.id = "msg_later"
        later.kind = .escalation
        let ids = [FormatTests.message, later].map { EmailMessage.messageID(for: $0, domain: "example.com") }
        #expect(ids == ["<msg_test@herald.example.com>", "<msg_later@herald.example.com>"])
        let threads = [FormatTests.message, later].map { EmailMessage.threadID(for: $0, domain: "example.com") }
        #expect(threads == Array(repeating: "<apollo.design-signoff@herald.example.com>", count: 2))
        var bundle = later
        bundle.milestones.append(bundle.milestones[0])
        #expect(EmailMessage.threadID(for: bundle, domain: "example.com") == nil, "several milestones: no one thread")
        let text = EmailMessage.text(for: bundle, from: "herald@example.com", to: ["a@example.com"])
        #expect(!text.contains("In-Reply-To:") && !text.contains("References:"))
    }
}
