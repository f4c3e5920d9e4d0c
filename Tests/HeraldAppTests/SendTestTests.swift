import Foundation
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// `herald send-test` on an email channel without `to`: it needs `--to`, says so without it, and delivers to it.
@Suite struct SendTestTests {
    static func configuration(server: String, to: [String] = []) -> Configuration {
        let settings = EmailSettings(server: server, security: .plaintext, from: "herald@example.com", to: to)
        return Configuration(
            file: "herald.yaml", stateDirectory: "/nonexistent", projectsDirectory: "/nonexistent",
            calendar: BusinessCalendar(timeZone: TimeZone(identifier: "UTC")!),
            channels: [
                "mail": Channel(name: "mail", kind: .email(settings)),
                "console": Channel(name: "console", kind: .console),
            ]
        )
    }

    @Test(arguments: [
        ("mail", [], "email channel 'mail' has no 'to'"),
        ("mail", ["not-an-address"], "--to 'not-an-address' is not an email address"),
        ("console", ["pm@example.com"], "--to is for email channels; 'console' is not one"),
    ] as [(String, [String], String)])
    func whatCannotBeTestedIsSaid(_ channel: String, _ to: [String], _ problem: String) {
        let configuration = Self.configuration(server: "smtp://127.0.0.1:9")
        #expect(ChannelTest.problem(channel: channel, configuration: configuration, to: to)?.hasPrefix(problem) == true)
    }

    @Test func aChannelWithItsOwnToOrAnAddressNeedsNothingMore() {
        let own = Self.configuration(server: "smtp://127.0.0.1:9", to: ["ops@example.com"])
        #expect(ChannelTest.problem(channel: "mail", configuration: own, to: []) == nil)
        let plain = Self.configuration(server: "smtp://127.0.0.1:9")
        #expect(ChannelTest.problem(channel: "mail", configuration: plain, to: ["pm@example.com"]) == nil)
        #expect(ChannelTest.problem(channel: "console", configuration: plain, to: []) == nil)
    }

    @Test func theTestGoesToTheAddressGiven() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        let result = await ChannelTest.send(
            channel: "mail", configuration: Self.configuration(server: server.url), logger: Logger(label: "test"),
            to: ["pm@example.com"]
        )
        #expect(result?.verdict.isSuccess == true)
        #expect(server.messages.map(\.recipients) == [["pm@example.com"]])
    }
}
