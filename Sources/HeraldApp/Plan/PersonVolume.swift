import Foundation
import HeraldCore

/// How much one person would receive over a plan's window: `herald plan --by person`. A bundle is one message to
/// each of its recipients (the items it carries are counted apart), so the figures are what reaches them.
public struct PersonVolume: Hashable, Sendable {
    /// A channel and how many messages reach the person there.
    public struct ChannelCount: Hashable, Sendable {
        public var channel: String
        public var messages: Int

        /// Creates a count.
        public init(channel: String, messages: Int) {
            self.channel = channel
            self.messages = messages
        }
    }

    /// The person's key; nil for the messages that name nobody (a channel's own posts).
    public var person: String?
    /// Messages that reach them.
    public var messages: Int
    /// What those messages carry: a bundle counts each of its items, any other message one.
    public var items: Int
    /// Messages by channel, busiest first, then by key.
    public var channels: [ChannelCount]
    /// The day (in the plan's zone) on which most messages reach them, the earliest of equals.
    public var busiestDay: CivilDate
    /// How many reach them that day.
    public var busiestDayMessages: Int

    /// Every person that `entries` reach, the most messaged first, then by key; the messages naming nobody last.
    public static func of(_ entries: [PlanEntry], in zone: TimeZone) -> [PersonVolume] {
        var byPerson: [String?: [PlanEntry]] = [:]
        for entry in entries {
            let recipients = Set(entry.message.recipients)
            let people: [String?] = recipients.isEmpty ? [nil] : recipients.map(Optional.some)
            for person in people { byPerson[person, default: []].append(entry) }
        }
        return byPerson.map { PersonVolume(person: $0.key, $0.value, in: zone) }.sorted { lhs, rhs in
            if (lhs.person == nil) != (rhs.person == nil) { return rhs.person == nil }
            if lhs.messages != rhs.messages { return lhs.messages > rhs.messages }
            return (lhs.person ?? "") < (rhs.person ?? "")
        }
    }

    /// The volume of `entries`, which are not empty.
    private init(person: String?, _ entries: [PlanEntry], in zone: TimeZone) {
        self.person = person
        messages = entries.count
        items = entries.reduce(0) { $0 + ($1.message.items?.count ?? 1) }
        channels = Self.counted(entries.map(\.message.channel)).map {
            ChannelCount(channel: $0.key, messages: $0.count)
        }
        let busiest = Self.counted(entries.map { CivilDate($0.sendAt, in: zone) })[0]
        busiestDay = busiest.key
        busiestDayMessages = busiest.count
    }

    /// Each distinct value and how often it occurs, the most frequent first, then by value (dates in order).
    private static func counted<Value: Comparable & Hashable>(_ values: [Value]) -> [(key: Value, count: Int)] {
        Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).map { (key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}
