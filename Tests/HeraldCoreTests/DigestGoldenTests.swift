import Foundation
import Testing
@testable import HeraldCore

/// The example config's digest rendered to Slack JSON, an Adaptive Card and email HTML, compared with the golden
/// files in `Goldens/`. After an intended change of rendering, rewrite them with `HERALD_UPDATE_GOLDENS=1 swift
/// test --filter DigestGoldenTests` and review the diff.
@Suite struct DigestGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// JSON bytes as indented text with sorted keys, so that goldens read well and diff line by line.
    static func pretty(_ body: [UInt8]) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(body))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func rendered(_ name: String) throws -> String {
        let message = DigestRenderFixture.message()
        switch name {
        case "digest-slack.json": return try pretty(SlackPayload.body(for: message))
        case "digest-teams.json": return try pretty(TeamsPayload.body(for: message))
        default: return EmailBody.html(for: message, title: EmailMessage.subject(for: message)) + "\n"
        }
    }

    @Test(arguments: ["digest-slack.json", "digest-teams.json", "digest-email.html"])
    func matchesGolden(_ name: String) throws {
        let file = Self.directory.appendingPathComponent(name)
        let actual = try Self.rendered(name)
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == golden, "\(name) differs from its golden file")
    }
}
