import Foundation

/// What a message is about.
public enum MessageKind: String, Codable, CaseIterable, Sendable {
    case reminder, announcement, escalation, digest, resolved, test
    /// Several messages to the same people on the same channel, released within the bundling window, sent as one
    /// (see ``OutgoingMessage/items``).
    case bundle
}

/// One message to one channel, naming everyone reached there. Its id never changes across
/// retries, restarts and replays.
public struct OutgoingMessage: Hashable, Codable, Sendable {
    /// `msg_…`.
    public var id: String
    public var createdAt: Date
    public var kind: MessageKind
    /// The rule that decided it, if any.
    public var rule: String?
    public var project: ProjectRef?
    public var milestones: [MilestoneRef]
    /// Channel key.
    public var channel: String
    /// The people named, by key, in order.
    public var recipients: [String]
    /// How each recipient is mentioned on this channel, in the same order.
    public var mentions: [String]
    /// The message in plain words, without mentions.
    public var text: String
    /// The escalation an `escalation` or `resolved` message belongs to.
    public var escalation: EscalationRef?
    /// The structured content of a `digest` message, which each channel renders in its own format.
    public var digest: DigestReport?
    /// When a message decided inside someone's quiet or off hours may go; nil when it went at once.
    public var heldUntil: Date?
    /// Why it was held, in words (see ``Hold/reason``).
    public var holdReason: String?
    /// The messages a `bundle` carries, one item each, in the order they were decided; nil for every other kind.
    public var items: [BundleItem]?

    /// Creates a message.
    public init(
        id: String, createdAt: Date, kind: MessageKind, rule: String?, project: ProjectRef?,
        milestones: [MilestoneRef], channel: String, recipients: [String], mentions: [String], text: String,
        escalation: EscalationRef? = nil, digest: DigestReport? = nil, heldUntil: Date? = nil,
        holdReason: String? = nil, items: [BundleItem]? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.kind = kind
        self.rule = rule
        self.project = project
        self.milestones = milestones
        self.channel = channel
        self.recipients = recipients
        self.mentions = mentions
        self.text = text
        self.escalation = escalation
        self.digest = digest
        self.heldUntil = heldUntil
        self.holdReason = holdReason
        self.items = items
    }

    /// When it may first be sent: the end of its hold, else its creation.
    public var releasedAt: Date {
        heldUntil ?? createdAt
    }
}

/// The escalation a message belongs to, as payloads show it.
public struct EscalationRef: Hashable, Codable, Sendable {
    /// `esc_…`.
    public var id: String
    /// The policy's name.
    public var policy: String
    /// 1-based level this message notifies (for `resolved`, the highest level reached).
    public var level: Int
    /// How many levels the policy has.
    public var levels: Int
    /// True when the message repeats the last level.
    public var isRepeat: Bool
    /// Where to acknowledge it from the message (`PUBLIC_URL/ack/TOKEN`, see ``AckLinks``); nil for a `resolved`
    /// message, or when `server.public_url` is not set.
    public var ackURL: String?

    /// Creates a reference.
    public init(id: String, policy: String, level: Int, levels: Int, isRepeat: Bool = false, ackURL: String? = nil) {
        self.id = id
        self.policy = policy
        self.level = level
        self.levels = levels
        self.isRepeat = isRepeat
        self.ackURL = ackURL
    }
}

/// A project as named in a message.
public struct ProjectRef: Hashable, Codable, Sendable {
    public var id: String
    public var name: String

    /// Creates a reference.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A milestone as shown in a message.
public struct MilestoneRef: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    public var due: CivilDate
    public var status: MilestoneStatus
    public var owner: String

    /// Creates a reference.
    public init(id: String, title: String, due: CivilDate, status: MilestoneStatus, owner: String) {
        self.id = id
        self.title = title
        self.due = due
        self.status = status
        self.owner = owner
    }
}
