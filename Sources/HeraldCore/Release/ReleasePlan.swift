import Foundation

/// What the release step decided for the waiting messages: the caller writes all of it in one transaction.
public struct ReleasePlan: Hashable, Sendable {
    /// Deliveries that go now on their own.
    public var released: [Int64] = []
    /// Messages written again from the facts at release (same ids), to store before they go.
    public var rewritten: [OutgoingMessage] = []
    /// Deliveries withdrawn, with the reason (`superseded: due moved to Thu 10 Dec`).
    public var withdrawn: [Withdrawal] = []
    /// New `bundle` messages that go now, each carrying the deliveries of its items.
    public var bundles: [ReleasedBundle] = []
    /// Deliveries whose message says what another delivery that goes now says (two rules, one milestone, one
    /// moment): they end as that one does.
    public var carried: [Carried] = []
    /// Deliveries kept back until a later time: a person's messages beyond their `max_per_day`, folded into one
    /// summary at the end of their working day.
    public var deferred: [Deferral] = []

    /// Creates an empty plan.
    public init() {}

    /// Whether anything goes now.
    public var sendsAnything: Bool { !released.isEmpty || !bundles.isEmpty }

    /// A withdrawn delivery.
    public struct Withdrawal: Hashable, Sendable {
        public var deliveryID: Int64
        public var reason: String

        /// Creates a withdrawal.
        public init(deliveryID: Int64, reason: String) {
            self.deliveryID = deliveryID
            self.reason = reason
        }
    }

    /// A bundle and the item deliveries it carries.
    public struct ReleasedBundle: Hashable, Sendable {
        public var message: OutgoingMessage
        public var deliveryIDs: [Int64]
        /// What each item's delivery says of where it went: `sent in msg_… with 2 others`.
        public var note: String

        /// Creates a released bundle.
        public init(message: OutgoingMessage, deliveryIDs: [Int64], note: String) {
            self.message = message
            self.deliveryIDs = deliveryIDs
            self.note = note
        }
    }

    /// A delivery carried by another.
    public struct Carried: Hashable, Sendable {
        public var deliveryID: Int64
        public var by: Int64
        public var note: String

        /// Creates a carried delivery.
        public init(deliveryID: Int64, by: Int64, note: String) {
            self.deliveryID = deliveryID
            self.by = by
            self.note = note
        }
    }

    /// A delivery kept back.
    public struct Deferral: Hashable, Sendable {
        public var deliveryID: Int64
        public var until: Date

        /// Creates a deferral.
        public init(deliveryID: Int64, until: Date) {
            self.deliveryID = deliveryID
            self.until = until
        }
    }
}
