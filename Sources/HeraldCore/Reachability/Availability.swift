import Foundation

/// When one person or one channel may be disturbed, by the wall clock of its own zone.
///
/// A person may be disturbed on the calendar's business days, inside its working hours and outside their own
/// quiet hours, all read in their zone; a channel only outside its quiet hours.
struct Availability: Sendable {
    /// Whom the rules are about.
    enum Subject: Hashable, Sendable {
        case person(String)
        case channel(String)
    }

    let subject: Subject
    /// The organisation's calendar, read in the subject's zone.
    let calendar: BusinessCalendar
    /// Whether business days and working hours apply (people) or only quiet hours (channels).
    let keepsWorkingHours: Bool
    let quietHours: DailyWindow?

    /// The first instant at or after `instant`, and not after `limit`, at which the subject may be disturbed;
    /// nil when there is none up to `limit`.
    func nextOpen(atOrAfter instant: Date, limit: Date) -> Date? {
        var time = instant
        while time <= limit {
            if keepsWorkingHours {
                let working = calendar.nextWorkingInstant(atOrAfter: time)
                if working != time {
                    time = working
                    continue
                }
            }
            guard let quietHours, quietHours.contains(minuteOfDay: calendar.minuteOfDay(time)) else { return time }
            time = endOfQuietHours(quietHours, containing: time)
        }
        return nil
    }

    /// True when the subject may be disturbed at `instant`.
    func isOpen(at instant: Date) -> Bool {
        nextOpen(atOrAfter: instant, limit: instant) != nil
    }

    /// Why the subject may not be disturbed at `instant`, in words: `quiet hours for alice (19:00-08:00
    /// America/New_York)`, `outside working hours for bob (09:00-17:30 Europe/London)`, `not a working day for bob
    /// (Sat 28 Nov, Europe/London)`, `quiet hours on #eng (22:00-07:00 Europe/London)`.
    func obstacle(at instant: Date) -> String {
        let zone = calendar.timeZone.identifier
        let date = calendar.today(at: instant)
        if keepsWorkingHours, !calendar.isBusinessDay(date) {
            return "not a working day for \(name) (\(date.shortDisplay), \(zone))"
        }
        if let quietHours, quietHours.contains(minuteOfDay: calendar.minuteOfDay(instant)) {
            return "quiet hours \(subjectIsChannel ? "on" : "for") \(name) (\(quietHours) \(zone))"
        }
        return "outside working hours for \(name) (\(calendar.hours) \(zone))"
    }

    /// `Mon 30 Nov 09:00`: `instant` on the subject's wall clock, with its year when that is not the year at `now`
    /// (`Mon 4 Jan 2027 09:00`).
    func wallTime(_ instant: Date, seenAt now: Date) -> String {
        let day = calendar.today(at: instant).display(today: calendar.today(at: now))
        return "\(day) \(DailyWindow.clockTime(calendar.minuteOfDay(instant)))"
    }

    /// `alice` or `#eng`.
    var name: String {
        switch subject {
        case .person(let key): return key
        case .channel(let key): return "#" + key
        }
    }

    private var subjectIsChannel: Bool {
        if case .channel = subject { return true }
        return false
    }

    /// The instant the quiet hours that contain `instant` end.
    private func endOfQuietHours(_ quietHours: DailyWindow, containing instant: Date) -> Date {
        let minute = calendar.minuteOfDay(instant)
        let date = calendar.today(at: instant)
        let endsTomorrow = quietHours.start > quietHours.end && minute >= quietHours.start
        let end = calendar.instant(of: endsTomorrow ? date.adding(days: 1) : date, minuteOfDay: quietHours.end)
        if end > instant { return end }
        // In the hour repeated when clocks go back, the end read as its first occurrence is already past: the
        // second occurrence is the wall-clock minutes left away, with no other change of offset in between.
        let minutesLeft = (quietHours.end - minute + 1440) % 1440
        let intoMinute = instant.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)
        return instant.addingTimeInterval(Double(minutesLeft * 60) - intoMinute)
    }
}
