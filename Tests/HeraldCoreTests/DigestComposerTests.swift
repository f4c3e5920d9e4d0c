import Foundation
import Testing
@testable import HeraldCore

@Suite struct DigestComposerTests {
    static func report(projects: [Project]) -> DigestReport {
        DigestReport(
            name: "weekly", at: EngineFixture.at("2026-11-30", 9), since: nil, late: false,
            headline: DigestHeadline(status: .green, rule: "", trend: .first, reason: ""),
            projects: projects.map {
                DigestProjectStatus(project: ProjectRef(id: $0.id, name: $0.name), status: .green, reason: "")
            }
        )
    }

    /// An audience goes to its channels naming its members; `sponsor` and `manager` are those of the projects
    /// covered; each channel gets one message naming everyone reached there.
    @Test func oneMessagePerChannelNamingEveryoneReachedThere() {
        let apollo = EngineFixture.project(milestones: [EngineFixture.milestone()])
        let configuration = EngineFixture.configuration(rules: [], projects: [apollo])
        let definition = DigestDefinition(name: "weekly", schedule: "mon 09:00", to: [.audience("sponsors"), .manager])
        let at = EngineFixture.at("2026-11-30", 9)
        let (messages, unreachable) = DigestComposer(configuration: configuration).messages(
            for: Self.report(projects: [apollo]), definition: definition, period: "2026-11-30T09:00", at: at
        )
        #expect(unreachable.isEmpty)
        #expect(messages.map(\.channel) == ["board", "eng"])
        #expect(messages.map(\.recipients) == [["carol", "bob"], ["bob"]])
        #expect(messages.allSatisfy { $0.kind == .digest && $0.rule == "weekly" && $0.createdAt == at })
        #expect(messages.allSatisfy { $0.project == ProjectRef(id: "apollo", name: "Apollo ERP upgrade") })
        #expect(messages.allSatisfy { $0.digest == Self.report(projects: [apollo]) && $0.milestones.isEmpty })
        let again = DigestComposer(configuration: configuration).messages(
            for: Self.report(projects: [apollo]), definition: definition, period: "2026-11-30T09:00",
            at: at.addingTimeInterval(30)
        )
        #expect(again.messages.map(\.id) == messages.map(\.id), "ids derive from the digest, period and channel")
    }

    /// With `server.public_url` the report carries its link (where a long digest is summarised); a `digest`
    /// template words the text.
    @Test func theReportGetsItsLinkAndTheTextItsTemplate() throws {
        let apollo = EngineFixture.project(milestones: [EngineFixture.milestone()])
        var configuration = EngineFixture.configuration(rules: [], projects: [apollo])
        configuration.server = ServerSettings(listen: "127.0.0.1:9470", publicURL: "https://herald.example.com/")
        try configuration.templates.add("Weekly: {{text}}", for: .digest)
        let definition = DigestDefinition(name: "weekly", schedule: "mon 09:00", to: [.manager])
        let key = try #require(ServerKey(bytes: [UInt8](repeating: 1, count: 32)))
        let links = DigestLinks(configuration: configuration, key: key)
        let (messages, _) = DigestComposer(configuration: configuration, links: links).messages(
            for: Self.report(projects: [apollo]), definition: definition, period: "p",
            at: EngineFixture.at("2026-11-30", 9)
        )
        let message = try #require(messages.first)
        let link = try #require(message.digest?.link)
        let prefix = "https://herald.example.com/digests/weekly/2026-11-30T09:00:00Z?token="
        #expect(link.hasPrefix(prefix))
        guard case .valid(let token) = DigestToken.verify(
            String(link.dropFirst(prefix.count)), key: key, now: EngineFixture.at("2026-11-30", 9)
        ) else {
            Issue.record("the link carries no valid token: \(link)")
            return
        }
        #expect(token.name == "weekly")
        #expect(message.text.hasPrefix("Weekly: "))
        #expect(message.text.dropFirst("Weekly: ".count)
            == MessageText.digest(try #require(message.digest), timeZone: EngineFixture.calendar.timeZone))
    }

    /// Several projects: no single project on the message, so a person without a channel cannot fall back on one.
    @Test func aDigestOfSeveralProjectsNamesNoProject() {
        let apollo = EngineFixture.project(milestones: [EngineFixture.milestone()])
        var hermes = EngineFixture.project(manager: "dan", milestones: [])
        hermes.id = "hermes"
        let configuration = EngineFixture.configuration(rules: [], projects: [apollo, hermes])
        let definition = DigestDefinition(name: "weekly", schedule: "mon 09:00", to: [.manager])
        let (messages, unreachable) = DigestComposer(configuration: configuration).messages(
            for: Self.report(projects: [apollo, hermes]), definition: definition, period: "p",
            at: EngineFixture.at("2026-11-30", 9)
        )
        #expect(messages.map(\.recipients) == [["bob"]])
        #expect(messages.first?.project == nil)
        #expect(unreachable == ["digest weekly: dan: dan has no channel and the project none"])
    }

    /// A digest that falls due at night waits like any message for its reader's quiet hours to end.
    @Test func aDigestIsHeldThroughQuietHours() {
        let apollo = EngineFixture.project(milestones: [EngineFixture.milestone()])
        var configuration = EngineFixture.configuration(rules: [], projects: [apollo])
        configuration.channels["eng"] = Channel(name: "eng", kind: .slack(url: Secret("https://hooks.example.com/x")))
        configuration.people["bob"]?.quietHours = DailyWindow(start: 19 * 60, end: 8 * 60)
        let definition = DigestDefinition(name: "early", schedule: "mon 03:00", to: [.person("bob")])
        let (messages, _) = DigestComposer(configuration: configuration).messages(
            for: Self.report(projects: [apollo]), definition: definition, period: "p",
            at: EngineFixture.at("2026-11-30", 3)
        )
        let message = messages.first
        #expect(message?.heldUntil.map { $0 > EngineFixture.at("2026-11-30", 3) } == true)
        #expect(message?.holdReason?.contains("bob") == true)
    }
}
