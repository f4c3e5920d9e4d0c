import Foundation

extension DigestDefinition {
    /// The schedule read from ``schedule``; nil when it does not parse (the config loader rejects such a digest).
    public var parsedSchedule: DigestSchedule? {
        try? DigestSchedule(parsing: schedule)
    }

    /// The zone its schedule is read in: its own, else `fallback` (the config's).
    public func zone(default fallback: TimeZone) -> TimeZone {
        timeZone ?? fallback
    }

    /// What its runs are tracked under: the schedule text and the zone. A change of either starts the tracking
    /// afresh, so a slot of the new schedule that lies before the change is not sent as a missed run.
    public func scheduleKey(default fallback: TimeZone) -> String {
        "\(schedule) @ \(zone(default: fallback).identifier)"
    }
}
