import Foundation

/// Decides when a message may go out so that nobody is disturbed out of hours.
///
/// A person is reachable at an instant when, in their zone (default: the calendar's), it falls on a business day
/// of the calendar, inside its working hours and outside the person's quiet hours. A channel with quiet hours is
/// quiet inside them, in its own zone (default: the calendar's); other channels impose nothing, and a `console`
/// channel never holds anything (a local terminal pings nobody). A message is released at the earliest instant at
/// or after its decision at which every person it names is reachable and its channel is not quiet; when there is
/// no such instant within ``horizon`` (people in opposite zones), when the first of them is reachable. Someone who
/// is never reachable (quiet hours covering all working hours, which the config refuses) holds nothing.
public struct Reachability: Sendable {
    /// How far ahead a window common to everyone a message names is looked for: 14 days.
    public static let horizon: TimeInterval = 14 * 86_400

    private let people: [String: Availability]
    /// Only the channels with quiet hours.
    private let quietChannels: [String: Availability]
    private let consoleChannels: Set<String>
    /// The zone in which the log shows times: a release in another zone is written with its zone's name.
    private let displayZone: TimeZone

    /// Creates the rules for a calendar and the configured people and channels.
    public init(calendar: BusinessCalendar, people: [String: Person], channels: [String: Channel]) {
        self.people = people.mapValues { person in
            Availability(
                subject: .person(person.key), calendar: calendar.reading(in: person.timeZone), keepsWorkingHours: true,
                quietHours: person.quietHours
            )
        }
        quietChannels = channels.compactMapValues { channel in
            guard channel.kind != .console, let quiet = channel.quietHours else { return nil }
            return Availability(
                subject: .channel(channel.name), calendar: calendar.reading(in: channel.timeZone),
                keepsWorkingHours: false, quietHours: quiet
            )
        }
        consoleChannels = Set(channels.values.filter { $0.kind == .console }.map(\.name))
        displayZone = calendar.timeZone
    }

    /// The hold of a message to `channel` naming the people `recipients` (keys), decided at `now`; nil when it may
    /// go at once.
    public func hold(channel: String, recipients: [String], at now: Date) -> Hold? {
        guard !consoleChannels.contains(channel) else { return nil }
        let named = recipients.compactMap { people[$0] }
        let quiet = quietChannels[channel].map { [$0] } ?? []
        let everyone = named + quiet
        let limit = now.addingTimeInterval(Self.horizon)
        var release = Self.earliest(everyone, from: now, limit: limit)
        var firstReachable: Availability?
        if release == nil {
            let candidates = named.compactMap { person in
                (Self.earliest([person] + quiet, from: now, limit: limit)
                    ?? Self.earliest([person], from: now, limit: limit)).map { (person: person, at: $0) }
            }
            let first = candidates.min { $0.at < $1.at }
            release = first?.at
            firstReachable = first?.person
        }
        guard let release, release > now else { return nil }
        let obstacles = everyone.filter { !$0.isOpen(at: now) }
        guard let shownIn = firstReachable ?? obstacles.first else { return nil }
        var reason = obstacles.map { $0.obstacle(at: now) }.joined(separator: ", ") + " until "
            + shownIn.wallTime(release, seenAt: now)
        if shownIn.calendar.timeZone != displayZone { reason += " " + shownIn.calendar.timeZone.identifier }
        if let firstReachable {
            let names = everyone.map(\.name)
            reason += "; \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") have no common window "
                + "within \(Int(Self.horizon / 86_400)) days, so it goes when \(firstReachable.name) is reachable"
        }
        return Hold(until: release, reason: reason)
    }

    /// The earliest instant in `[start, limit]` at which every subject may be disturbed; nil when there is none.
    /// Each round moves to the latest of the subjects' next open instants, so it stops at the first common one.
    private static func earliest(_ subjects: [Availability], from start: Date, limit: Date) -> Date? {
        var time = start
        while true {
            var latest = time
            for subject in subjects {
                guard let open = subject.nextOpen(atOrAfter: time, limit: limit) else { return nil }
                latest = max(latest, open)
            }
            if latest == time { return time }
            time = latest
        }
    }
}
