import Foundation
import HeraldTestSupport
import Testing
@testable import HeraldCore

@Suite struct EmailMessageTests {
    static let message = FormatTests.message

    static func text(_ message: OutgoingMessage = message) -> String {
        EmailMessage.text(for: message, from: "herald@example.com", to: ["alice@example.com", "bob@example.com"])
    }

    static func header(_ name: String, in text: String) -> String? {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix("\(name): ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    @Test func headersNameTheMessageAndStayStable() {
        let text = Self.text()
        #expect(Self.header("Date", in: text) == "Mon, 30 Nov 2026 09:00:00 +0000")
        #expect(Self.header("From", in: text) == "herald@example.com")
        #expect(Self.header("To", in: text) == "alice@example.com, bob@example.com")
        #expect(Self.header("Subject", in: text).map(MIMEText.decodeEncodedWords)
            == "[Herald] reminder: Design sign-off · Apollo ERP upgrade")
        #expect(Self.header("Message-ID", in: text) == "<msg_test@herald.example.com>")
        #expect(Self.header("In-Reply-To", in: text) == "<apollo.design-signoff@herald.example.com>")
        #expect(Self.header("References", in: text) == "<apollo.design-signoff@herald.example.com>")
        #expect(Self.header("MIME-Version", in: text) == "1.0")
        #expect(Self.header("Content-Type", in: text) == "multipart/alternative; boundary=\"=_herald_msg_test\"")
        #expect(Self.text() == text, "the same message always gives the same bytes")
    }

    @Test func linesEndInCRLFAndStayShort() {
        var message = Self.message
        message.text = String(repeating: "Überfällig — ", count: 200)
        message.milestones[0].title = String(repeating: "long title ", count: 150)
        let text = Self.text(message)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let longest = text.components(separatedBy: "\r\n").map(\.utf8.count).max() ?? 0
        #expect(longest <= 998)
        #expect(text.utf8.allSatisfy { $0 < 0x80 }, "7-bit clean: headers encoded, bodies quoted-printable")
    }

    @Test func bothAlternativesCarryTheMessage() throws {
        var message = Self.message
        message.milestones.append(MilestoneRef(
            id: "cutover", title: "Cut-over <R&D>", due: CivilDate(iso: "2026-12-11")!, status: .atRisk, owner: "bob"
        ))
        let parts = MIMEText.parts(of: Self.text(message), boundary: "=_herald_msg_test")
        try #require(parts.count == 2)
        #expect(parts[0].headers.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(parts[0].body.contains(message.text))
        #expect(parts[0].body.contains("- Cut-over <R&D>: due Fri 11 Dec, at risk, owned by bob"))
        #expect(parts[1].headers.contains("Content-Type: text/html; charset=utf-8"))
        #expect(parts[1].body.contains("<th>Milestone</th><th>Due</th><th>Status</th><th>Owner</th>"))
        #expect(parts[1].body.contains(
            "<tr><td>Design sign-off</td><td>Fri 4 Dec</td><td>in progress</td><td>alice</td></tr>"
        ))
        #expect(parts[1].body.contains("<td>Cut-over &lt;R&amp;D&gt;</td>"))
        #expect(Self.header("Subject", in: Self.text(message)).map(MIMEText.decodeEncodedWords)
            == "[Herald] reminder: Design sign-off and 1 more · Apollo ERP upgrade")
    }

    @Test func nonASCIISubjectIsAnEncodedWordAndBodiesRoundTrip() throws {
        var message = Self.message
        message.milestones[0].title = "Freigabe für Zürich – Phase 2 ✅"
        message.text = "Freigabe für Zürich ist fällig. Trailing space \nand = sign"
        let text = Self.text(message)
        let subject = try #require(Self.header("Subject", in: text))
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(subject.split(separator: " ").allSatisfy { $0.count <= 75 })
        #expect(MIMEText.decodeEncodedWords(subject)
            == "[Herald] reminder: Freigabe für Zürich – Phase 2 ✅ · Apollo ERP upgrade")
        let parts = MIMEText.parts(of: text, boundary: "=_herald_msg_test")
        #expect(parts.first?.body.contains(message.text) == true)
    }

    @Test func quotedPrintableEscapesWhatItMust() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("end \nnext") == "end=20\r\nnext")
        #expect(QuotedPrintable.encode("é") == "=C3=A9")
        let long = QuotedPrintable.encode(String(repeating: "é", count: 40))
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(MIMEText.decodeQuotedPrintable(long) == String(repeating: "é", count: 40))
    }
}
