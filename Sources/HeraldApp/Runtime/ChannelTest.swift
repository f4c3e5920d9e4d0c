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

    /// Sends the test message, worded by the `test` template when there is one, to `channel` once; nil when the
    /// configuration has no such channel.
    public static func send(
        channel: String, configuration: Configuration, logger: Logger, now: Date = Date(),
        consoleOutput: @escaping @Sendable (String) -> Void = StandardOutput.writeLine
    ) async -> SendResult? {
        let curl = CurlEngine(logger: logger)
        defer { curl.shutdown() }
        let entries = ChannelSenders.make(for: configuration, curl: curl, consoleOutput: consoleOutput)
        guard let entry = entries[channel] else { return nil }
        var test = message(channel: channel, at: now)
        test.text = configuration.templates.text(for: test)
        return await entry.sender.send(test, now: now)
    }
}
