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
    /// The pause in force, when no attempt may go to it for a while; nil otherwise.
    public var pause: ChannelPause?

    /// Creates a status.
    public init(
        channel: String, disabledReason: String? = nil, disabledAt: Date? = nil, heldCount: Int = 0,
        pause: ChannelPause? = nil
    ) {
        self.channel = channel
        self.disabledReason = disabledReason
        self.disabledAt = disabledAt
        self.heldCount = heldCount
        self.pause = pause
    }

    /// True while the channel is disabled.
    public var isDisabled: Bool { disabledAt != nil }
}

/// A while during which no attempt goes to an enabled channel: its receiver said its quota is spent, or its circuit
/// breaker opened. Its messages wait; none is dropped.
public struct ChannelPause: Hashable, Sendable {
    /// When attempts may start again.
    public var until: Date
    /// Why, in words (`the receiver's quota is spent (X-RateLimit-Remaining: 0)`).
    public var reason: String

    /// Creates a pause.
    public init(until: Date, reason: String) {
        self.until = until
        self.reason = reason
    }
}
