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
    /// What an `announcement` says changed, field by field (`status`, `due`, `owner`, `note`, values as the history
    /// records them); nil for other kinds and for a milestone announced as added.
    public var changes: [FieldChange]?
    /// Who made an announcement's change, as its history records it (a person key or a free name); nil when not
    /// known, as for a project file's change.
    public var actor: String?
    /// The messages a `bundle` carries, one item each, in the order they were decided; nil for every other kind.
    public var items: [BundleItem]?
    /// The page of the one milestone a reminder, escalation, announcement or resolved message is about
    /// (`PUBLIC_URL/milestones/PROJECT/MILESTONE?token=T`, see ``MilestoneLinks``); nil for other kinds, or when
    /// `server.public_url` is not set. Not part of the message's id.
    public var milestoneURL: String?

    /// Creates a message.
    public init(
        id: String, createdAt: Date, kind: MessageKind, rule: String?, project: ProjectRef?,
        milestones: [MilestoneRef], channel: String, recipients: [String], mentions: [String], text: String,
        escalation: EscalationRef? = nil, digest: DigestReport? = nil, heldUntil: Date? = nil,
        holdReason: String? = nil, changes: [FieldChange]? = nil, actor: String? = nil,
        items: [BundleItem]? = nil, milestoneURL: String? = nil
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
        self.changes = changes
        self.actor = actor
        self.items = items
        self.milestoneURL = milestoneURL
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

/// A milestone as shown in a message, with its place among the dependencies.
public struct MilestoneRef: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    public var due: CivilDate
    public var status: MilestoneStatus
    public var owner: String
    /// The due date first agreed, when it has one.
    public var baseline: CivilDate?
    /// True when it lies on a project's critical path (``DependencyGraph``); nil when not worked out (a digest's).
    public var critical: Bool?
    /// What it depends on, as `PROJECT/MILESTONE`, in `depends_on` order.
    public var dependsOn: [String]
    /// Every milestone that depends on it, directly or through others, as `PROJECT/MILESTONE`, by due date; nil when
    /// not worked out (a digest's).
    public var blocks: [String]?

    /// Creates a reference.
    public init(
        id: String, title: String, due: CivilDate, status: MilestoneStatus, owner: String, baseline: CivilDate? = nil,
        critical: Bool? = nil, dependsOn: [String] = [], blocks: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.due = due
        self.status = status
        self.owner = owner
        self.baseline = baseline
        self.critical = critical
        self.dependsOn = dependsOn
        self.blocks = blocks
    }

    /// `milestone` as shown in a message; whether it is on the critical path and what it blocks from `graph` (not
    /// worked out without one).
    public init(_ milestone: Milestone, in graph: DependencyGraph?) {
        self.init(
            id: milestone.id, title: milestone.title, due: milestone.due, status: milestone.status,
            owner: milestone.owner, baseline: milestone.baseline, critical: graph?.isOnCriticalPath(milestone.key),
            dependsOn: milestone.dependsOn.map { MilestoneKey(reference: $0, from: milestone.projectID).description },
            blocks: graph?.blocks(milestone.key).map(\.description)
        )
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, due, status, owner, baseline, critical, dependsOn, blocks
    }

    /// Decodes a reference; one stored before it carried dependencies has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            due: try container.decode(CivilDate.self, forKey: .due),
            status: try container.decode(MilestoneStatus.self, forKey: .status),
            owner: try container.decode(String.self, forKey: .owner),
            baseline: try container.decodeIfPresent(CivilDate.self, forKey: .baseline),
            critical: try container.decodeIfPresent(Bool.self, forKey: .critical),
            dependsOn: try container.decodeIfPresent([String].self, forKey: .dependsOn) ?? [],
            blocks: try container.decodeIfPresent([String].self, forKey: .blocks)
        )
    }

    /// Encodes a reference, leaving out what it does not have (no baseline, no dependencies, not worked out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(due, forKey: .due)
        try container.encode(status, forKey: .status)
        try container.encode(owner, forKey: .owner)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(critical, forKey: .critical)
        if !dependsOn.isEmpty { try container.encode(dependsOn, forKey: .dependsOn) }
        try container.encodeIfPresent(blocks, forKey: .blocks)
    }
}
