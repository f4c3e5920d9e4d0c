import Foundation

/// Where an escalation stands.
public enum EscalationState: String, Codable, CaseIterable, Sendable {
    /// Climbing its ladder: levels are notified as they fall due.
    case open
    /// Someone took it (`herald ack`): the ladder stopped. It does not open again for the same due date until
    /// its rule has stopped holding once.
    case acknowledged
    /// Closed because its rule stopped holding, or the milestone was done, cancelled or removed.
    case resolved
}

/// Who acknowledged an escalation, when, and what they said.
public struct Acknowledgement: Hashable, Codable, Sendable {
    /// A person key or any name given with `--by`.
    public var by: String
    public var at: Date
    public var note: String?

    /// Creates an acknowledgement.
    public init(by: String, at: Date, note: String?) {
        self.by = by
        self.at = at
        self.note = note
    }
}

/// One notice an escalation sent: a level (or a repeat of the last) to one channel.
public struct EscalationNotice: Hashable, Codable, Sendable {
    /// 1-based level.
    public var level: Int
    /// True for a repeat of the last level.
    public var isRepeat: Bool
    public var at: Date
    public var channel: String
    /// Person keys named, and how each was mentioned.
    public var people: [String]
    public var mentions: [String]
    public var messageID: String
    /// When its delivery reached the channel; nil while unsent, or when it never went out (withdrawn, dead). The
    /// store fills it in when it reads the escalation.
    public var deliveredAt: Date?
    /// Whether its delivery may still reach the channel (queued, being sent, retrying, held): the store fills it
    /// in when it reads the escalation; not stored.
    public var isPending = false
    /// When its people were told the escalation is resolved; nil until then.
    public var resolvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case level, isRepeat, at, channel, people, mentions, messageID, deliveredAt, resolvedAt
    }

    /// Creates a notice.
    public init(
        level: Int, isRepeat: Bool, at: Date, channel: String, people: [String], mentions: [String],
        messageID: String, deliveredAt: Date? = nil, isPending: Bool = false, resolvedAt: Date? = nil
    ) {
        self.level = level
        self.isRepeat = isRepeat
        self.at = at
        self.channel = channel
        self.people = people
        self.mentions = mentions
        self.messageID = messageID
        self.deliveredAt = deliveredAt
        self.isPending = isPending
        self.resolvedAt = resolvedAt
    }
}

/// One escalation of one milestone by one rule: its ladder position and everything it has told whom.
public struct EscalationRecord: Hashable, Sendable {
    /// `esc_…`, what `herald ack` takes.
    public var id: String
    /// The rule that opened it and the milestone it is about.
    public var key: RuleStateKey
    /// The policy it climbs.
    public var policy: String
    /// The milestone's due date when it opened; a moved due date re-arms an acknowledged escalation.
    public var due: CivilDate
    public var openedAt: Date
    public var state: EscalationState
    /// How many levels have been notified (0 before the first).
    public var levelsNotified: Int
    /// How many times the last level has been repeated.
    public var repeats: Int
    /// When it last notified anyone.
    public var lastNotifiedAt: Date?
    public var acknowledgement: Acknowledgement?
    public var closedAt: Date?
    /// Why it closed, in words (`acknowledged by bob`, `Design sign-off is done`).
    public var closeReason: String?
    /// Whether everyone its notices reached has been told it is resolved, and no notice is still being sent.
    public var resolutionSent: Bool
    /// An acknowledged escalation whose rule has since stopped holding: the next time it holds opens a new one.
    public var rearmed: Bool
    /// Every notice sent, oldest first.
    public var notices: [EscalationNotice]
    /// Since when its ladder has stood still (its milestone snoozed, its project on hold); nil while it climbs.
    public var pausedAt: Date?
    /// How long its ladder has stood still in all, ended pauses only: each level falls due that much later.
    public var pausedFor: TimeInterval
    /// How long its ladder has stood still since its last notice, ended pauses only: the next repeat of the last
    /// level falls due that much later.
    public var repeatPausedFor: TimeInterval
    /// When its next level or repeat falls due, in its recipients' working time; nil while paused, closed or
    /// spent. Set by each evaluation: what the daemon's scheduler wakes for.
    public var nextAt: Date?

    /// Creates a record.
    public init(
        id: String, key: RuleStateKey, policy: String, due: CivilDate, openedAt: Date, state: EscalationState = .open,
        levelsNotified: Int = 0, repeats: Int = 0, lastNotifiedAt: Date? = nil, acknowledgement: Acknowledgement? = nil,
        closedAt: Date? = nil, closeReason: String? = nil, resolutionSent: Bool = false, rearmed: Bool = false,
        notices: [EscalationNotice] = [], pausedAt: Date? = nil, pausedFor: TimeInterval = 0,
        repeatPausedFor: TimeInterval = 0, nextAt: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.policy = policy
        self.due = due
        self.openedAt = openedAt
        self.state = state
        self.levelsNotified = levelsNotified
        self.repeats = repeats
        self.lastNotifiedAt = lastNotifiedAt
        self.acknowledgement = acknowledgement
        self.closedAt = closedAt
        self.closeReason = closeReason
        self.resolutionSent = resolutionSent
        self.rearmed = rearmed
        self.notices = notices
        self.pausedAt = pausedAt
        self.pausedFor = pausedFor
        self.repeatPausedFor = repeatPausedFor
        self.nextAt = nextAt
    }
}

extension EscalationRecord {
    /// The notices that reached their channel, each dated at its delivery: what "told before" reports. A notice
    /// still queued, withdrawn or dead told no one.
    public var deliveredNotices: [EscalationNotice] {
        notices.compactMap { notice in
            notice.deliveredAt.map { deliveredAt in
                var delivered = notice
                delivered.at = deliveredAt
                return delivered
            }
        }
    }
}

/// A record to write, with the state it had when read, so a concurrent acknowledgement is never overwritten.
public struct EscalationUpdate: Hashable, Sendable {
    public var record: EscalationRecord
    /// The state the stored row must still have; nil for a new escalation.
    public var expectedState: EscalationState?
    /// The reason to withdraw its notices not yet sent with, when it just closed (`withdrawn: Build is done`).
    public var withdrawal: String?

    /// Creates an update.
    public init(record: EscalationRecord, expectedState: EscalationState?, withdrawal: String? = nil) {
        self.record = record
        self.expectedState = expectedState
        self.withdrawal = withdrawal
    }
}
