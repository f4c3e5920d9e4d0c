import Foundation
import Testing
@testable import HeraldCore

/// A bundle as each platform renders it, compared with the golden file a reader reviewed
/// (`BundleGoldens/bundle-PLATFORM.*`; email as its headers and its plain and HTML parts, decoded). `HERALD_UPDATE_GOLDENS=1 swift test --filter BundleGoldenTests` rewrites
/// them after a deliberate change.
@Suite struct BundleGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BundleGoldens")

    static func pretty(_ body: [UInt8]) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(body))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Each golden's file name and what it holds.
    static func rendered() throws -> [(name: String, text: String)] {
        let london = TimeZone(identifier: "Europe/London")!
        let mail = BundleFixture.message(channel: "email")
        let headers = EmailMessage.text(
            for: mail, from: "Herald <herald@example.com>", to: ["carol@example.com"], readers: BundleFixture.readers
        ).components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n", with: "\n")
        let email = headers + "\n\n" + EmailBody.plainText(for: mail, readers: BundleFixture.readers) + "\n"
        let html = EmailBody.html(for: mail, title: EmailMessage.subject(for: mail), readers: BundleFixture.readers)
        return [
            ("bundle-slack.json", try pretty(SlackPayload.body(for: BundleFixture.message(mention: "<@U03CAROL>")))),
            ("bundle-teams.json", try pretty(TeamsPayload.body(
                for: BundleFixture.message(mention: "Carol Diaz"), readers: BundleFixture.readers
            ))),
            ("bundle-discord.json", try pretty(DiscordPayload.body(
                for: BundleFixture.message(mention: "<@310000000000000003>")
            ))),
            ("bundle-mattermost.json", try pretty(MattermostPayload.body(
                for: BundleFixture.message(mention: "@carol")
            ))),
            ("bundle-googlechat.json", try pretty(GoogleChatPayload.body(
                for: BundleFixture.message(mention: "<users/103000000000000000003>")
            ))),
            ("bundle-webhook.json", try pretty(WebhookPayload.body(for: BundleFixture.message(channel: "ops")))),
            ("bundle-email.txt", email),
            ("bundle-email.html", html + "\n"),
            ("bundle-console.txt", ConsoleLine.channelLine(
                for: BundleFixture.message(channel: "console", mention: "@carol"), in: london
            ) + "\n"),
        ]
    }

    static let names = [
        "bundle-slack.json", "bundle-teams.json", "bundle-discord.json", "bundle-mattermost.json",
        "bundle-googlechat.json", "bundle-webhook.json", "bundle-email.txt", "bundle-email.html",
        "bundle-console.txt",
    ]

    @Test func everyGoldenIsChecked() throws {
        #expect(try Self.rendered().map(\.name) == Self.names)
    }

    @Test(arguments: names)
    func theBundleMatchesItsGolden(_ name: String) throws {
        let text = try #require(try Self.rendered().first { $0.name == name }?.text)
        let file = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text, "\(name) differs from its golden file")
    }

    @Test func noChatGoldenShowsARuleOrACommand() throws {
        for (name, text) in try Self.rendered() where !["bundle-webhook.json", "bundle-console.txt"].contains(name) {
            for banned in ["herald ", "esc_", "due-soon", "critical-slip", "--by", "at_risk", "in_progress"] {
                #expect(!text.contains(banned), "\(name) contains \(banned)")
            }
        }
    }
}
