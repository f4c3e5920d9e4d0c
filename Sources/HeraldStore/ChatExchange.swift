import Foundation

/// A slash command received from a chat platform and Herald's answer: one line of the communication log.
public struct ChatExchange: Hashable, Sendable {
    /// How a command ended.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// A read (`status`, `help`) was answered.
        case answered
        /// A change (`ack`, `done`, `due`, `snooze`) was made.
        case applied
        /// The sender may not make changes (an unknown chat user).
        case refused
        /// The command could not be carried out: unknown command or target, bad date, already closed.
        case invalid
    }

    /// When it was received.
    public var at: Date
    /// `slack` or `mattermost`.
    public var platform: String
    /// The sender's id on the platform.
    public var userID: String
    /// The person key the sender maps to (`people.X.chat_id`); nil for an unknown user.
    public var person: String?
    /// The chat channel it was typed in, by name when the platform gives one.
    public var channel: String?
    /// The command text after the slash command (`done apollo/design`).
    public var text: String
    /// What Herald answered.
    public var answer: String
    public var outcome: Outcome
    /// The project the command was about, when it named one (for the log's filters).
    public var projectID: String?
    /// The milestone the command was about, when it named one.
    public var milestoneID: String?

    /// Creates an exchange.
    public init(
        at: Date, platform: String, userID: String, person: String?, channel: String?, text: String, answer: String,
        outcome: Outcome, projectID: String? = nil, milestoneID: String? = nil
    ) {
        self.at = at
        self.platform = platform
        self.userID = userID
        self.person = person
        self.channel = channel
        self.text = text
        self.answer = answer
        self.outcome = outcome
        self.projectID = projectID
        self.milestoneID = milestoneID
    }
}
