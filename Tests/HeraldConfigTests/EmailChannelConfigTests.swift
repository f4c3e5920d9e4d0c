import Foundation
import HeraldConfig
import HeraldCore
import HeraldTestSupport
import Testing

/// `type: email` channels: what loads, and every rejected combination with its position. Part of the serialized
/// ``ConfigDiagnosticsTests`` suite: ``ConfigFixture/load(main:projects:environment:)`` changes the process's
/// working directory.
extension ConfigDiagnosticsTests {
    /// The fixture with one extra channel line, `mail: { … }`, on line 14.
    static func mainWithMail(_ channel: String) -> String {
        ConfigFixture.main.replacingFirst(
            "  console: { type: console }\n", with: "  console: { type: console }\n  mail: \(channel)\n"
        )
    }

    static func emailDiagnostics(_ channel: String) throws -> [String] {
        let (result, directory) = try ConfigFixture.load(main: mainWithMail(channel))
        defer { directory.remove() }
        guard case .failure(let error) = result else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func startTLSChannelWithFixedRecipientsAndPasswordFileLoads() throws {
        let channel = "{ type: email, smtp: \"smtp://mail.example.com:587\", from: herald@example.com, "
            + "to: [carol@example.com, ops@example.com], username: herald, password_file: smtp.pw }"
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("smtp.pw", "hunter2\n")
        try directory.write("herald.yaml", Self.mainWithMail(channel))
        try directory.write("projects/apollo.yaml", ConfigFixture.project)
        let configuration = try ConfigLoader.load(
            path: directory.path + "/herald.yaml", environment: ConfigFixture.environment
        )
        let mail = try #require(configuration.channels["mail"])
        #expect(mail.kind == .email(EmailSettings(
            server: "smtp://mail.example.com:587", security: .startTLS, from: "herald@example.com",
            to: ["carol@example.com", "ops@example.com"], username: Secret("herald"), password: Secret("hunter2")
        )))
        #expect(mail.kind.typeName == "email")
        #expect(!"\(mail)".contains("hunter2"))
    }

    @Test func smtpsAndLoopbackPlaintextLoad() throws {
        let (result, directory) = try ConfigFixture.load(main: ConfigFixture.main.replacingFirst(
            "  console: { type: console }\n",
            with: """
                  console: { type: console }
                  sponsor-mail: { type: email, smtp: smtps://smtp.example.com, from: herald@example.com }
                  local: { type: email, smtp: "smtp://127.0.0.1:2525", starttls: false, insecure_skip_verify: true,
                           from: herald@localhost.test }

                """
        ))
        defer { directory.remove() }
        let configuration = try result.get()
        #expect(configuration.channels["sponsor-mail"]?.kind == .email(EmailSettings(
            server: "smtps://smtp.example.com", security: .implicitTLS, from: "herald@example.com"
        )))
        #expect(configuration.channels["local"]?.kind == .email(EmailSettings(
            server: "smtp://127.0.0.1:2525", security: .plaintext, from: "herald@localhost.test",
            insecureSkipVerify: true
        )))
    }

    @Test func personOnAnEmailChannelWithoutToNeedsAnAddress() throws {
        let main = Self.mainWithMail("{ type: email, smtp: smtps://x.example.com, from: herald@example.com }")
            .replacingFirst("Carol Diaz, channel: console", with: "Carol Diaz, channel: mail")
            .replacingFirst("Bob Roe, channel: eng", with: "Bob Roe, email: bob@example.com, channel: mail")
        let (result, directory) = try ConfigFixture.load(main: main)
        defer { directory.remove() }
        guard case .failure(let error) = result else {
            Issue.record("expected diagnostics, the config loaded")
            return
        }
        #expect(error.diagnostics.map(\.description)
            == ["herald.yaml:8:39: error: person 'carol' is reached on email channel 'mail' but has no 'email'"])
    }

    @Test func otherSchemeIsAnErrorAtTheSMTPField() throws {
        let channel = "{ type: email, smtp: \"http://mail.example.com\", from: herald@example.com }"
        #expect(try Self.emailDiagnostics(channel)
            == ["herald.yaml:14:30: error: 'smtp' must be an smtp://host[:port] URL (STARTTLS required) or an "
                + "smtps://host[:port] URL (implicit TLS), without credentials or path"])
    }

    @Test func plaintextIsRefusedForARemoteHost() throws {
        let channel = "{ type: email, smtp: \"smtp://mail.example.com\", starttls: false, from: herald@example.com }"
        #expect(try Self.emailDiagnostics(channel)
            == ["herald.yaml:14:67: error: 'starttls: false' is only allowed for a loopback SMTP host (127.0.0.1, "
                + "::1 or localhost); mail to other hosts must use STARTTLS or smtps://"])
    }

    @Test func skippingVerificationIsRefusedForARemoteHost() throws {
        let channel = "{ type: email, smtp: smtps://mail.example.com, insecure_skip_verify: true, from: a@example.com }"
        #expect(try Self.emailDiagnostics(channel)
            == ["herald.yaml:14:78: error: 'insecure_skip_verify: true' is only allowed for a loopback SMTP host "
                + "(127.0.0.1, ::1 or localhost)"])
    }

    @Test func missingFieldsBadAddressesAndForeignKeysAreAllReported() throws {
        #expect(try Self.emailDiagnostics("{ type: email, url: \"smtp://x.example.com\", to: [carol] }") == [
            "herald.yaml:14:9: error: channel 'mail' is missing 'smtp'",
            "herald.yaml:14:24: error: unknown key 'url' in channel 'mail'",
        ])
        let badAddresses = "{ type: email, smtp: smtps://x.example.com, from: herald, to: [carol] }"
        #expect(try Self.emailDiagnostics(badAddresses) == [
            "herald.yaml:14:59: error: 'herald' is not an email address (use local@domain)",
            "herald.yaml:14:72: error: 'carol' is not an email address (use local@domain)",
        ])
    }
}
