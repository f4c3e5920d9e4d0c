import Foundation

/// A message decided and not yet released, with the delivery that will carry it.
public struct ReleaseCandidate: Hashable, Sendable {
    /// The waiting delivery's id.
    public var deliveryID: Int64
    public var message: OutgoingMessage
    /// When it may go: the end of its hold (or of a day's fold), else its decision.
    public var dueAt: Date

    /// Creates a candidate.
    public init(deliveryID: Int64, message: OutgoingMessage, dueAt: Date) {
        self.deliveryID = deliveryID
        self.message = message
        self.dueAt = dueAt
    }
}
