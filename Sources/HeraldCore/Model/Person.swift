import Foundation

/// Someone Herald talks to or about.
public struct Person: Hashable, Sendable {
    /// The config key (`alice`).
    public var key: String
    /// Display name (`Alice Ng`).
    public var name: String
    public var email: String?
    /// Channel key where this person is reached.
    public var channel: String?
    /// How to mention them on their channel (`<@U024BE7LH>`); the name is used when absent.
    public var mention: String?
    public var timeZone: TimeZone?
    /// Local hours in which they are not disturbed (`19:00-08:00`).
    public var quietHours: DailyWindow?
    /// Their user ids on the chat platforms commands come from (Slack's or Mattermost's `user_id`).
    public var chatIDs: [String] = []
    /// Their Microsoft Teams user: a user principal name (`alice@contoso.com`) or an Entra object id (a GUID),
    /// which a Teams card's mention pings.
    public var teams: String?
    /// How many messages they get in their day before the rest fold into one summary; nil for the `bundling`
    /// setting's.
    public var maxPerDay: Int?

    /// Creates a person.
    public init(
        key: String, name: String, email: String? = nil, channel: String? = nil, mention: String? = nil,
        timeZone: TimeZone? = nil, quietHours: DailyWindow? = nil
    ) {
        self.key = key
        self.name = name
        self.email = email
        self.channel = channel
        self.mention = mention
        self.timeZone = timeZone
        self.quietHours = quietHours
    }
}

/// A group addressed together (`audience:sponsors`): its members and the channels it reads.
public struct Audience: Hashable, Sendable {
    public var key: String
    /// Person keys.
    public var members: [String]
    /// Channel keys; when empty each member is reached on their own channel.
    public var channels: [String]

    /// Creates an audience.
    public init(key: String, members: [String], channels: [String]) {
        self.key = key
        self.members = members
        self.channels = channels
    }
}
