import Foundation
import HeraldCore
import HeraldStore
import Logging
import Synchronization

/// Tells the ops channel (`ops_channel:`) that a channel was disabled, through the outbox like any message.
final class ChannelDisabledAnnouncer: Sendable {
    private let store: HeraldStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let opsChannel: Mutex<String?>

    init(store: HeraldStore, opsChannel: String?, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.logger = logger
        self.now = now
        self.opsChannel = Mutex(opsChannel)
    }

    /// Changes the ops channel (after a reload).
    func update(opsChannel: String?) {
        self.opsChannel.withLock { $0 = opsChannel }
    }

    /// Enqueues the announcement of `status` to the ops channel, if one is configured and it is not the
    /// disabled channel itself. Returns the message, or nil when none was sent.
    @discardableResult
    func announce(_ status: ChannelStatus) -> OutgoingMessage? {
        guard let ops = opsChannel.withLock({ $0 }), ops != status.channel else { return nil }
        let at = now()
        let message = Self.message(for: status, to: ops, at: at)
        do {
            try store.commit(ruleStates: [], messages: [message], at: at)
        } catch {
            logger.error("cannot enqueue the channel-disabled announcement", metadata: ["error": "\(error)"])
            return nil
        }
        return message
    }

    /// The announcement: which channel, why, how many messages are held and how to release them.
    static func message(for status: ChannelStatus, to ops: String, at: Date) -> OutgoingMessage {
        let held = status.heldCount == 1 ? "1 message is held" : "\(status.heldCount) messages are held"
        let text = "Channel '\(status.channel)' was disabled: \(status.disabledReason ?? "endpoint gone"). "
            + "\(held); run `herald channels enable \(status.channel)` to release them."
        return OutgoingMessage(
            id: MessageID.make(["channel-disabled", status.channel, String(at.timeIntervalSince1970)]),
            createdAt: at, kind: .announcement, rule: nil, project: nil, milestones: [], channel: ops,
            recipients: [], mentions: [], text: text
        )
    }
}
