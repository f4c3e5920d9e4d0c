import Foundation
import Testing
@testable import HeraldCore

/// Each channel's rendering of a digest: its shape, and its limits for a long digest, summarised with a link when
/// there is one.
@Suite struct DigestRenderingTests {
    static let link = "https://herald.example.com/digests/weekly-sponsor/2026-11-30T09:00:00Z"

    func json(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func sectionLinesSayWhatEachSectionIsAbout() {
        let sections = DigestSection.sections(of: DigestRenderFixture.report)
        #expect(sections.map(\.title) == ["Completed", "Due soon", "Slipped or moved", "Overdue", "Open escalations"])
        #expect(sections.map(\.lines) == [
            ["Requirements baseline · Apollo ERP upgrade: done Mon 23 Nov, 1 business day late"],
            ["Design sign-off · Apollo ERP upgrade: due Tue 1 Dec, Alice Ng, in progress"],
            ["Design sign-off · Apollo ERP upgrade: baseline Tue 24 Nov, was Fri 27 Nov, now Tue 1 Dec "
                + "(+2 business days); Vendor review moved to Monday"],
            ["Data migration plan · Apollo ERP upgrade: due Tue 24 Nov, Dan Okafor, 4 business days overdue"],
            ["Data migration plan · Apollo ERP upgrade: level 3 of 3, not acknowledged"],
        ])
    }

    @Test func emptySectionsAreOmittedAndAnUnchangedDigestIsItsHeadlineAndNote() throws {
        var report = DigestRenderFixture.report
        (report.completed, report.slipped, report.escalations) = ([], [], [])
        #expect(DigestSection.sections(of: report).map(\.key) == ["due_soon", "overdue"])
        report.unchanged = true
        #expect(DigestSection.sections(of: report).isEmpty, "as in the text: the headline and one line")
        let blocks = try #require(try json(SlackPayload.body(for: DigestRenderFixture.message(report)))["blocks"]
            as? [[String: Any]])
        let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains { $0.contains("Nothing changed since the previous digest.") })
        #expect(!texts.contains { $0.contains("Completed") || $0.contains("Overdue") })
    }

    @Test func theTitleDayIsTheRunsDayInTheReportsZone() {
        var report = DigestRenderFixture.report
        report.at = Date(timeIntervalSince1970: 1_795_986_000) // Sun 29 Nov 2026 21:00 UTC: Monday in Auckland
        report.timeZone = "Pacific/Auckland"
        #expect(DigestWording.title(report) == "Digest \(report.name) · Mon 30 Nov")
        report.timeZone = nil
        #expect(DigestWording.title(report) == "Digest \(report.name) · Sun 29 Nov", "without a zone: UTC")
    }

    @Test func fittingHalvesEverySectionUntilItFitsAndCountsTheRest() {
        let sections = DigestSection.sections(of: DigestRenderFixture.long(count: 10, link: nil))
        let fitted = DigestSection.fitting(sections) { $0.allSatisfy { $0.rows.count <= 3 } }
        #expect(fitted.map(\.rows.count) == [2, 2, 2, 2, 2], "10, 5, then 2")
        #expect(fitted.map(\.omitted) == [8, 8, 8, 8, 8])
        #expect(fitted[0].lines.last == "…and 8 more")
        #expect(DigestSection.isSummarised(fitted))
        let whole = DigestSection.fitting(sections) { _ in true }
        #expect(whole == sections && !DigestSection.isSummarised(whole))
    }

    @Test func slackDigestIsHeaderStatusProjectsAndOneBlockPerSection() throws {
        let body = try json(SlackPayload.body(for: DigestRenderFixture.message(mentions: ["<@U1>"])))
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "section"]
            + Array(repeating: "section", count: 5) + ["context"])
        #expect((blocks[0]["text"] as? [String: Any])?["text"] as? String == "Digest weekly-sponsor · Mon 30 Nov")
        let status = try #require((blocks[1]["text"] as? [String: Any])?["text"] as? String)
        #expect(status.hasPrefix("<@U1> *Amber, worsening*\n"))
        #expect((body["text"] as? String)?.hasPrefix("<@U1> Digest weekly-sponsor · Mon 30 Nov · Amber") == true)
        #expect(!blocks.contains { $0["type"] as? String == "actions" }, "a digest that fits has no link button")
    }

    @Test(arguments: [Self.link, nil])
    func slackKeepsEveryLimitForALongDigest(link: String?) throws {
        let body = try json(SlackPayload.body(for: longMessage(link)))
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.count <= SlackPayload.maxBlocks)
        #expect(SlackPayload.textLimit.admits(try #require(body["text"] as? String)))
        let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(texts.allSatisfy { SlackPayload.sectionLimit.admits($0) })
        #expect(texts.contains { $0.contains("more") })
        let buttons = blocks.filter { $0["type"] as? String == "actions" }
            .compactMap { ($0["elements"] as? [[String: Any]])?.first?["url"] as? String }
        #expect(buttons == (link.map { [$0] } ?? []), "the whole digest is linked when there is a public URL")
    }

    @Test func teamsDigestIsAColouredCardWithAFactSetAndSections() throws {
        let envelope = try json(TeamsPayload.body(for: DigestRenderFixture.message()))
        let attachments = try #require(envelope["attachments"] as? [[String: Any]])
        let card = try #require(attachments.first?["content"] as? [String: Any])
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body[1]["text"] as? String == "Amber, worsening")
        #expect(body[1]["color"] as? String == "Warning")
        #expect(body.contains { $0["type"] as? String == "FactSet" })
        #expect(body.filter { $0["separator"] as? Bool == true }.count == 5)
        #expect(card["actions"] == nil)
    }

    @Test(arguments: [Self.link, nil])
    func teamsKeepsItsBodyLimitForALongDigest(link: String?) throws {
        let bytes = TeamsPayload.body(for: longMessage(link))
        #expect(bytes.count <= TeamsPayload.bodyLimit)
        let card = try #require((try json(bytes)["attachments"] as? [[String: Any]])?.first?["content"]
            as? [String: Any])
        let urls = (card["actions"] as? [[String: Any]])?.compactMap { $0["url"] as? String } ?? []
        #expect(urls == (link.map { [$0] } ?? []))
        #expect(String(decoding: bytes, as: UTF8.self).contains("more"))
    }

    @Test(arguments: [Self.link, nil])
    func discordKeepsItsEmbedLimitsForALongDigest(link: String?) throws {
        let body = try json(DiscordPayload.body(for: longMessage(link)))
        #expect(DiscordPayload.contentLimit.admits(try #require(body["content"] as? String)))
        let embeds = try #require(body["embeds"] as? [[String: Any]])
        #expect(embeds.count == 6 && embeds.count <= DiscordPayload.maxEmbeds)
        let total = embeds.reduce(0) { sum, embed in
            let fields = (embed["fields"] as? [[String: Any]]) ?? []
            let texts = [embed["title"] as? String ?? "", embed["description"] as? String ?? ""]
                + fields.flatMap { [$0["name"] as? String ?? "", $0["value"] as? String ?? ""] }
            return sum + texts.reduce(0) { $0 + $1.utf16.count }
        }
        #expect(total <= DiscordPayload.embedsTotal)
        #expect(embeds.allSatisfy { DiscordPayload.descriptionLimit.admits($0["description"] as? String ?? "") })
        #expect(embeds[0]["url"] as? String == link)
        #expect(embeds[0]["color"] as? Int == 0xECB22E)
    }

    @Test func discordDigestFitsWholeWhenShort() throws {
        let embeds = try #require(try json(DiscordPayload.body(for: DigestRenderFixture.message()))["embeds"]
            as? [[String: Any]])
        #expect(embeds.map { $0["title"] as? String } == [
            "Amber, worsening", "Completed", "Due soon", "Slipped or moved", "Overdue", "Open escalations",
        ])
        #expect(embeds.allSatisfy { !($0["description"] as? String ?? "").contains("more") })
    }

    @Test(arguments: [Self.link, nil])
    func googleChatIsACardWithinItsByteLimit(link: String?) throws {
        let bytes = GoogleChatPayload.body(for: longMessage(link))
        #expect(bytes.count <= GoogleChatPayload.textLimit.maximum)
        let cards = try #require(try json(bytes)["cardsV2"] as? [[String: Any]])
        let card = try #require(cards.first?["card"] as? [String: Any])
        #expect((card["header"] as? [String: String])?["subtitle"] == "Amber, worsening")
        let sections = try #require(card["sections"] as? [[String: Any]])
        let headers = sections.compactMap { $0["header"] as? String }
        #expect(headers == ["Projects", "Completed", "Due soon", "Slipped or moved", "Overdue", "Open escalations"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("openLink") == (link != nil))
    }

    @Test func emailDigestHasOneEscapedTableOfEveryMilestoneAndNeverShortens() throws {
        var report = DigestRenderFixture.long(count: 50, link: Self.link)
        report.dueSoon[0].milestone.title = "<script>&"
        let message = DigestRenderFixture.message(report)
        let html = EmailBody.html(for: message, title: EmailMessage.subject(for: message))
        #expect(html.components(separatedBy: "<tr><td>").count - 1 == 1 + 5 * 50, "the project, then every row")
        #expect(html.contains("<td>&lt;script&gt;&amp;</td>") && !html.contains("<script>"))
        #expect(html.contains("<a href=\"\(Self.link)\">Full digest</a>"))
        #expect(EmailMessage.subject(for: message)
            == "[Herald] digest: Digest weekly-sponsor · Mon 30 Nov · Amber, worsening")
    }

    @Test func linkIsThePublicURLWithTheDigestItsTimeAndASignedToken() throws {
        let key = try #require(ServerKey(bytes: [UInt8](repeating: 3, count: 32)))
        let links = DigestLinks(
            key: key, publicURL: "https://herald.example.com/", lifetime: .days(30), calendar: EngineFixture.calendar
        )
        let at = utc("2026-11-30T09:00:00Z")
        let url = links.url(name: "weekly sponsor", at: at, now: at.addingTimeInterval(60))
        let prefix = "https://herald.example.com/digests/weekly%20sponsor/2026-11-30T09:00:00Z?token="
        #expect(url.hasPrefix(prefix))
        let token = String(url.dropFirst(prefix.count))
        let expires = at.addingTimeInterval(60 + 30 * 86_400)
        #expect(DigestToken.verify(token, key: key, now: at) == .valid(
            DigestToken(name: "weekly sponsor", at: at, expires: expires)
        ))
        #expect(DigestToken.verify(token, key: key, now: expires) == .expired(
            DigestToken(name: "weekly sponsor", at: at, expires: expires)
        ))
        let other = try #require(ServerKey(bytes: [UInt8](repeating: 4, count: 32)))
        #expect(DigestToken.verify(token, key: other, now: at) == .invalid)
    }
}

extension DigestRenderingTests {
    @Test func aConfigurationLinksDigestsOnlyWithAPublicURL() throws {
        let key = try #require(ServerKey(bytes: [UInt8](repeating: 3, count: 32)))
        var configuration = EngineFixture.configuration(rules: [], projects: [])
        #expect(DigestLinks(configuration: configuration, key: key) == nil)
        configuration.server = ServerSettings(listen: "127.0.0.1:9470", publicURL: "https://herald.example.com")
        #expect(DigestLinks(configuration: configuration, key: key)?.base.publicURL == "https://herald.example.com")
    }

    /// A digest of 400 rows a section, with or without a link.
    private func longMessage(_ link: String?) -> OutgoingMessage {
        DigestRenderFixture.message(DigestRenderFixture.long(count: 400, link: link))
    }
}
