import Foundation

extension RuleEngine {
    /// The zones of the people `messages` name, each once, in the order first named; the calendar's zone stands
    /// for someone without one, and for messages that name nobody (a channel).
    func zones(of messages: ArraySlice<OutgoingMessage>) -> [String] {
        zones(ofPeople: messages.flatMap(\.recipients)).map(\.identifier)
    }

    /// The zones of the people `keys` name, each once, in the order first named; the calendar's zone stands for
    /// someone without one, and for nobody.
    func zones(ofPeople keys: [String]) -> [TimeZone] {
        var zones: [TimeZone] = []
        for key in keys {
            let zone = configuration.people[key]?.timeZone ?? configuration.calendar.timeZone
            if !zones.contains(zone) { zones.append(zone) }
        }
        return zones.isEmpty ? [configuration.calendar.timeZone] : zones
    }

    /// When a reminder repeats in `slot` after firing at `now`: in working time (see
    /// `BusinessCalendar.workingTime(_:after:at:)`) in each recipient's zone, at the earliest of them, so the
    /// first recipient's morning decides it and quiet hours hold it for the others until theirs.
    func nextRepeat(_ slot: RepeatSlot, after now: Date) -> Date {
        let calendar = configuration.calendar
        return slot.zones.map {
            calendar.reading(in: TimeZone(identifier: $0)).workingTime(slot.interval, after: now, at: slot.at)
        }.min() ?? calendar.workingTime(slot.interval, after: now, at: slot.at)
    }

    /// The date on which the reader sees `message`: the date of its release (the end of its hold, else its
    /// creation) in the zone of the first person it names (the calendar's for a channel or someone without one).
    func readerDate(of message: OutgoingMessage) -> CivilDate {
        let zone = message.recipients.first.flatMap { configuration.people[$0]?.timeZone }
        return configuration.calendar.reading(in: zone).today(at: message.heldUntil ?? message.createdAt)
    }
}

/// What the next repeat of a reminder depends on: its interval, its rule's `at`, and its recipients' zones.
struct RepeatSlot: Hashable, Sendable {
    var interval: Interval
    var at: Int?
    /// Zone identifiers.
    var zones: [String]
}
