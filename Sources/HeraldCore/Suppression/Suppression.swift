import Foundation

/// A message a rule decided and a suppression stopped, for the log: "why did the owner get no reminder?".
///
/// Recorded at most once per rule, milestone, reason and calendar day in the config's zone.
public struct Suppression: Hashable, Sendable {
    /// When it was decided.
    public var at: Date
    /// The calendar day of `at` in the config's zone.
    public var day: CivilDate
    /// The kind of message that was not sent.
    public var kind: MessageKind
    public var rule: String
    public var projectID: String
    public var milestoneID: String
    /// The people it would have named, by key.
    public var recipients: [String]
    /// The channels it would have gone to.
    public var channels: [String]
    /// `SuppressionReason.code`.
    public var reasonCode: String
    /// `SuppressionReason.description`.
    public var reason: String

    /// Creates a record from stored values.
    public init(
        at: Date, day: CivilDate, kind: MessageKind, rule: String, projectID: String, milestoneID: String,
        recipients: [String], channels: [String], reasonCode: String, reason: String
    ) {
        self.at = at
        self.day = day
        self.kind = kind
        self.rule = rule
        self.projectID = projectID
        self.milestoneID = milestoneID
        self.recipients = recipients
        self.channels = channels
        self.reasonCode = reasonCode
        self.reason = reason
    }

    /// Creates a record of `reason` stopping a message.
    public init(
        at: Date, day: CivilDate, kind: MessageKind, rule: String, milestone: Milestone, recipients: [String],
        channels: [String], reason: SuppressionReason
    ) {
        self.init(
            at: at, day: day, kind: kind, rule: rule, projectID: milestone.projectID, milestoneID: milestone.id,
            recipients: recipients, channels: channels, reasonCode: reason.code, reason: reason.description
        )
    }
}
