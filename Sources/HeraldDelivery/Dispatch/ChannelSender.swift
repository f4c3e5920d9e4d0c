import Foundation
import Synchronization
import HeraldCore

/// Sends a message in one channel's format over its transport.
public protocol ChannelSender: Sendable {
    /// Makes one attempt; never throws: every failure is a verdict.
    func send(_ message: OutgoingMessage, now: Date) async -> SendResult
}

/// The senders for the configured channels, swapped whole on reload.
public final class SenderDirectory: Sendable {
    /// A channel's sender, retry policy and pacing.
    public struct Entry: Sendable {
        public var sender: any ChannelSender
        public var policy: RetryPolicy
        /// The most attempts per period; nil for no pacing.
        public var rate: Rate?

        /// Creates an entry.
        public init(sender: any ChannelSender, policy: RetryPolicy, rate: Rate? = nil) {
            self.sender = sender
            self.policy = policy
            self.rate = rate
        }
    }

    private let entries: Mutex<[String: Entry]>

    /// Creates a directory with `entries` by channel key.
    public init(_ entries: [String: Entry]) {
        self.entries = Mutex(entries)
    }

    /// The entry for a channel key.
    public func entry(for channel: String) -> Entry? {
        entries.withLock { $0[channel] }
    }

    /// Replaces every entry (after a config reload).
    public func replace(with entries: [String: Entry]) {
        self.entries.withLock { $0 = entries }
    }
}
