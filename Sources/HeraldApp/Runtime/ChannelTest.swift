import Foundation
import HeraldCore
import HeraldDelivery
import Logging

/// `herald send-test`: one `test` message sent once, straight through a channel's sender (not the outbox).
public enum ChannelTest {
    /// The test message for `channel`.
    public static func message(channel: String, at: Date) -> OutgoingMessage {
        OutgoingMessage(
            id: MessageID.make(["send-test", channel, String(at.timeIntervalSince1970)]), createdAt: at, kind: .test,
            rule: nil, project: nil, milestones: [], channel: channel, recipients: [], mentions: [],
            text: "Test message from Herald to channel '\(channel)'. If you can read this, delivery works."
        )
    }

    /// Why `channel` cannot be tested as asked, in words: an email channel without a `to` of its own (its messages go
    /// to each recipient's email, and a test names nobody) needs addresses in `to`, and only an email channel takes
    /// them. Nil when it can be tested, or when the configuration has no such channel.
    public static func problem(channel: String, configuration: Configuration, to: [String]) -> String? {
        guard let kind = configuration.channels[channel]?.kind else { return nil }
        guard case .email(let settings) = kind else {
            return to.isEmpty ? nil : "--to is for email channels; '\(channel)' is not one"
        }
        let malformed = to.first { !$0.contains("@") || $0.contains { $0.isWhitespace || $0.isNewline } }
        if let address = malformed {
            return "--to '\(TerminalText.safe(address))' is not an email address"
        }
        guard settings.to.isEmpty, to.isEmpty else { return nil }
        return "email channel '\(channel)' has no 'to' (it writes to each recipient's email, and a test names "
            + "nobody): give an address with --to ADDRESS"
    }

    /// Sends the test message, worded by the `test` template when there is one, to `channel` once (an email channel
    /// to the addresses `to` instead of its own `to`, when given); nil when the configuration has no such channel.
    public static func send(
        channel: String, configuration: Configuration, logger: Logger, to: [String] = [], now: Date = Date(),
        consoleOutput: @escaping @Sendable (String) -> Void = StandardOutput.writeLine
    ) async -> SendResult? {
        let curl = CurlEngine(logger: logger)
        defer { curl.shutdown() }
        var configuration = configuration
        if !to.isEmpty, case .email(var settings)? = configuration.channels[channel]?.kind {
            settings.to = to
            configuration.channels[channel]?.kind = .email(settings)
        }
        let entries = ChannelSenders.make(for: configuration, curl: curl, consoleOutput: consoleOutput)
        guard let entry = entries[channel] else { return nil }
        var test = message(channel: channel, at: now)
        test.text = configuration.templates.text(for: test)
        return await entry.sender.send(test, now: now)
    }
}
