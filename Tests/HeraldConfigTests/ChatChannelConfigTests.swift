import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Testing

/// The chat channel types: configured like `slack`, by `url` or `url_file`.
@Suite(.serialized) struct ChatChannelConfigTests {
    static let url = "https://chat.example.com/hooks/secret"
    static let kinds: [(type: String, kind: Channel.Kind)] = [
        ("teams", .teams(url: Secret(url)!)), ("discord", .discord(url: Secret(url)!)),
        ("mattermost", .mattermost(url: Secret(url)!)), ("googlechat", .googlechat(url: Secret(url)!)),
    ]

    /// The fixture with the `eng` channel of `type` configured by `fields`.
    func main(_ type: String, _ fields: String) -> String {
        ConfigFixture.main.replacingFirst(
            "eng: { type: slack, url: \"${SLACK_URL}\" }", with: "eng: { type: \(type)\(fields) }"
        )
    }

    @Test(arguments: kinds)
    func chatChannelLoadsFromURL(_ type: String, _ kind: Channel.Kind) throws {
        let (result, directory) = try ConfigFixture.load(main: main(type, ", url: \"${SLACK_URL}\""),
                                                         environment: ["SLACK_URL": Self.url])
        defer { directory.remove() }
        let channel = try #require(try result.get().channels["eng"])
        #expect(channel.kind == kind)
        #expect(channel.kind.typeName == type)
        #expect(!"\(channel)".contains("secret"), "the URL is never printed")
    }

    @Test(arguments: kinds)
    func chatChannelLoadsFromURLFile(_ type: String, _ kind: Channel.Kind) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("chat.url", Self.url + "\n")
        try directory.write("herald.yaml", main(type, ", url_file: chat.url"))
        try directory.write("projects/apollo.yaml", ConfigFixture.project)
        let configuration = try ConfigLoader.load(path: directory.path + "/herald.yaml", environment: [:])
        #expect(configuration.channels["eng"]?.kind == kind)
    }

    @Test(arguments: kinds.map(\.type))
    func chatChannelWithoutURLIsReportedWhereItIs(_ type: String) throws {
        let (result, directory) = try ConfigFixture.load(main: main(type, ""))
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected diagnostics, the config loaded")
            return
        }
        #expect(error.diagnostics.map(\.description)
            == ["herald.yaml:12:8: error: channel 'eng' is missing 'url' (or 'url_file')"])
    }

    @Test(arguments: kinds.map(\.type))
    func chatChannelURLMustBeHTTP(_ type: String) throws {
        let (result, directory) = try ConfigFixture.load(main: main(type, ", url: ftp://chat.example.com/x"))
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected diagnostics, the config loaded")
            return
        }
        let column = "  eng: { type: \(type), url: ".count + 1
        #expect(error.diagnostics.map(\.description)
            == ["herald.yaml:12:\(column): error: 'url' must be an http:// or https:// URL"])
    }
}
