import Foundation
import HeraldApp
import HeraldConfig
import HeraldCore
import HeraldStore
import Logging
import Testing

/// The example config's weekly sponsor digest, as the daemon decides it on Monday 30 November 2026 at 09:00 from
/// the example project file (the real builder, composer and wording), rendered to Slack JSON, an Adaptive Card and
/// email HTML and compared with the golden files in `Goldens/`. After an intended change, rewrite them with
/// `HERALD_UPDATE_GOLDENS=1 swift test --filter ExampleDigestGoldenTests` and review the diff.
@Suite struct ExampleDigestGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The digest message the daemon puts in its outbox at the example's first Monday slot, and its readers as the
    /// email sender knows them.
    static func exampleDigest() async throws -> (message: OutgoingMessage, readers: MessageReaders) {
        let example = try ExampleConfig()
        defer { example.directory.remove() }
        let configuration = try ConfigLoader.load(path: example.configPath, environment: [:])
        let clock = TestClock(AppFixture.at("2026-11-30", 9))
        let runtime = try HeraldRuntime(
            configuration: configuration,
            options: RuntimeOptions(environment: [:], now: { clock.now }, consoleOutput: { _ in }),
            logger: Logger(label: "test")
        )
        try await runtime.applyProjects()
        await runtime.shutdown()
        let readers = MessageReaders(
            people: configuration.people, audiences: configuration.audiences, projects: configuration.projects
        )
        return (try #require(try runtime.store.log(LogFilter()).map(\.message).first { $0.kind == .digest }), readers)
    }

    /// JSON bytes as indented text with sorted keys, so that goldens read well and diff line by line.
    static func pretty(_ body: [UInt8]) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(body))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test func theExampleDigestMatchesItsGoldenFiles() async throws {
        let (message, readers) = try await Self.exampleDigest()
        let report = try #require(message.digest)
        #expect(report.headline.status == .amber && report.overdue.map(\.milestone.id) == ["data-migration-plan"])
        let rendered = [
            "digest-slack.json": try Self.pretty(SlackPayload.body(for: message)),
            "digest-teams.json": try Self.pretty(TeamsPayload.body(for: message)),
            "digest-email.html": EmailBody.html(
                for: message, title: EmailMessage.subject(for: message), readers: readers
            ) + "\n",
        ]
        for (name, actual) in rendered.sorted(by: { $0.key < $1.key }) {
            try Self.compare(actual, toGolden: name)
        }
    }

    /// Expects `actual` to be the golden file `name` (rewriting it first under `HERALD_UPDATE_GOLDENS=1`).
    static func compare(_ actual: String, toGolden name: String) throws {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs from its golden file")
    }
}
