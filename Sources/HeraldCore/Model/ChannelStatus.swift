import Foundation

/// Whether a channel is taking deliveries, and how many of its messages wait held.
public struct ChannelStatus: Hashable, Sendable {
    /// The channel key.
    public var channel: String
    /// Why it was disabled (`HTTP 410 Gone`); nil while enabled.
    public var disabledReason: String?
    /// When it was disabled; nil while enabled.
    public var disabledAt: Date?
    /// Deliveries held for it.
    public var heldCount: Int

    /// Creates a status.
    public init(channel: String, disabledReason: String? = nil, disabledAt: Date? = nil, heldCount: Int = 0) {
        self.channel = channel
        self.disabledReason = disabledReason
        self.disabledAt = disabledAt
        self.heldCount = heldCount
    }

    /// True while the channel is disabled.
    public var isDisabled: Bool { disabledAt != nil }
}
