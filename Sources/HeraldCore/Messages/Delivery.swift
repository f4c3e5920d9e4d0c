import Foundation

/// Where a delivery stands. Every delivery ends `delivered`, `dead` or `cancelled` (each with its reason), unless
/// its channel is disabled: then it waits `held` until the channel is enabled again.
public enum DeliveryState: String, Codable, CaseIterable, Sendable {
    /// Waiting for its first attempt.
    case pending
    /// An attempt failed; another is scheduled.
    case retrying
    case delivered
    /// Given up on, with the reason kept.
    case dead
    /// Kept aside while its channel is disabled (its endpoint was gone); back to `pending` when enabled.
    case held
    /// Withdrawn before it was sent, with the reason: a reminder or escalation notice about a milestone that was
    /// done, cancelled or removed meanwhile.
    case cancelled
}

/// One message's journey to its channel.
public struct DeliveryRecord: Hashable, Sendable {
    public var id: Int64
    public var messageID: String
    public var channel: String
    public var state: DeliveryState
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt is due (meaningful while pending or retrying).
    public var nextAttemptAt: Date
    public var createdAt: Date
    public var deliveredAt: Date?
    /// The reason of the last failure (or of death).
    public var lastError: String?
    /// Latency of the successful attempt, in milliseconds.
    public var latencyMilliseconds: Double?
    /// The delivery this one replays (it was created, at `createdAt`, to send the same message again).
    public var replayOf: Int64?
    /// Who asked for the replay, when they said.
    public var replayedBy: String?
    /// When its retries' age (`max_age`) counts from, when not from its message's release: the replay's creation,
    /// or the time `channels enable` released it.
    public var agedFrom: Date?
    /// The delivery that carries this one (a bundle, or the same message from another rule), whose end it shares;
    /// ``lastError`` then says where it went (`sent in msg_… with 2 others`).
    public var carriedBy: Int64?

    /// Creates a delivery record.
    public init(
        id: Int64, messageID: String, channel: String, state: DeliveryState, attempts: Int, nextAttemptAt: Date,
        createdAt: Date, deliveredAt: Date? = nil, lastError: String? = nil, latencyMilliseconds: Double? = nil,
        replayOf: Int64? = nil, replayedBy: String? = nil, agedFrom: Date? = nil, carriedBy: Int64? = nil
    ) {
        self.id = id
        self.messageID = messageID
        self.channel = channel
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
        self.latencyMilliseconds = latencyMilliseconds
        self.replayOf = replayOf
        self.replayedBy = replayedBy
        self.agedFrom = agedFrom
        self.carriedBy = carriedBy
    }

    /// When the age of `message`'s retries through this delivery counts from: ``agedFrom``, else the message's
    /// release (a message held over a long weekend still gets all its retries).
    public func ageOrigin(of message: OutgoingMessage) -> Date {
        agedFrom ?? message.releasedAt
    }
}

/// One try at delivering: what was sent when, and what came back.
public struct AttemptRecord: Hashable, Sendable {
    public var deliveryID: Int64
    public var startedAt: Date
    /// Milliseconds from start to answer (or failure).
    public var latencyMilliseconds: Double
    public var httpStatus: Int?
    /// libcurl's result code; 0 when the transfer completed.
    public var curlCode: Int?
    /// Why it failed, in words; nil on success.
    public var error: String?
    /// The first KB of the answer.
    public var responseExcerpt: String?

    /// Creates an attempt record.
    public init(
        deliveryID: Int64, startedAt: Date, latencyMilliseconds: Double, httpStatus: Int?, curlCode: Int?,
        error: String?, responseExcerpt: String?
    ) {
        self.deliveryID = deliveryID
        self.startedAt = startedAt
        self.latencyMilliseconds = latencyMilliseconds
        self.httpStatus = httpStatus
        self.curlCode = curlCode
        self.error = error
        self.responseExcerpt = responseExcerpt
    }
}

/// What an attempt means for its delivery.
public enum DeliveryOutcome: Hashable, Sendable {
    case delivered
    /// Try again at the given time.
    case retry(at: Date, reason: String)
    case dead(reason: String)
    /// The endpoint is gone: disable the channel and hold this and its other waiting deliveries.
    case held(reason: String)
}
