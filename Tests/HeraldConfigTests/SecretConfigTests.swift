import Foundation
import HeraldConfig
import HeraldCore
import Testing

/// Every secret is non-empty and well-formed at load: an empty token, token file, environment variable, signing
/// secret, password or URL file, and a webhook key that is not `whsec_` + base64 of at least 24 bytes, is an error
/// at its place; nothing is loaded with an empty secret.
@Suite struct SecretConfigTests {
    static let key = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let form = "it must be whsec_ followed by standard base64 of at least 24 bytes "
        + "(Standard Webhooks; e.g. whsec_$(openssl rand -base64 32))"

    /// The fixture with a `server:` section on line 4.
    static func server(_ section: String, environment: [String: String] = ConfigFixture.environment,
                       files: [String: String] = [:], expected: [String]) -> BrokenConfig {
        BrokenConfig(name: section, mainEdit: ("projects_dir: projects\n", "projects_dir: projects\n\(section)\n"),
                     environment: environment, files: files, expected: expected)
    }

    /// The fixture with a channel `hook` on line 14.
    static func channel(_ fields: String, files: [String: String] = [:], expected: [String]) -> BrokenConfig {
        BrokenConfig(name: fields, mainEdit: ("console: { type: console }\n", "console: { type: console }\n"
                         + "  hook: { \(fields) }\n"),
                     files: files, expected: expected)
    }

    static let cases: [BrokenConfig] = [
        server(#"server: { api_token: "" }"#, expected: ["herald.yaml:4:22: error: 'api_token' is empty"]),
        server("server: { api_token_file: api.token }", files: ["api.token": " \n"],
               expected: ["herald.yaml:4:27: error: 'api_token_file' api.token is empty"]),
        server(#"server: { api_token: "${HERALD_API_TOKEN}" }"#,
               environment: ConfigFixture.environment.merging(["HERALD_API_TOKEN": ""]) { $1 },
               expected: ["herald.yaml:4:22: error: 'api_token' is empty (its environment variable is empty)"]),
        server("server: { api_token_file: missing.token }",
               expected: ["herald.yaml:4:27: error: cannot read 'api_token_file' missing.token: "
                   + "no such file or directory"]),
        server(#"server: { chat: { mattermost: { token: "  " } } }"#,
               expected: ["herald.yaml:4:40: error: 'token' is empty"]),
        server("server: { chat: { slack: { signing_secret_file: slack.secret } } }", files: ["slack.secret": ""],
               expected: ["herald.yaml:4:49: error: 'signing_secret_file' slack.secret is empty"]),
        server(#"server: { chat: { slack: { signing_secret: "" } } }"#,
               expected: ["herald.yaml:4:44: error: 'signing_secret' is empty"]),
        channel(#"type: webhook, url: "https://example.com/h", secret: """#,
                expected: ["herald.yaml:14:64: error: 'secret' is empty"]),
        channel(#"type: webhook, url: "https://example.com/h", secret: whsec_"#,
                expected: ["herald.yaml:14:64: error: the webhook 'secret' decodes to 0 bytes; \(form)"]),
        channel(#"type: webhook, url: "https://example.com/h", secret: "whsec_!!!!""#,
                expected: ["herald.yaml:14:64: error: the webhook 'secret' is not standard base64 after whsec_; "
                    + form]),
        channel(#"type: webhook, url: "https://example.com/h", secret: not-a-whsec-key"#,
                expected: ["herald.yaml:14:64: error: the webhook 'secret' must be \(form.dropFirst(11))"]),
        channel(#"type: webhook, url: "https://example.com/h", secret: [\#(key), "whsec_c2hvcnQ="]"#,
                expected: ["herald.yaml:14:105: error: the webhook 'secret' decodes to 5 bytes; \(form)"]),
        channel(#"type: webhook, url: "https://example.com/h", secret: []"#,
                expected: ["herald.yaml:14:64: error: 'secret' lists no key"]),
        channel(#"type: webhook, url: "https://example.com/h", secret_file: hook.key"#, files: ["hook.key": "\n"],
                expected: ["herald.yaml:14:69: error: 'secret_file' hook.key is empty"]),
        channel("type: webhook, url_file: hook.url", files: ["hook.url": "https://example.com/h\0/x"],
                expected: ["herald.yaml:14:36: error: cannot read 'url_file' hook.url: it contains a NUL character"]),
        channel("type: webhook, url_file: hook.url", files: ["hook.url": ""],
                expected: ["herald.yaml:14:36: error: 'url_file' hook.url is empty"]),
        channel(#"type: email, smtp: "smtp://127.0.0.1:2525", from: a@example.com, username: u, password: """#,
                expected: ["herald.yaml:14:99: error: 'password' is empty"]),
        channel(#"type: email, smtp: "smtp://127.0.0.1:2525", from: a@example.com, username: u, password_file: p"#,
                files: ["p": ""], expected: ["herald.yaml:14:104: error: 'password_file' p is empty"]),
    ]

    @Test(arguments: cases)
    func anEmptyOrMalformedSecretIsAnErrorAtItsPlace(_ broken: BrokenConfig) throws {
        let found = try broken.diagnostics()
        #expect(found == broken.expected)
    }

    @Test func webhookKeysAreReadDecoded() throws {
        let other = "whsec_" + Data("another key of at least 24 bytes".utf8).base64EncodedString()
        let main = ConfigFixture.main.replacingFirst(
            "console: { type: console }\n",
            with: "console: { type: console }\n  hook: { type: webhook, url: \"https://example.com/h\", "
                + "secret: [\(Self.key), \(other)] }\n"
        )
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        let channel = try #require(try result.get().channels["hook"])
        #expect(channel.kind == .webhook(url: "https://example.com/h",
                                         secrets: [try WebhookKey(Self.key), try WebhookKey(other)]))
    }

    @Test(arguments: ["", "x"])
    func aSecretCannotBeEmpty(text: String) {
        #expect(Secret(text)?.value == (text.isEmpty ? nil : text))
    }
}
