import Foundation

/// One scheduled run of a digest: the wall time it was scheduled for and the instant that wall time falls on.
public struct DigestSlot: Hashable, Sendable {
    /// The local date.
    public var date: CivilDate
    /// Minutes after local midnight.
    public var minuteOfDay: Int
    /// When it falls due (DST-resolved, see ``DigestSchedule``).
    public var instant: Date

    /// Creates a slot.
    public init(date: CivilDate, minuteOfDay: Int, instant: Date) {
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.instant = instant
    }

    /// The period this slot stands for, as stored: the local wall time, `2026-11-30T09:00`. Unique per run even
    /// where two wall times share an instant (in a spring-forward gap) or one wall time occurs twice (fall-back).
    public var period: String {
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        return "\(date)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

extension DigestSchedule {
    /// How many days `next` and `latest` look at before giving up: eight years and a day, enough for 29 Feb.
    static let searchDays = 8 * 366 + 1

    /// The first slot strictly after `time`, read in `zone`; nil when none falls within eight years.
    public func next(after time: Date, in zone: TimeZone) -> DigestSlot? {
        let calendar = BusinessCalendar(timeZone: zone)
        let start = CivilDate(time, in: zone).adding(days: -1)
        for offset in 0..<Self.searchDays {
            let date = start.adding(days: offset)
            guard runs(on: date) else { continue }
            for minute in minutesOfDay {
                let instant = calendar.instant(of: date, minuteOfDay: minute)
                if instant > time { return DigestSlot(date: date, minuteOfDay: minute, instant: instant) }
            }
        }
        return nil
    }

    /// The last slot at or before `time`, read in `zone`; nil when none falls within the eight years before.
    public func latest(atOrBefore time: Date, in zone: TimeZone) -> DigestSlot? {
        let calendar = BusinessCalendar(timeZone: zone)
        let start = CivilDate(time, in: zone).adding(days: 1)
        for offset in 0..<Self.searchDays {
            let date = start.adding(days: -offset)
            guard runs(on: date) else { continue }
            for minute in minutesOfDay.reversed() {
                let instant = calendar.instant(of: date, minuteOfDay: minute)
                if instant <= time { return DigestSlot(date: date, minuteOfDay: minute, instant: instant) }
            }
        }
        return nil
    }
}
