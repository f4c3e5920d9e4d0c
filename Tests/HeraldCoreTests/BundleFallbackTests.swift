import Foundation
import Testing
@testable import HeraldCore

/// Until each platform renders a bundle's items in its own way, a bundle goes with its plain text everywhere:
/// never empty, never a crash, the headline and every item's line there.
@Suite struct BundleFallbackTests {
    static func bundle() throws -> OutgoingMessage {
        let milestones = Array(ReleaseTests.twelve.prefix(3))
        let engine = try ReleaseTests.engine(milestones: milestones)
        let decided = ReleaseTests.decide(engine, milestones, at: ReleaseTests.nine)
        let plan = engine.release(
            decided, facts: ReleaseTests.facts(milestones, changedAt: ReleaseTests.evening), now: ReleaseTests.nine
        ) { _, _ in 0 }
        return try #require(plan.bundles.first?.message)
    }

    @Test func theTextReadsOnItsOwn() throws {
        let text = try Self.bundle().text.split(separator: "\n").map(String.init)
        #expect(text.count == 4)
        #expect(text[0] == "3 milestones need you today")
        #expect(text.dropFirst().allSatisfy {
            $0.hasPrefix("- Design sign-off · Apollo ERP upgrade is due in 2 business days, Fri 4 Dec.")
        })
    }

    /// (platform, its body for a message).
    static let formats: [(String, @Sendable (OutgoingMessage) -> [UInt8])] = [
        ("webhook", { WebhookPayload.body(for: $0) }), ("slack", { SlackPayload.body(for: $0) }),
        ("teams", { TeamsPayload.body(for: $0) }), ("discord", { DiscordPayload.body(for: $0) }),
        ("googlechat", { GoogleChatPayload.body(for: $0) }), ("mattermost", { MattermostPayload.body(for: $0) }),
        ("email", { EmailMessage.bytes(for: $0, from: "herald@example.com", to: ["alice@example.com"]) }),
        ("console", { Array(ConsoleLine.line(for: $0, in: EngineFixture.london).utf8) }),
    ]

    @Test(arguments: formats) func everyPlatformSendsTheBundlesText(
        platform: String, body: @Sendable (OutgoingMessage) -> [UInt8]
    ) throws {
        let bundle = try Self.bundle()
        let text = String(decoding: body(bundle), as: UTF8.self)
        #expect(text.contains("3 milestones need you today"), "\(platform)")
        if platform != "email" { // quoted-printable breaks long lines
            let items = text.components(separatedBy: "is due in 2 business days, Fri 4 Dec.").count - 1
            #expect(items >= 3, "every item, at least once (Slack has a fallback text and its blocks): \(platform)")
        }
    }
}
