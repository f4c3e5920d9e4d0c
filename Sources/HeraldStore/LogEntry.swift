import HeraldCore

/// One line of the communication log: a message and one delivery of it (a replayed message has several).
public struct LogEntry: Hashable, Sendable {
    /// What was said, to whom, through which channel.
    public var message: OutgoingMessage
    /// Whether and when it arrived.
    public var delivery: DeliveryRecord

    /// Creates an entry.
    public init(message: OutgoingMessage, delivery: DeliveryRecord) {
        self.message = message
        self.delivery = delivery
    }
}
